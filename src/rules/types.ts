/** A tag as a site wrote it: `female:netorare` is `{ namespace: 'female', name: 'netorare' }`. */
export interface Tag {
  namespace?: string;
  name: string;
}

/** What a site adapter reads from one catalog entry. Plain data, no DOM. */
export interface EntryFacts {
  id: string;
  tags: Tag[];
  title: string;
  creators: string[];
}

export type Action = 'hide' | 'blur' | 'label';

export const ACTIONS: readonly Action[] = ['hide', 'blur', 'label'];

/** Higher wins when several lists match one entry: hide > blur > label. */
export const ACTION_STRENGTH: Record<Action, number> = { label: 1, blur: 2, hide: 3 };

/** The rule source a matcher is compiled from: one blocklist as stored in settings. */
export interface RuleList {
  id: string;
  name: string;
  enabled: boolean;
  action: Action;
  patterns: string[];
}

/** Why an entry was acted on: which rule of which list matched which tag. */
export interface Reason {
  listId: string;
  listName: string;
  action: Action;
  /** The rule as the user wrote it. */
  rule: string;
  /** The tag as the site wrote it; its name is what the user is shown. */
  tag: Tag;
}

export interface Verdict {
  /** The strongest action of all matching lists, or null when nothing matched. */
  action: Action | null;
  reasons: Reason[];
}

export const NO_VERDICT: Verdict = Object.freeze({ action: null, reasons: [] }) as Verdict;
