import { fold } from '../../rules/normalize';
import type { LineReader } from '../../rules/parsed-lines';
import type { RuleList } from '../../rules/types';
import type { NameLookupOf } from '../dictionaries/nhentai-tag-lines';
import { KIND_KEY, NAMED_KINDS, type NamedKind, namePairs, tagPageId } from '../nhentai';
import type { TagSource } from '../types';

/**
 * At least this long from one look-up's answer (or its giving up) to the next request, and never two in
 * flight: the site gets this much quiet however slowly it answers (as completer.ts spaces the others).
 */
export const LOOKUP_MIN_INTERVAL_MS = 1_000;
/** A look-up that takes longer is given up. */
export const LOOKUP_TIMEOUT_MS = 5_000;
/** Entries wait this long for the look-ups (held back, unpainted), then are judged by what is known. */
export const LOOKUP_WAIT_MS = 3_000;
/** At most this many names are looked up on one page (the rest on the next). */
export const LOOKUPS_PER_PAGE = 20;

/** A rule's name of an artist, group, parody or character, as `kind:name` (folded). */
export interface NamedRule {
  kind: NamedKind;
  name: string;
}

/**
 * The `artist:` / `group:` / `parody:` / `character:` names (or `a:` `g:` `p:` `c:`) the lists in force
 * use, each line as `read` gives it (on the page: the snapshot's parses, as the matcher reads them).
 */
export function namedRules(
  lists: readonly RuleList[],
  site: string,
  now: number,
  read: LineReader,
): NamedRule[] {
  const named = new Map<string, NamedRule>();
  for (const list of lists) {
    if (!list.enabled || (list.sites && !list.sites.includes(site))) continue;
    if (list.snoozedUntil !== undefined && list.snoozedUntil > now) continue;
    for (const line of list.patterns) {
      const parsed = read(line);
      if (!parsed.ok || !parsed.rule) continue;
      for (const { atom, mode } of parsed.rule.terms) {
        if (mode === 'not' || atom.kind !== 'tag' || atom.namespace === undefined) continue;
        if (!(NAMED_KINDS as readonly string[]).includes(atom.namespace)) continue;
        const rule = { kind: atom.namespace as NamedKind, name: fold(atom.name) };
        named.set(`${rule.kind}:${rule.name}`, rule);
      }
    }
  }
  return [...named.values()];
}

/** `kind:name` of every id the dictionary knows the kind of. */
function knownNames(dictionary: Map<string, string>): Set<string> {
  const known = new Set<string>();
  for (const [key, kind] of dictionary) {
    if (!key.startsWith(KIND_KEY)) continue;
    const name = dictionary.get(key.slice(KIND_KEY.length));
    if (name !== undefined) known.add(`${kind}:${fold(name)}`);
  }
  return known;
}

/** The address of a name's own page on nhentai: spaces are written "-" (`/artist/odawara-hakone/`). */
export function tagPageUrl(origin: string, rule: NamedRule): string {
  return `${origin}/${rule.kind}/${encodeURIComponent(rule.name.replaceAll(' ', '-'))}/`;
}

/** What the look-up needs: what the page's script gives it (NameLookupOf), and how it fetches and reads. */
export interface NameLookupDeps extends NameLookupOf {
  fetchPage: (url: string, signal: AbortSignal) => Promise<{ status: number; html: string }>;
  parse: (html: string) => Document;
}

/**
 * nhentai listings write artists, groups, parodies and characters only as ids. A rule naming one is
 * resolved to its id once, from the name's own page on the site (whose heading links to itself with its
 * id), and remembered with what gallery pages teach. Opt-in (settings.completeTags); one request at a
 * time, a second apart; entries wait for the look-ups at most LOOKUP_WAIT_MS.
 */
export class NhentaiNameLookup implements TagSource {
  #rules: NamedRule[] = [];
  readonly #tried = new Set<string>();
  #queue: NamedRule[] = [];
  #busy = false;
  #lastAnswerAt = Number.NEGATIVE_INFINITY;
  #deadline: number | undefined;
  /**
   * Every rule's name known or tried: stays so until the lists change (the dictionary only learns and
   * names once tried are not asked again), so entries stop asking the dictionary each.
   */
  #done = false;
  readonly #waiting = new Set<string>();
  readonly errors: string[] = [];

