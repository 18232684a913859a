/** A tag as a site wrote it: `female:netorare` is `{ namespace: 'female', name: 'netorare' }`. */
export interface Tag {
  namespace?: string;
  name: string;
  /** The name a site dictionary gives this spelling (nhentai's id 1234 → "netorare"); matched as well. */
  canonical?: string;
}

/** What a site adapter reads from one catalog entry. Plain data, no DOM. */
export interface EntryFacts {
  id: string;
  tags: Tag[];
  title: string;
  creators: string[];
}

/**
 * Which facts beyond tags some rule asks about. Reading a fact costs DOM calls, so an adapter may leave out
 * (as '' or []) what no rule can match; the id and tags are always read.
 */
export interface FactNeeds {
  title: boolean;
  creators: boolean;
  /** Some rule matches entries by their id (an `entry:` line): the page keeps ids, not only their hash. */
  ids?: boolean;
}

export const ALL_FACTS: FactNeeds = { title: true, creators: true };
export const TAGS_ONLY: FactNeeds = { title: false, creators: false };

export type Action = 'hide' | 'collapse' | 'blur' | 'label';

export const ACTIONS: readonly Action[] = ['hide', 'collapse', 'blur', 'label'];

/** Higher wins when several lists match one entry: hide > collapse > blur > label. */
export const ACTION_STRENGTH: Record<Action, number> = { label: 1, blur: 2, collapse: 3, hide: 4 };

/** The rule source a matcher is compiled from: one blocklist as stored in settings. */
export interface RuleList {
  id: string;
  name: string;
  enabled: boolean;
  action: Action;
  patterns: string[];
  /** Site ids this list applies to; absent means every site. */
  sites?: string[];
  /** Epoch milliseconds until which the list is paused (a snooze). */
  snoozedUntil?: number;
  /** Tags this list's own rules must not count ("No Cheating"): tag by tag, this list only. */
  exceptions?: string[];
}

/** Why an entry was acted on: which rule of which list matched which tag or text. */
export interface Reason {
  listId: string;
  listName: string;
  action: Action;
  /** The rule as the user wrote it. */
  rule: string;
  /** The rule's `# note`, if it has one. */
  note?: string;
  /** The tag as the site wrote it, when a tag matched. */
  tag?: Tag;
  /** The title or creator text, when one of those matched. */
  text?: string;
  /** An entry rule matched: the user hid this one entry by its id (entry-rules.ts). */
  byId?: true;
}

/** What the user is shown for a reason: the note, else the tag's name, else the text. */
export function reasonLabel(reason: Reason): string {
  return reason.note ?? reason.tag?.canonical ?? reason.tag?.name ?? reason.text ?? reason.rule;
}

export interface Verdict {
  /** The strongest action of all matching lists, or null when nothing matched. */
  action: Action | null;
  reasons: Reason[];
}

export const NO_VERDICT: Verdict = Object.freeze({ action: null, reasons: [] }) as Verdict;
