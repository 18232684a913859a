// What the popup shows, given the settings and what the page's content script said: pure functions, no
// DOM and no browser, tested in src/views/popup-model.test.ts. src/views/popup.ts draws them.
import type { PageEntries, PageState } from '../messages';
import {
  canonicalId,
  describeEntry,
  type EntryKind,
  type EntryWords,
  type HiddenEntry,
  hiddenEntries,
  readEntryRule,
} from '../rules/entry-rules';
import { fold } from '../rules/normalize';
import type { RuleError } from '../rules/parse';
import { parseRule } from '../rules/parse';
import { PRESETS } from '../rules/presets';
import { literalTag } from '../settings/foreign';
import type { Blocklist, Settings } from '../settings/schema';
import type { SiteAdapter } from '../sites/types';
import type { MessageKey } from '../ui/i18n';

/** "tag": the typed text is one tag, quoted as needed; "rule": the text is rule syntax. */
export type BlockMode = 'tag' | 'rule';

export type BlockRule =
  | { ok: true; rule: string }
  | { ok: false; empty: true }
  | ({ ok: false; empty: false } & RuleError);

/** The rule the block box would add: the typed tag written so it reads as that one tag, or the rule as typed. */
export function blockRule(text: string, mode: BlockMode): BlockRule {
  const typed = text.replace(/\s+/gu, ' ').trim();
  if (typed === '') return { ok: false, empty: true };
  if (mode === 'tag') return { ok: true, rule: literalTag(typed) };
  const parsed = parseRule(typed);
  if (!parsed.ok) return { ok: false, empty: false, ...parsed.error };
  // A comment alone blocks nothing.
  if (!parsed.rule) return { ok: false, empty: true };
  return { ok: true, rule: typed };
}

/** Lists the popup can add to (a subscription's rules come from its address, not from here). */
export function editableLists(settings: Settings): Blocklist[] {
  return settings.lists.filter((l) => !l.source);
}

/** The list a quick block goes to: the user's last choice, else the first list that is on, else the first. */
export function preferredList(settings: Settings, chosen: string | null): string | undefined {
  const editable = editableLists(settings);
  if (chosen && editable.some((l) => l.id === chosen)) return chosen;
  return editable.find((l) => l.enabled)?.id ?? editable[0]?.id;
}

export type ListState = 'on' | 'off' | 'paused';

export interface ListRow {
  id: string;
  name: string;
  state: ListState;
  /** Until when it is paused (epoch ms), when it is. */
  pausedUntil?: number;
  action: Blocklist['action'];
  rules: number;
  /** Applies to this page's site (a list scoped to other sites does nothing here). */
  here: boolean;
}

/** A list as the popup shows it: a snoozed list is paused, not on. */
export function listState(list: Blocklist, now: number): ListState {
  if (!list.enabled) return 'off';
  return list.snoozedUntil !== undefined && list.snoozedUntil > now ? 'paused' : 'on';
}

export function listRows(settings: Settings, siteId: string | null, now: number): ListRow[] {
  return settings.lists.map((list) => {
    const state = listState(list, now);
    return {
      id: list.id,
      name: list.name,
      state,
      ...(state === 'paused' ? { pausedUntil: list.snoozedUntil } : {}),
      action: list.action,
      rules: list.patterns.length,
      here: siteId === null || list.sites === undefined || list.sites.includes(siteId),
    };
  });
}

export interface ReasonGroup {
  /** The tag (or note, title text) as the page showed it, the list, and the rules of that list that caught it. */
  label: string;
  listName: string;
  listId?: string;
  rules: string[];
  /** Entries of the busiest of those rules (a lower bound of the entries this tag caused). */
  entries: number;
}

/**
 * Why entries were acted on, one row per tag and list (not one per rule: "cheating" caught by three rules
 * of a list is one row). Each row knows its list, so its × can remove the rules that caught the tag.
 */
export function reasonGroups(rules: PageState['rules'], settings: Settings): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const row of rules) {
    if (readEntryRule(row.rule)) continue; // hidden one by one: a section of its own (hiddenOneByOne)
    const list = settings.lists.find((l) => l.name === row.listName && l.patterns.includes(row.rule));
    for (const label of row.tags) {
      const key = `${fold(label)}\u0000${row.listName}`;
      let group = groups.get(key);
      if (!group) {
        group = { label, listName: row.listName, rules: [], entries: 0 };
        if (list && !list.source) group.listId = list.id;
        groups.set(key, group);
      }
      if (!group.rules.includes(row.rule)) group.rules.push(row.rule);
      group.entries = Math.max(group.entries, row.entries);
    }
  }
  return [...groups.values()].sort((a, b) => b.entries - a.entries || a.label.localeCompare(b.label));
}

