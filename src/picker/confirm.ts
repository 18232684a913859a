import { selectorTextProblem } from '../sites/custom';
import type { Proposal } from './propose';

/**
 * The options page's address for confirming a picked site: `?site=<origin>&entry=…&tags=…#custom-sites`,
 * or null when the page is not an https page or a selector is not one (checked again here, as at every
 * boundary: the form checks it too, and so does the settings schema).
 */
export function pickedSiteQuery(pageUrl: string | undefined, picked: Proposal): string | null {
  let origin: string;
  try {
    const url = new URL(pageUrl ?? '');
    if (url.protocol !== 'https:') return null;
    origin = url.origin;
  } catch {
    return null;
  }
  if (selectorTextProblem(picked.entrySelector) || selectorTextProblem(picked.tagSelector)) return null;
  const query = new URLSearchParams({ site: origin, entry: picked.entrySelector, tags: picked.tagSelector });
  return `?${query}#custom-sites`;
}

/** What the options page's form is filled with, from its address (the picker's, or the popup's site only). */
export function pickedFromQuery(search: string): { site: string; entry: string; tags: string } {
  const params = new URLSearchParams(search);
  return { site: params.get('site') ?? '', entry: params.get('entry') ?? '', tags: params.get('tags') ?? '' };
}
