import type { TagSourceDeps } from '../types';

/**
 * Where nhentai-tags.js (entrypoints/nhentai-tags.ts) leaves every tag-type id's name, one "id name" line
 * each, in the content script's world.
 */
export const NHENTAI_TAGS_KEY = Symbol.for('tagveil.nhentai-tags');

/** What the page's script gives the name look-up: its dictionary, and where learned names are kept. */
export interface NameLookupOf extends TagSourceDeps {
  dictionary: Map<string, string>;
  /** Keeps what was learned for later visits (the learned-spellings store). */
  save: (pairs: Record<string, string>) => void;
}

/**
 * storage.local key of the names as the background keeps them for pages, with the extension's version
 * they came with: a page reads them beside its settings (both answers come together), which is sooner
 * than importing nhentai-tags.js (~25 ms later in fresh browsers, docs/performance.md).
 */
export const NHENTAI_NAMES_KEY = 'nhentai-names';

/** What the background keeps under NHENTAI_NAMES_KEY. */
export interface StoredNames {
  v: string;
  names: string;
}

/** The names a page may use from storage: those of this version of the extension, else none. */
export function currentNames(stored: unknown, version: string): string | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { v, names } = stored as Partial<StoredNames>;
  return v === version && typeof names === 'string' ? names : undefined;
}

/** "id name" lines as id → name (lines without both are skipped). */
export function tagIdPairs(lines: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const line of lines.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && space < line.length - 1) pairs[line.slice(0, space)] = line.slice(space + 1);
  }
  return pairs;
}
