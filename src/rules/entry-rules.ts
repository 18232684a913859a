import { englishRuleMessage, type RuleMessage } from './messages';
// "Hide this one": a rule `entry:<site>/<id>` names one work, gallery or post by the id its site gives it,
// with no tag involved. Pure: parse, match (one Set look-up per entry), explain, and add/remove in lists.
import type { RuleError } from './parse';
import {
  ACTION_STRENGTH,
  type Action,
  type EntryFacts,
  type Reason,
  type RuleList,
  type Verdict,
} from './types';

/** The prefix of an entry rule. */
export const ENTRY_PREFIX = 'entry:';
/** The list "Hide this one" adds to when the user has not picked one; created on first use. */
export const HIDDEN_ONE_BY_ONE_ID = 'hidden-one-by-one';
/** Longest id accepted: an id is a site's number or short token, or at most a link. */
export const MAX_ENTRY_ID_LENGTH = 200;

/** A site id (`ao3`, `ehentai`, an added site's slug), then `/`, then the entry's id (which may hold `/`). */
const ENTRY_RULE = /^entry:([a-z0-9][a-z0-9-]*)\/(\S+?)\s*(?:#\s*(.*?))?\s*$/u;
const SITE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/u;

/**
 * Sites whose listings write an entry's id with a prefix its own page does not: AO3's listings say
 * `work_123` (the blurb's id), its work page and its address say 123. A rule holds the bare id, and
 * matches both forms with no work per entry (both go into the look-up when compiling).
 */
const LISTING_PREFIX: Readonly<Record<string, string>> = { ao3: 'work_' };

/** The id as a rule writes it: `work_123` on AO3 is 123. */
export function canonicalId(site: string, id: string): string {
  const prefix = LISTING_PREFIX[site];
  return prefix && id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : id;
}

export interface EntryRule {
  site: string;
  id: string;
  note?: string;
}

/** The entry rule a line is, or null when the line is not one (another rule, or a malformed one). */
export function readEntryRule(line: string): EntryRule | null {
  const found = ENTRY_RULE.exec(line.trim());
  if (!found?.[1] || !found[2] || found[2].length > MAX_ENTRY_ID_LENGTH) return null;
  const rule: EntryRule = { site: found[1], id: found[2] };
  if (found[3]) rule.note = found[3];
  return rule;
}

/** Whether a site id and an entry id can be written as an entry rule that reads back the same. */
export function isEntryId(site: string, id: string): boolean {
  return SITE_ID.test(site) && id.length > 0 && id.length <= MAX_ENTRY_ID_LENGTH && !/[\s#]/u.test(id);
}

/** The rule hiding one entry: `entry:ao3/12345`. */
export function entryRule(site: string, id: string): string {
  return `${ENTRY_PREFIX}${site}/${canonicalId(site, id)}`;
}

/**
 * For parseRule: a line starting `entry:` that is not a well-formed entry rule is an error (rather than a
 * tag in a namespace "entry", which would quietly match nothing). Null for every other line.
 */
export function entryRuleError(line: string): RuleError | null {
  const start = line.search(/\S/u);
  if (start < 0 || !line.startsWith(ENTRY_PREFIX, start) || readEntryRule(line)) return null;
  const problem = { code: 'entryForm', params: [] } as const satisfies RuleMessage;
  return {
    column: start + ENTRY_PREFIX.length + 1,
    ...problem,
    params: [],
    message: englishRuleMessage(problem),
  };
}

interface Owner {
  listId: string;
  listName: string;
  action: Action;
  source: string;
  note?: string;
}

/** The entry rules of the lists in force on one site: collected while compiling, matched by id. */
export class EntryRules {
  readonly #byId = new Map<string, Owner[]>();

  /** `site` undefined: every site's rules (a matcher compiled for no site in particular). */
  readonly #site: string | undefined;
  constructor(site: string | undefined) {
    this.#site = site;
  }

  /** Takes `text` when it is an entry rule (true), whether or not it is for this site. */
  add(
    text: string,
    owner: { listId: string; listName: string; action: Action; exception: boolean },
  ): boolean {
    const rule = readEntryRule(text);
    if (!rule) return false;
    // An exception names tags to keep; an entry rule among them keeps nothing (the user hid it by hand).
    if (owner.exception || (this.#site !== undefined && rule.site !== this.#site)) return true;
    const entry: Owner = {
      listId: owner.listId,
      listName: owner.listName,
      action: owner.action,
      source: text.trim(),
    };
    if (rule.note) entry.note = rule.note;
    const id = canonicalId(rule.site, rule.id);
    const prefix = LISTING_PREFIX[rule.site];
    for (const key of prefix ? [id, prefix + id] : [id]) {
      const known = this.#byId.get(key);
      if (known) known.push(entry);
      else this.#byId.set(key, [entry]);
    }
    return true;
  }

  /** Whether any entry is named: a judge wrapped then reads every entry's id. */
  get any(): boolean {
    return this.#byId.size > 0;
  }

  /**
   * `judge` with the entry rules on top: one Map look-up per entry. An entry hidden by hand stays hidden
   * whatever the exceptions say; its reason joins the others and the strongest action wins.
   */
  wrap(judge: (facts: EntryFacts) => Verdict): (facts: EntryFacts) => Verdict {
    if (this.#byId.size === 0) return judge;
    return (facts) => {
      const verdict = judge(facts);
      const owners = this.#byId.get(facts.id);
      if (!owners) return verdict;
      let action = verdict.action;
      const reasons: Reason[] = [...verdict.reasons];
      for (const owner of owners) {
        const reason: Reason = {
          listId: owner.listId,
          listName: owner.listName,
          action: owner.action,
          rule: owner.source,
          text: facts.id,
          byId: true,
        };
        if (owner.note) reason.note = owner.note;
        reasons.push(reason);
        if (action === null || ACTION_STRENGTH[owner.action] > ACTION_STRENGTH[action]) action = owner.action;
      }
      return { action, reasons };
    };
  }
}

/** What one entry of a site is called, for "the AO3 work 12345". */
export type EntryKind = 'work' | 'gallery' | 'post' | 'entry';

const KINDS: Readonly<Record<string, EntryKind>> = {
  ao3: 'work',
  dlsite: 'work',
  ehentai: 'gallery',
  nhentai: 'gallery',
  danbooru: 'post',
  e621: 'post',
};

export function entryKind(site: string): EntryKind {
  return KINDS[site] ?? 'entry';
}

const SITE_NAMES: Readonly<Record<string, string>> = {
  ao3: 'AO3',
  dlsite: 'DLsite',
  ehentai: 'E-Hentai',
  nhentai: 'nhentai',
  danbooru: 'Danbooru',
  e621: 'e621',
};

/** A site's name as the user knows it: AO3, E-Hentai; another (an added site) by the name given for it. */
export function entrySiteName(site: string, names: Readonly<Record<string, string>> = {}): string {
  return SITE_NAMES[site] ?? names[site] ?? site;
}

/** How an entry is put in words: the site's name, what its entries are called, the id. */
export type EntryWords = (site: string, kind: EntryKind, id: string) => string;

/** "the AO3 work 12345": an entry rule in words (English; the interface passes its own words). */
export function describeEntry(
  rule: EntryRule,
  words: EntryWords = (site, kind, id) => `the ${site} ${kind} ${id}`,
  siteNames: Readonly<Record<string, string>> = {},
): string {
  return words(entrySiteName(rule.site, siteNames), entryKind(rule.site), rule.id);
}

/**
 * For explain(): the entry rule a tag atom is (an entry rule parses as a tag in the namespace "entry"),
 * else null. The id reads folded (lower case), as the parser keeps it.
 */
export function entryAtomRule(atom: { kind: string; namespace?: string; name?: string }): EntryRule | null {
  if (atom.kind !== 'tag' || atom.namespace !== 'entry' || !atom.name) return null;
  return readEntryRule(`${ENTRY_PREFIX}${atom.name}`);
}

/** A list in settings, as far as adding and removing entry rules goes. */
interface EditableList extends RuleList {
  source?: unknown;
}

/** Longest title kept with an entry rule (as its note): enough to recognise it in a list. */
export const MAX_ENTRY_TITLE_LENGTH = 120;

/** A title as an entry rule's note: one line, no longer than MAX_ENTRY_TITLE_LENGTH; empty when none. */
export function entryNote(title: string | undefined): string {
  const line = (title ?? '').replace(/\s+/gu, ' ').trim();
  return line.length > MAX_ENTRY_TITLE_LENGTH ? `${line.slice(0, MAX_ENTRY_TITLE_LENGTH - 1)}…` : line;
}

/**
 * Adds `entry:<site>/<id>` (with the entry's title as its note, when known: `entry:ao3/12345 # Title`)
 * to the list `listId` or, without one (or when that list cannot take it), to the "Hidden entries" list,
 * created (hiding, on) on first use. False when the rule was already there or the id cannot be written
 * as a rule.
 */
export function addEntryRule(
  settings: { lists: EditableList[] },
  site: string,
  id: string,
  newListName: string,
  listId?: string,
  title?: string,
): boolean {
  if (!isEntryId(site, id)) return false;
  const note = entryNote(title);
  const rule = note ? `${entryRule(site, id)} # ${note}` : entryRule(site, id);
  let list = settings.lists.find((l) => l.id === (listId ?? HIDDEN_ONE_BY_ONE_ID) && !l.source);
  if (!list) list = settings.lists.find((l) => l.id === HIDDEN_ONE_BY_ONE_ID && !l.source);
  if (!list) {
    list = { id: HIDDEN_ONE_BY_ONE_ID, name: newListName, enabled: true, action: 'hide', patterns: [] };
    // A list of the user's already has the id (unlikely): the new one gets a free one.
    while (settings.lists.some((l) => l.id === list?.id)) list.id += '-1';
    settings.lists.push(list);
  }
  if (settings.lists.some((l) => !l.source && l.patterns.some((p) => sameEntry(p, site, id)))) return false;
  list.patterns.push(rule);
  return true;
}

function sameEntry(pattern: string, site: string, id: string): boolean {
  const rule = readEntryRule(pattern);
  return rule !== null && rule.site === site && canonicalId(site, rule.id) === canonicalId(site, id);
}

/** Undo: removes every rule naming that entry from every list the user edits; false when none did. */
export function removeEntryRule(settings: { lists: EditableList[] }, site: string, id: string): boolean {
  let removed = false;
  for (const list of settings.lists) {
    if (list.source) continue;
    const kept = list.patterns.filter((p) => !sameEntry(p, site, id));
    if (kept.length !== list.patterns.length) {
      list.patterns = kept;
      removed = true;
    }
  }
  return removed;
}

/** An entry the user hid by its id, as the options page lists it. */
export interface HiddenEntry extends EntryRule {
  /** The list that holds the rule (and its name), for Show again. */
  listId: string;
  listName: string;
  /** The rule as written. */
  source: string;
}

/** Every entry hidden by its id in the lists the user edits, in the lists' order, each once. */
export function hiddenEntries(settings: { lists: readonly EditableList[] }): HiddenEntry[] {
  const found = new Map<string, HiddenEntry>();
  for (const list of settings.lists) {
    if (list.source) continue;
    for (const pattern of list.patterns) {
      const rule = readEntryRule(pattern);
      if (!rule) continue;
      const key = `${rule.site}/${canonicalId(rule.site, rule.id)}`;
      if (!found.has(key))
        found.set(key, { ...rule, listId: list.id, listName: list.name, source: pattern.trim() });
    }
  }
  return [...found.values()];
}