/** Switches that mean something only on some sites: the popup shows them only there. */
export function siteSwitches(adapter: SiteAdapter | undefined): { completeTags: boolean; refill: boolean } {
  return {
    completeTags: adapter?.createTagSource !== undefined || adapter?.lookupInOwnScript === true,
    refill: adapter?.nextPage !== undefined,
  };
}

/** The completion switch's words on a site: what that site's look-up asks for, and where. */
export function completeTagsLabel(adapter: SiteAdapter | undefined): MessageKey {
  if (adapter?.id === 'hitomi') return 'popup_completeTagsHitomi';
  if (adapter?.id === 'mangadex') return 'popup_completeTagsMangadex';
  if (adapter?.id === 'nhentai') return 'popup_completeTagsNhentai';
  if (adapter?.id === 'ehentai') return 'popup_completeTagsEhentai';
  return 'completeTags';
}

export interface SeenTag {
  /** What the rule names (the page's own spelling, `id:13989` on nhentai). */
  tag: string;
  /** What the user reads: the tag's name where the site's dictionary knows it. */
  name: string;
  /** Set when the tag is only a number and its name is not known yet. */
  unnamedId?: string;
  entries: number;
}

const ID_TAG = /^id:(\d+)$/u;

/**
 * The page's tags as the user reads them: a site that writes numbers (nhentai) has them named from its
 * dictionary (bundled and learned); a number without a name is flagged, never shown bare.
 */
export function seenTags(tags: PageState['tags'], dictionary?: ReadonlyMap<string, string>): SeenTag[] {
  return tags.map(({ tag, entries }) => {
    const id = ID_TAG.exec(tag)?.[1];
    if (id === undefined) return { tag, name: tag, entries };
    const name = dictionary?.get(fold(id));
    return name ? { tag, name, entries } : { tag, name: tag, unnamedId: id, entries };
  });
}

/** The rule that blocks a seen tag: by name where it has one (it then matches every site), else its id. */
export function seenTagRule(seen: SeenTag): string {
  return literalTag(seen.unnamedId === undefined ? seen.name : seen.tag);
}

/** Tags whose name or spelling contains the filter, folded as rules fold (case, width, kana). */
export function filterTags(tags: readonly SeenTag[], filter: string): SeenTag[] {
  const wanted = fold(filter);
  if (wanted === '') return [...tags];
  return tags.filter((t) => fold(t.name).includes(wanted) || fold(t.tag).includes(wanted));
}

/** Edit distance, bounded: past `max` the exact number does not matter. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/** The bare name a typed tag or rule is about (`female:netorare` → `netorare`), folded. */
function bareName(text: string): string {
  const unquoted = text.replace(/^"(.*)"$/u, '$1');
  const cut = unquoted.indexOf(':');
  return fold(cut > 0 ? unquoted.slice(cut + 1) : unquoted);
}

export interface Closest {
  onPage: string[];
  inPresets: string[];
}

/**
 * For a tag nothing on the page carries: the closest tags that are on the page, and in the presets — a
 * typo (`netorere`), another spelling (`cheat`), a namespace the site does not write.
 */
export function closestTags(typed: string, onPage: readonly SeenTag[], limit = 5): Closest {
  const wanted = bareName(typed);
  if (wanted === '') return { onPage: [], inPresets: [] };
  const max = Math.max(1, Math.floor(wanted.length / 4));
  const rank = (candidates: Iterable<string>): string[] => {
    const scored: { text: string; score: number }[] = [];
    const seen = new Set<string>();
    for (const text of candidates) {
      const name = bareName(text);
      if (seen.has(name) || name === '') continue;
      seen.add(name);
      const score = name.includes(wanted) || wanted.includes(name) ? 0 : distance(wanted, name, max);
      if (score <= max) scored.push({ text, score });
    }
    return scored
      .sort((a, b) => a.score - b.score || a.text.length - b.text.length)
      .slice(0, limit)
      .map((s) => s.text);
  };
  return {
    onPage: rank(onPage.map((t) => t.name)),
    inPresets: rank(PRESETS.flatMap((p) => p.patterns).filter((p) => !/[*/~]/u.test(p))),
  };
}

