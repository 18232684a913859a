import type { PageEntries } from '../messages';
import { canonicalId, isEntryId } from '../rules/entry-rules';
import { readEntry, type SiteAdapter } from '../sites/types';

// messages.ts's bounds, not imported: that module declares its schemas with zod, which no content script
// carries (list-entries.test.ts holds the two equal).
/** Longest title an entry is listed with in the popup (LISTED_TITLE_LENGTH). */
export const LISTED_TITLE_LENGTH = 300;
/** Most entries the popup is told of (MAX_LISTED_ENTRIES). */
export const LISTED_ENTRIES = 2_000;

/** A title and nothing else: the popup lists entries by title (and id) to hide one. */
const TITLE_ONLY = { title: true, creators: false };

/**
 * The page's entries for the popup's "Entries on this page": each entry with an id (as an entry rule
 * holds it), once, with its title, in the page's order. Read afresh when the popup asks; nothing kept.
 */
export function listEntries(doc: Document, adapter: SiteAdapter): PageEntries {
  const seen = new Set<string>();
  const entries: PageEntries['entries'] = [];
  for (const el of doc.querySelectorAll(adapter.entrySelector)) {
    let facts: ReturnType<typeof readEntry>;
    try {
      facts = readEntry(adapter, el, TITLE_ONLY);
    } catch {
      continue; // an entry that cannot be read has no id to hide it by
    }
    const id = canonicalId(adapter.id, facts.id);
    if (!isEntryId(adapter.id, id) || seen.has(id)) continue;
    seen.add(id);
    if (entries.length < LISTED_ENTRIES)
      entries.push({ id, title: facts.title.slice(0, LISTED_TITLE_LENGTH) });
  }
  return { site: adapter.id, entries, total: seen.size };
}
