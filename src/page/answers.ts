import type { CountMatchesAnswer, EntryAtMenuAnswer, PageEntries, PageState } from '../messages';
import type { compileWith } from '../rules/compile';
import { tagToString } from '../rules/normalize';
import type { fromChecked, PreparedLines } from '../rules/regex-verdicts';
import { type Action, reasonLabel } from '../rules/types';
import type { SiteAdapter } from '../sites/types';
import { countMatches } from './count-matches';
import { listEntries } from './list-entries';
import { pageRequest } from './requests';
import type { Scanner } from './scanner';

/**
 * The popup lists at most this many of the tags seen on a page, most frequent first (it has a filter):
 * every tag of a listing (a 20-work AO3 page carries ~600), a bound only for a page of thousands.
 */
export const MAX_TAGS_SEEN = 5_000;

export type PageAnswer = PageState | CountMatchesAnswer | EntryAtMenuAnswer | PageEntries;

/** What the popup's answers read of a page's runtime (runtime.ts makes it). */
export interface PageView {
  doc: Document;
  adapter: SiteAdapter;
  scanner: Scanner;
  /**
   * The page's state beyond what is counted here: the site, the switches, timing, problems (given the
   * entries counted here: none on a listing says its layout may have changed).
   */
  state(entries: number): Omit<PageState, 'entries' | 'counts' | 'rules' | 'tags'>;
  /** The parses and prepared expressions of the settings in force (a typed rule is counted with them). */
  checked: PreparedLines | undefined;
  /** The script's own compiler and line checks (this module is loaded beside it: no second copy). */
  compile: typeof compileWith;
  fromChecked: typeof fromChecked;
}

export interface ScanStats {
  entries: number;
  counts: Record<Action, number>;
  /** Per rule of a list: the tags it matched and on how many entries. */
  rules: Map<string, { listName: string; rule: string; action: Action; tags: Set<string>; entries: number }>;
  /** Tags on this page (as the site wrote them) and on how many entries, most frequent first. */
  tags: { tag: string; entries: number }[];
}

/**
 * The tags on a page as last counted for the popup, by what they were counted for (Scanner.factsKey):
 * a re-judge (the popup asks twice after every rule it adds) changes verdicts, not tags.
 */
const tagsCounted = new WeakMap<Scanner, { key: string; tags: ScanStats['tags'] }>();

/** What the popup shows of the page: entries acted on, per action and per rule, and the tags seen. */
export function scanStats(scanner: Scanner): ScanStats {
  const stats: ScanStats = {
    entries: 0,
    counts: { hide: 0, collapse: 0, blur: 0, label: 0 },
    rules: new Map(),
    tags: [],
  };
  const key = scanner.factsKey();
  const kept = tagsCounted.get(scanner);
  const counted = kept?.key === key ? kept.tags : null;
  const seen = new Map<string, number>();
  for (const entry of scanner.entries()) {
    stats.entries++;
    const verdict = scanner.verdictOf(entry);
    if (!verdict) continue;
    // Tags (only) are counted when the popup asks and the page changed since the last count.
    if (!counted) {
      for (const tag of new Set((scanner.tagsOf(entry) ?? []).map(tagToString))) {
        seen.set(tag, (seen.get(tag) ?? 0) + 1);
      }
    }
    if (!verdict.action) continue;
    stats.counts[verdict.action]++;
    const ruleKeys = new Set<string>();
    for (const reason of verdict.reasons) {
      const ruleKey = `${reason.listId}\u0000${reason.rule}`;
      let row = stats.rules.get(ruleKey);
      if (!row) {
        row = {
          listName: reason.listName,
          rule: reason.rule,
          action: reason.action,
          tags: new Set(),
          entries: 0,
        };
        stats.rules.set(ruleKey, row);
      }
      row.tags.add(reasonLabel(reason));
      if (!ruleKeys.has(ruleKey)) row.entries++;
      ruleKeys.add(ruleKey);
    }
  }
  stats.tags =
    counted ??
    [...seen]
      .map(([tag, n]) => ({ tag, entries: n }))
      .sort((a, b) => b.entries - a.entries || a.tag.localeCompare(b.tag))
      .slice(0, MAX_TAGS_SEEN);
  tagsCounted.set(scanner, { key, tags: stats.tags });
  return stats;
}

/** The page's state for the popup. */
export function pageState(view: PageView): PageState {
  const stats = scanStats(view.scanner);
  return {
    ...view.state(stats.entries),
    entries: stats.entries,
    counts: stats.counts,
    rules: [...stats.rules.values()].map((r) => ({ ...r, tags: [...r.tags] })),
    tags: stats.tags,
  };
}

/**
 * Answers the popup, its message checked first (requests.ts); null for one that does not read. Part of
 * the page UI (ui.ts): a built-in site's script loads it the first time the popup asks, not on every
 * page load.
 */
export function answerPopup(message: unknown, view: PageView): PageAnswer | null {
  const request = pageRequest(message);
  switch (request?.type) {
    case 'tagveil:count-matches': {
      const checks = view.fromChecked(request, view.checked);
      return countMatches(view.doc, view.adapter, request.rule, request.aliases, checks, view.compile);
    }
    case 'tagveil:list-entries':
      return listEntries(view.doc, view.adapter);
    case 'tagveil:show-all':
      view.scanner.showAll();
      return pageState(view);
    case 'tagveil:get-page-state':
      return pageState(view);
    default:
      return null;
  }
}
