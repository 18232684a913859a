import type { EntryFacts } from '../rules/types';

/**
 * Knows how one site writes its catalog. Returns plain data and touches nothing.
 * The file name under src/sites is the id.
 */
export interface SiteAdapter {
  /** kebab-case, equal to the file name. */
  id: string;
  /** Shown to the user ("Archive of Our Own"). */
  name: string;
  /** Manifest match patterns of the pages the content script runs on. */
  matches: string[];
  /** CSS selector of one catalog entry's root element. */
  entrySelector: string;
  /** Reads one entry (an element matching `entrySelector`). */
  read(entry: Element): EntryFacts;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