  readonly #deps: NameLookupDeps;
  constructor(deps: NameLookupDeps) {
    this.#deps = deps;
  }

  async init(): Promise<void> {}

  /** The lists in force changed. */
  configure(lists: readonly RuleList[], site: string, read: LineReader): void {
    this.#rules = namedRules(lists, site, this.#deps.now(), read);
    this.#done = this.#rules.length === 0;
  }

  /** Rules whose names this page cannot see yet, as `kind:name`. */
  unresolved(): string[] {
    const known = knownNames(this.#deps.dictionary);
    return this.#rules.map((r) => `${r.kind}:${r.name}`).filter((key) => !known.has(key));
  }

  extraTags(): undefined {
    return undefined;
  }

  awaiting(galleryId: string): boolean {
    if (this.#deadline === undefined) {
      if (this.#done) return false;
      const known = knownNames(this.#deps.dictionary);
      const todo = this.#rules.filter((r) => {
        const key = `${r.kind}:${r.name}`;
        return !known.has(key) && !this.#tried.has(key);
      });
      if (todo.length === 0) {
        this.#done = true;
        return false;
      }
      this.#queue = todo.slice(0, LOOKUPS_PER_PAGE);
      for (const r of this.#queue) this.#tried.add(`${r.kind}:${r.name}`);
      this.#deadline = this.#deps.now() + LOOKUP_WAIT_MS;
      this.#deps.setTimer(() => this.#release(), LOOKUP_WAIT_MS);
      this.#pump();
    }
    if (this.#queue.length === 0 && !this.#busy) return false;
    if (this.#deps.now() >= this.#deadline) return false;
    this.#waiting.add(galleryId);
    return true;
  }

  /** Entries waiting are judged by what is known now. */
  #release(): void {
    const ids = [...this.#waiting];
    this.#waiting.clear();
    if (this.#queue.length === 0 && !this.#busy) this.#deadline = undefined;
    if (ids.length > 0) this.#deps.onSettled(ids);
  }

  #pump(): void {
    const next = this.#queue[0];
    if (this.#busy || !next) return;
    this.#busy = true;
    const wait = Math.max(0, this.#lastAnswerAt + LOOKUP_MIN_INTERVAL_MS - this.#deps.now());
    this.#deps.setTimer(() => void this.#lookUp(next), wait);
  }

  async #lookUp(rule: NamedRule): Promise<void> {
    this.#queue.shift();
    const abort = new AbortController();
    this.#deps.setTimer(() => abort.abort(), LOOKUP_TIMEOUT_MS);
    try {
      const { status, html } = await this.#deps.fetchPage(tagPageUrl(this.#deps.origin, rule), abort.signal);
      if (status === 404) throw new Error(`nhentai has no ${rule.kind} “${rule.name}”`);
      if (status !== 200) throw new Error(`the site answered ${status}`);
      const own = tagPageId(this.#deps.parse(html));
      if (!own || fold(own.name) !== rule.name) throw new Error(`the page of “${rule.name}” names no id`);
      const pairs = namePairs(own.id, own.name, rule.kind);
      for (const [key, value] of Object.entries(pairs)) this.#deps.dictionary.set(fold(key), value);
      this.#deps.save(pairs);
    } catch (error) {
      this.errors.push(
        abort.signal.aborted ? 'no answer in time' : error instanceof Error ? error.message : String(error),
      );
    } finally {
      this.#lastAnswerAt = this.#deps.now();
      this.#busy = false;
      if (this.#queue.length > 0) this.#pump();
      else this.#release();
    }
  }
}

/**
 * The name look-up as a page uses it: nhentai's own pages fetched with the user's cookies (same origin)
 * and read with the page's parser.
 */
export function nhentaiNameLookup(deps: NameLookupOf): NhentaiNameLookup {
  return new NhentaiNameLookup({
    ...deps,
    fetchPage: async (url, signal) => {
      // Same origin as the page; its cookies let the site answer as it answers the user.
      const response = await fetch(url, { signal, credentials: 'same-origin' });
      return { status: response.status, html: response.status === 200 ? await response.text() : '' };
    },
    parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
  });
}