/** Adds a rule to a list, unless it holds it already; says which. */
export function addRule(settings: Settings, listId: string, rule: string): 'added' | 'had' | 'missing' {
  const list = settings.lists.find((l) => l.id === listId);
  if (!list) return 'missing';
  if (list.patterns.includes(rule)) return 'had';
  list.patterns.push(rule);
  return 'added';
}

/** Takes rules out of a list (Undo, or a reason's ×). */
export function removeRules(settings: Settings, listId: string, rules: readonly string[]): void {
  const list = settings.lists.find((l) => l.id === listId);
  if (list) list.patterns = list.patterns.filter((p) => !rules.includes(p));
}

/** An entry of this page the user hid by its id ("Hide this one"), with Undo in the popup. */
export interface HiddenOne {
  site: string;
  id: string;
  /** "the AO3 work 12345", in the interface's words. */
  label: string;
}

/** The page's entries hidden one by one (each once, whatever lists name it), in the page's order of rules. */
export function hiddenOneByOne(
  rules: PageState['rules'],
  site: string,
  words: (site: string, kind: EntryKind, id: string) => string,
): HiddenOne[] {
  const found = new Map<string, HiddenOne>();
  for (const row of rules) {
    const rule = readEntryRule(row.rule);
    // `work_123` and `123` are one AO3 work: one row.
    const key = rule ? canonicalId(site, rule.id) : '';
    if (!rule || rule.site !== site || found.has(key)) continue;
    found.set(key, { site: rule.site, id: rule.id, label: describeEntry(rule, words) });
  }
  return [...found.values()];
}

/** Most entry rows drawn at once in the popup's "Entries on this page"; the filter reaches the others. */
export const MAX_ENTRY_ROWS = 100;

/** Where an entry of the page stands: not hidden by its id, hidden, or put in a list that does not act here. */
export type EntryHidden = { state: 'no' } | { state: 'on' } | { state: 'off'; listName: string };

/** An entry of the page in the popup's list, with Hide (or, once hidden, Undo). */
export interface EntryRow {
  id: string;
  title: string;
  /** "the AO3 work 12345", in the interface's words. */
  described: string;
  hidden: EntryHidden;
}

/** The entries of `site` the user's lists hide by id, by canonical id (read once for every row). */
function hiddenOnSite(settings: Settings, site: string): Map<string, HiddenEntry> {
  const bySite = new Map<string, HiddenEntry>();
  for (const e of hiddenEntries(settings)) if (e.site === site) bySite.set(canonicalId(site, e.id), e);
  return bySite;
}

/** Whether the user's lists hide this entry by its id, and whether that list acts on this site now. */
function entryHidden(
  settings: Settings,
  hidden: Map<string, HiddenEntry>,
  site: string,
  id: string,
  now: number,
): EntryHidden {
  const found = hidden.get(canonicalId(site, id));
  if (!found) return { state: 'no' };
  const list = settings.lists.find((l) => l.id === found.listId);
  const acts =
    list !== undefined &&
    settings.enabled &&
    listState(list, now) === 'on' &&
    (list.sites === undefined || list.sites.includes(site));
  return acts ? { state: 'on' } : { state: 'off', listName: found.listName };
}

/**
 * The page's entries as the popup lists them: those whose title or id has the filter's text (folded), the
 * first MAX_ENTRY_ROWS of them, each with whether it is hidden by its id; `matching` counts them all.
 */
export function entryRows(
  answer: PageEntries,
  settings: Settings,
  filter: string,
  words: EntryWords,
  now: number,
  siteName = answer.site,
): { rows: EntryRow[]; matching: number } {
  const wanted = fold(filter);
  const matching = answer.entries.filter(
    (e) => wanted === '' || fold(e.title).includes(wanted) || fold(e.id).includes(wanted),
  );
  const hidden = hiddenOnSite(settings, answer.site);
  const rows = matching.slice(0, MAX_ENTRY_ROWS).map((e) => ({
    id: e.id,
    title: e.title,
    described: describeEntry({ site: answer.site, id: e.id }, words, { [answer.site]: siteName }),
    hidden: entryHidden(settings, hidden, answer.site, e.id, now),
  }));
  return { rows, matching: matching.length };
}
