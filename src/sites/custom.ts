import { ALL_FACTS, type Tag } from '../rules/types';
import { type CustomSite, originPattern } from '../settings/schema';
import { type SiteAdapter, text } from './types';

/**
 * A site the user added in the options: entries and tags found by the selectors they gave. Registered
 * at run time (src/background/custom-sites.ts) on origins the user granted, not in the manifest.
 */
export function customAdapter(site: CustomSite): SiteAdapter {
  return {
    id: site.id,
    name: site.name,
    matches: [originPattern(site.origin)],
    entrySelector: site.entrySelector,
    expectsEntries: () => false, // nothing known about the site's pages beyond the selectors
    read(entry, needs = ALL_FACTS) {
      const tags: Tag[] = [];
      for (const el of entry.querySelectorAll(site.tagSelector)) {
        const name = text(el);
        if (name) tags.push({ name });
      }
      const titleEl = needs.title && site.titleSelector ? entry.querySelector(site.titleSelector) : null;
      const link = entry.querySelector('a[href]')?.getAttribute('href') ?? '';
      return { id: entry.id || link, tags, title: text(titleEl), creators: [] };
    },
  };
}

/** The id a custom site gets from its host: `custom-example-com`. */
export function customSiteId(origin: string): string {
  return `custom-${new URL(origin).host.toLowerCase().replace(/[^a-z0-9]+/gu, '-')}`;
}

/** Why a selector cannot be used, or null when it reads. Checked against an empty fragment. */
export function selectorProblem(selector: string, doc: Document = document): string | null {
  if (selector.trim() === '') return 'empty';
  try {
    doc.createDocumentFragment().querySelector(selector);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
