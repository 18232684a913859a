import {
  ALL_FACTS,
  type EntryFacts,
  type FactNeeds,
  NO_VERDICT,
  type Reason,
  TAGS_ONLY,
  type Tag,
  type Verdict,
} from '../rules/types';
import { readEntry, type SiteAdapter } from '../sites/types';
import type { FactsSources } from './facts';
import { FactsPool } from './intern';
import { clearMarks, setMarks } from './marks';
import type { Painter } from './paint';
import { HELD_ATTR, SEEN_ATTR, VEIL_TAG } from './styles';

/**
 * Past this many mutation records in one callback (a streamed chunk of a huge page), walking every added
 * subtree costs more than one query for the entries not judged yet.
 */
export const HUGE_MUTATION_BATCH = 1_000;

/** An entry's title and creators, kept only when a rule reads them (else the one NO_EXTRA). */
interface ExtraFacts {
  readonly title: string;
  readonly creators: readonly string[];
}

/**
 * What is kept for every judged entry: on a 10,000-entry page each field costs 40 kB of JS heap (issue
 * #20), so it is seven, small numbers where it can be.
 */
interface EntryState {
  /**
   * The entry's id, once a rule has asked for ids (an `entry:` rule); until then only its idHash, which
   * tells a recycled card from the same one (with its tags) and finds the entries late page data names.
   */
  id: string | number;
  /** Its tags, interned (intern.ts): a run of `pool`. */
  pool: FactsPool;
  at: number;
  length: number;
  extra: ExtraFacts;
  verdict: Verdict;
  /** packMark(): the rules' generation the verdict was made under, shown, painted in audit mode. */
  mark: number;
}

const NO_CREATORS: readonly string[] = Object.freeze([]);
const NO_EXTRA: ExtraFacts = Object.freeze({ title: '', creators: NO_CREATORS });

const SHOWN_BIT = 2;
const AUDIT_BIT = 1;
/** The generation and two flags in one number (a small integer, unboxed, below 2^28 generations). */
export function packMark(generation: number, shown: boolean, audit: boolean): number {
  return generation * 4 + (shown ? SHOWN_BIT : 0) + (audit ? AUDIT_BIT : 0);
}
const generationOf = (mark: number): number => Math.floor(mark / 4);
const shownOf = (mark: number): boolean => (mark & SHOWN_BIT) !== 0;
const auditOf = (mark: number): boolean => (mark & AUDIT_BIT) !== 0;
const withShown = (mark: number, shown: boolean): number =>
  packMark(generationOf(mark), shown, auditOf(mark));

/**
 * A 30-bit FNV-1a hash of an entry's id: a small integer kept instead of the id's string. Two ids that
 * hash alike are at worst read again (refresh), or taken for the same entry only when their tags,
 * title and creators are the same too.
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 2) & 0x3fffffff;
}

/**
 * Kept facts of an entry whose id is not kept: the id is read if a rule asks for it anyway (a judge
 * given without its needs, in tests of judging; the matcher says `needs.ids` when it has `entry:` rules).
 */
class FactsWithoutId implements EntryFacts {
  readonly #entry: HTMLElement;
  readonly #state: EntryState;
  readonly #read: (entry: HTMLElement, state: EntryState) => string;
  constructor(
    readonly tags: Tag[],
    readonly title: string,
    readonly creators: string[],
    entry: HTMLElement,
    state: EntryState,
    read: (entry: HTMLElement, state: EntryState) => string,
  ) {
    this.#entry = entry;
    this.#state = state;
    this.#read = read;
  }

  get id(): string {
    return this.#read(this.#entry, this.#state);
  }
}

function sameId(kept: string | number, id: string): boolean {
  return typeof kept === 'string' ? kept === id : kept === idHash(id);
}

/** Where the content script's time went on this page, in milliseconds. */
export interface ScanTiming {
  /** All scanning work since the page started. */
  totalMs: number;
  /** The last full pass over the page (first scan, a settings change, a rescan). */
  lastPassMs: number;
  lastPassEntries: number;
  /** The last batch of entries added by the page (streamed HTML, infinite scroll). */
  lastBatchMs: number;
  lastBatchEntries: number;
}

/** Entries whose reading or judging threw: each released unfiltered, counted once. */
export interface ScanFaults {
  entries: number;
  /** The last error's message. */
  message: string;
}

export interface ScanOptions {
  /** Outline what the rules would act on, and act on nothing. */
  audit?: boolean;
  /** The facts beyond tags the rules ask about (the matcher's `needs`); default all. */
  needs?: FactNeeds;
  /** An entry the user showed is hidden again once it has been on screen and scrolled out of view. */
  hideAgainOffscreen?: boolean;
}

/** Recent verdicts kept to be shared: entries judged alike (most acted-on ones) hold one object. */
const SHARED_VERDICTS = 8;

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameTag(a: Tag | undefined, b: Tag | undefined): boolean {
  return (
    a === b || (!!a && !!b && a.name === b.name && a.namespace === b.namespace && a.canonical === b.canonical)
  );
}

/** Whether two verdicts draw the same (same action, same reasons in the same order). */
export function sameVerdict(a: Verdict, b: Verdict): boolean {
  if (a === b) return true;
  if (a.action !== b.action || a.reasons.length !== b.reasons.length) return false;
  for (let i = 0; i < a.reasons.length; i++) {
    const x = a.reasons[i] as Reason;
    const y = b.reasons[i] as Reason;
    if (
      x.listId !== y.listId ||
      x.listName !== y.listName ||
      x.action !== y.action ||
      x.rule !== y.rule ||
      x.note !== y.note ||
      x.text !== y.text ||
      !sameTag(x.tag, y.tag)
    )
      return false;
  }
  return true;
}

function isVeil(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === VEIL_TAG;
}

/**
 * A record of our own reason lines being added or removed, and nothing else. Asked of every record,
 * thousands while a page streams in: the added nodes first (a page's own node settles it at once), the
 * removed ones only when needed (each list asked for costs a wrapper in the isolated world).
 */
function onlyVeils(record: MutationRecord, added: NodeList): boolean {
  // Indexed, not iterated: an iterator and its result objects per record cost more than the check.
  const count = added.length;
  for (let i = 0; i < count; i++) if (!isVeil(added[i] as Node)) return false;
  const removed = record.removedNodes;
  const gone = removed.length;
  if (count + gone === 0) return false;
  for (let i = 0; i < gone; i++) if (!isVeil(removed[i] as Node)) return false;
  return true;
}

/** Marks without veils: a scanner given no painter (one that only judges, in tests). */
const MARKS_ONLY: Pick<Painter, 'apply' | 'clear' | 'coverAdded'> = {
  apply: (entry, verdict, options) => void setMarks(entry, verdict, options),
  clear: (entry) => clearMarks(entry),
  coverAdded: () => {},
};

/** What the observer watches: structure, text edited in place, and the attributes adapters read tags from. */
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['title', 'data-tags', 'href'],
};

/**
 * Finds the entries of one document, judges each and applies the verdict. One MutationObserver; entries
 * are judged inside its callback, before the next paint. State lives in a WeakMap keyed by element, with
 * its facts as interned tag ids (intern.ts): a recycled card is read again and compared with them, and a
 * change of rules judges every entry again from them without reading the page.
 */
export class Scanner {
  readonly #states = new WeakMap<Element, EntryState>();
  /**
   * Entries found but not judged yet (no rules yet, still streaming in, waiting for their full tags):
   * marked HELD_ATTR, which Tagveil's stylesheet keeps unpainted. Marked from script rather than styled
   * by the adapter's selector, which for an added site is the user's text and never goes into CSS (a
   * built-in site's selector holds its entries only until the first pass: runtime.ts holdBySelector).
   */
  readonly #held = new Set<HTMLElement>();
  readonly #faulted = new WeakSet<Element>();
  readonly faults: ScanFaults = { entries: 0, message: '' };
  #observer: MutationObserver | null = null;
  /** Whether a veil may have been drawn on this page (the observer then skips its own veils' records). */
  #veiled = false;
  /** Entries the HTML parser may still be filling; judged again once it has moved past them. */
  readonly #unfinished = new Set<Element>();
  #audit = false;
  #needs: FactNeeds = ALL_FACTS;
  #hideAgainOffscreen = false;
  /** Watches shown entries (when they are to be hidden again off screen); created on the first Show. */
  #shownWatcher: IntersectionObserver | null = null;
  /** Shown entries that have been on screen since they were shown. */
  readonly #shownOnScreen = new WeakSet<Element>();
  /** Where facts beyond the entry's markup come from (facts.ts); entries they wait for are held back. */
  #facts: FactsSources | null = null;
  readonly #waiting = new Map<string, HTMLElement>();
  /** Bumped when the rules change: a state from an older generation is judged again. */
  #generation = 0;
  /**
   * Set when what reading an entry gives may have changed with nothing in the page changing (facts
   * sources added or removed, the rules asking for more facts): the next pass reads every entry again.
   * An entry off the page meanwhile is read again anyway when it comes back (the observer reports it).
   */
  #factsStale = false;
  /** A rule asked for an entry's id (an `entry:` rule): ids are kept from then on (EntryState.id). */
  #idsWanted = false;
  /** The last verdicts given, shared by entries judged alike (SHARED_VERDICTS). */
  readonly #recentVerdicts: Verdict[] = [];
  #recentAt = 0;
  /** Every judged entry's tags, interned. */
  #pool = new FactsPool();
  /** Bumped when an entry is judged with facts it did not have before (new, or changed in place). */
  #factsVersion = 0;
  readonly timing: ScanTiming = {
    totalMs: 0,
    lastPassMs: 0,
    lastPassEntries: 0,
    lastBatchMs: 0,
    lastBatchEntries: 0,
  };

  /** Null until there are rules: entries found meanwhile are held back. */
  #judge: ((facts: EntryFacts) => Verdict) | null;

  readonly #doc: Document;
  readonly #adapter: SiteAdapter;
  /** Draws verdicts (marks at once, veils by the page UI); without one, marks only (tests of judging). */
  readonly #painter: Pick<Painter, 'apply' | 'clear' | 'coverAdded'>;

  constructor(
    doc: Document,
    adapter: SiteAdapter,
    judge: ((facts: EntryFacts) => Verdict) | null,
    painter: Pick<Painter, 'apply' | 'clear' | 'coverAdded'> = MARKS_ONLY,
  ) {
    this.#doc = doc;
    this.#adapter = adapter;
    this.#judge = judge;
    this.#painter = painter;
  }

  /** Watches the page; every entry is judged, or held back until it can be. */
  start(): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(this.#doc.documentElement, OBSERVE);
    this.#doc.addEventListener('DOMContentLoaded', this.#onParsed);
    this.#scanAll();
  }

  /** Undoes every mark, releases what was held back and stops watching. */
  stop(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unwatchShown();
    this.#doc.removeEventListener('DOMContentLoaded', this.#onParsed);
    this.#unfinished.clear();
    this.#waiting.clear();
    for (const entry of this.#held) entry.removeAttribute(HELD_ATTR);
    this.#held.clear();
    for (const entry of this.entries()) {
      this.#painter.clear(entry);
      entry.removeAttribute(SEEN_ATTR);
      this.#states.delete(entry);
    }
    this.#factsVersion++; // no entry is judged any more, so none is counted (answers.ts)
  }

  /** New rules (or audit mode): every entry is judged again, marks that no longer apply are removed. */
  setJudge(judge: (facts: EntryFacts) => Verdict, options: ScanOptions = {}): void {
    this.#judge = judge;
    this.#audit = options.audit ?? false;
    const needs = options.needs ?? ALL_FACTS;
    // Facts kept without a title or creators cannot answer rules that now ask for them.
    if ((needs.title && !this.#needs.title) || (needs.creators && !this.#needs.creators))
      this.#factsStale = true;
    this.#needs = needs;
    if (needs.ids) this.#idsWanted = true;
    this.#hideAgainOffscreen = options.hideAgainOffscreen ?? false;
    if (!this.#hideAgainOffscreen) this.#unwatchShown();
    this.rejudge();
  }

  /**
   * The rules changed: every entry is judged again from the facts kept for it (no DOM read); an entry
   * whose markup changed since was read again then, as the observer reported it.
   */
  rejudge(): void {
    this.#generation++;
    if (this.#observer) this.#scanAll(false);
  }

  /** Facts beyond what entries' markup says (facts.ts); entries waiting for them stay held back. */
  setFacts(facts: FactsSources | null): void {
    if (facts !== this.#facts) this.#factsStale = true;
    this.#facts = facts;
    if (!facts) this.settle([...this.#waiting.keys()]);
  }

  /** A facts source has more to say about entries already judged (late page data): read these again. */
  refresh(ids: readonly string[]): void {
    if (!this.#observer || ids.length === 0) return;
    // By hash where the id is not kept: an entry whose id only hashes alike is read again for nothing.
    const wanted = new Set<string | number>(ids);
    for (const id of ids) wanted.add(idHash(id));
    let found = false;
    for (const entry of this.entries()) {
      const state = this.#states.get(entry);
      if (!state || !wanted.has(state.id)) continue;
      found = true;
      this.#process(entry);
    }
    if (found && this.#judge) this.onJudged?.();
  }

  /** A facts source has news for these entries (facts arrived, or it gave up on them). */
  settle(ids: string[]): void {
    for (const id of ids) {
      const entry = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (entry?.isConnected && this.#observer) this.#process(entry);
    }
  }

  /**
   * Reads every entry again (a single-page site navigated, a dictionary learned spellings); an entry
   * whose facts are as kept is not judged again.
   */
  rescan(): void {
    if (this.#observer) this.#scanAll();
  }

  /** Reveals every entry acted on, until reload or until the user hides it again. */
  showAll(): number {
    let shown = 0;
    for (const entry of this.entries()) {
      const state = this.#states.get(entry);
      if (!state?.verdict.action || shownOf(state.mark)) continue;
      state.mark = withShown(state.mark, true);
      this.#paint(entry, state);
      this.#watchShown(entry);
      shown++;
    }
    return shown;
  }

  /** Called after each pass or batch that judged entries (the badge count follows it). */
  onJudged: (() => void) | null = null;

  /** "Hide this one" on a veil, with the entry's id (read when clicked, not for every entry painted). */
  onHideOne: ((id: string) => void) | null = null;

  /** The entry `node` is in, if it is one of this page's entries. */
  entryOf(node: Node | null): HTMLElement | null {
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return el?.closest<HTMLElement>(this.#adapter.entrySelector) ?? null;
  }

  /** The verdict an entry was last given, if it was judged. */
  verdictOf(entry: Element): Verdict | undefined {
    return this.#states.get(entry)?.verdict;
  }

  /** An entry's id as its site gives it: its id alone where the adapter reads it so, else one read. */
  idOf(entry: HTMLElement): string {
    const adapter = this.#adapter;
    return adapter.readId ? adapter.readId(entry) : readEntry(adapter, entry, TAGS_ONLY).id;
  }

  /**
   * Entries on the page, how many are acted on (the badge) and how many hidden or collapsed (refill);
   * none in audit mode. Cheap: no entry is read.
   */
  tally(): { entries: number; acted: number; hidden: number } {
    let entries = 0;
    let acted = 0;
    let hidden = 0;
    for (const entry of this.entries()) {
      entries++;
      const action = this.#audit ? null : this.#states.get(entry)?.verdict.action;
      if (!action) continue;
      acted++;
      if (action === 'hide' || action === 'collapse') hidden++;
    }
    return { entries, acted, hidden };
  }

  /**
   * A key that changes whenever the page's entries or their facts may have: the popup's count of the
   * page's tags (answers.ts) is kept by it, as a re-judge changes verdicts, not tags.
   */
  factsKey(): string {
    return `${this.#factsVersion}/${this.entries().length}`;
  }

  /**
   * An entry's tags, for the popup's count: as kept (interned ids), else read and completed by the facts
   * sources without asking anything. Undefined for an entry not judged.
   */
  tagsOf(entry: HTMLElement): Tag[] | undefined {
    const state = this.#states.get(entry);
    if (!state) return undefined;
    if (state.pool === this.#pool) return state.pool.tagsAt(state.at, state.length);
    const facts = readEntry(this.#adapter, entry, TAGS_ONLY);
    this.#facts?.fill(facts, false);
    return facts.tags;
  }

  /** The entries on the page, in its order. */
  entries(): HTMLElement[] {
    return [...this.#doc.querySelectorAll<HTMLElement>(this.#adapter.entrySelector)];
  }

  readonly #onParsed = (): void => {
    for (const entry of this.#unfinished) this.#process(entry as HTMLElement);
    this.#unfinished.clear();
  };

  /** Every entry; `reread` false: judged from the facts kept where they are still good. */
  #scanAll(reread = true): void {
    const start = performance.now();
    if (this.#factsStale) {
      reread = true;
      this.#factsStale = false;
    }
    if (this.#pool.full) {
      this.#pool = new FactsPool(); // what the old one held is read again
      this.#factsVersion++;
    }
    const entries = this.entries();
    const loading = this.#doc.readyState === 'loading';
    for (const entry of entries) this.#process(entry, loading, reread);
    const ms = performance.now() - start;
    this.timing.totalMs += ms;
    this.timing.lastPassMs = ms;
    this.timing.lastPassEntries = entries.length;
    if (this.#judge) this.onJudged?.();
  }

  #onMutations(records: MutationRecord[]): void {
    const start = performance.now();
    const touched = new Set<HTMLElement>();
    const selector = this.#adapter.entrySelector;
    const huge = records.length > HUGE_MUTATION_BATCH;
    if (huge) {
      for (const entry of this.#doc.querySelectorAll<HTMLElement>(`:is(${selector}):not([${SEEN_ATTR}])`))
        touched.add(entry);
    }
    let lastTarget: Node | null = null;
    /**
     * Elements this batch added. A record inside one of them needs no look-up of its entry: the record
     * that added it looked up the entry around it, and the entries in it are found by selector below
     * (as the page parses, every record's target is the node an earlier record added: this halves the
     * DOM calls a streamed page costs).
     */
    const fresh = huge ? null : new Set<Node>();
    for (const record of records) {
      const added = record.type === 'childList' ? record.addedNodes : null;
      // Our own veils going in or out (every veiled entry of a pass) change no entry's facts; looked for
      // only once a veil may have been drawn (as the page first streams in, none is).
      if (added !== null && this.#veiled && onlyVeils(record, added)) continue;
      // Content changed inside an entry (streamed HTML, a card re-rendered in place) changes its facts.
      const recordTarget = record.target;
      if (recordTarget !== lastTarget && !fresh?.has(recordTarget)) {
        lastTarget = recordTarget;
        const target = recordTarget.nodeType === 1 ? (recordTarget as Element) : recordTarget.parentElement;
        const owner = target?.closest<HTMLElement>(selector);
        if (owner) touched.add(owner);
      }
      if (fresh === null || added === null) continue;
      for (let i = 0; i < added.length; i++) {
        const node = added[i] as Node;
        if (node.nodeType !== 1) continue;
        const el = node as HTMLElement;
        fresh.add(el);
        if (el.matches(selector)) touched.add(el);
        else if (el.firstElementChild)
          for (const inner of el.querySelectorAll<HTMLElement>(selector)) touched.add(inner);
      }
    }
    for (const entry of this.#unfinished) touched.add(entry as HTMLElement);
    for (const entry of touched) if (entry.isConnected) this.#process(entry);
    if (touched.size === 0) return;
    const ms = performance.now() - start;
    this.timing.totalMs += ms;
    this.timing.lastBatchMs = ms;
    this.timing.lastBatchEntries = touched.size;
    if (this.#judge) this.onJudged?.();
  }

  /** One entry: a fault in reading or judging it (a page's odd markup, a rule's guard) stays in it. */
  #process(entry: HTMLElement, loading = this.#doc.readyState === 'loading', reread = true): void {
    try {
      this.#judgeEntry(entry, loading, reread);
    } catch (error) {
      this.#fault(entry, error);
    }
  }

  #judgeEntry(entry: HTMLElement, loading: boolean, reread: boolean): void {
    const judge = this.#judge;
    if (!judge) {
      this.#hold(entry);
      return;
    }
    const previous = this.#states.get(entry);
    const kept = previous !== undefined && previous.pool === this.#pool;
    if (!reread && kept) {
      // A change of rules: judged from the facts kept, nothing read (an entry changed since was read
      // again when the observer reported it).
      if (generationOf(previous.mark) === this.#generation) return;
      const tags = this.#pool.tagsAt(previous.at, previous.length);
      const { title } = previous.extra;
      const creators = previous.extra.creators as string[];
      const id = previous.id;
      const facts: EntryFacts =
        typeof id === 'string'
          ? { id, tags, title, creators }
          : new FactsWithoutId(tags, title, creators, entry, previous, this.#readId);
      this.#settleVerdict(entry, previous, this.#share(judge(facts)), true);
      return;
    }
    // While the parser streams the page, an entry with nothing after it may still be receiving its tags.
    if (loading && entry.nextSibling === null) {
      this.#unfinished.add(entry);
      this.#hold(entry);
      return;
    }
    this.#unfinished.delete(entry);
    const facts = readEntry(this.#adapter, entry, this.#needs);
    if (this.#facts?.fill(facts)) {
      this.#holdBack(facts.id, entry);
      return;
    }
    const pool = this.#pool;
    const length = pool.intern(facts.tags);
    const creators = facts.creators.length === 0 ? NO_CREATORS : facts.creators;
    const same =
      previous !== undefined &&
      previous.pool === pool &&
      sameId(previous.id, facts.id) &&
      previous.extra.title === facts.title &&
      sameTexts(previous.extra.creators, creators) &&
      pool.sameAsScratch(previous.at, previous.length);
    if (!same) this.#factsVersion++;
    const id = this.#idsWanted ? facts.id : idHash(facts.id);
    if (previous && same) {
      previous.id = id;
      // The same facts, but the page changed the entry: what it added under a veil is covered too.
      if (previous.verdict.action !== null) this.#painter.coverAdded(entry);
      if (generationOf(previous.mark) === this.#generation) return;
      this.#settleVerdict(entry, previous, this.#share(judge(facts)), true);
      return;
    }
    const at = pool.keepScratch();
    const verdict = this.#share(judge(facts));
    const extra =
      facts.title === '' && creators === NO_CREATORS ? NO_EXTRA : { title: facts.title, creators };
    if (previous) {
      // Recycled or edited in place: new facts, a new verdict; a reveal does not carry over.
      previous.id = id;
      previous.pool = pool;
      previous.at = at;
      previous.length = length;
      previous.extra = extra;
      this.#settleVerdict(entry, previous, verdict, false);
      return;
    }
    const state: EntryState = {
      id,
      pool,
      at,
      length,
      extra,
      verdict,
      mark: packMark(this.#generation, false, this.#audit),
    };
    this.#states.set(entry, state);
    // DOM calls are the content script's main cost: an entry that was and stays untouched gets none.
    if (verdict.action !== null) this.#paint(entry, state);
    entry.setAttribute(SEEN_ATTR, '');
    if (this.#held.size > 0) this.#unhold(entry);
  }

  /** An entry's id asked for by a rule while judging from kept facts: read once, kept from then on. */
  readonly #readId = (entry: HTMLElement, state: EntryState): string => {
    this.#idsWanted = true;
    if (typeof state.id === 'string') return state.id;
    const id = this.idOf(entry);
    state.id = id;
    return id;
  };

  /** `verdict`, or an equal one given lately (one object held by many entries instead of one each). */
  #share(verdict: Verdict): Verdict {
    if (verdict.action === null && verdict.reasons.length === 0) return NO_VERDICT;
    const recent = this.#recentVerdicts;
    for (const other of recent) if (sameVerdict(other, verdict)) return other;
    recent[this.#recentAt] = verdict;
    this.#recentAt = (this.#recentAt + 1) % SHARED_VERDICTS;
    return verdict;
  }

  /**
   * Gives an entry judged before its new verdict, in the same state object (a veil's Show button holds
   * it): painted only when what it shows changes. `sameFacts`: judged on the facts it had, so a reveal is
   * kept while the entry is still acted on.
   */
  #settleVerdict(entry: HTMLElement, state: EntryState, verdict: Verdict, sameFacts: boolean): void {
    const shown = sameFacts && verdict.action !== null && shownOf(state.mark);
    const unchanged =
      sameVerdict(state.verdict, verdict) &&
      shown === shownOf(state.mark) &&
      auditOf(state.mark) === this.#audit;
    state.verdict = verdict;
    state.mark = packMark(this.#generation, shown, this.#audit);
    if (!unchanged) this.#paint(entry, state);
    if (shown) this.#watchShown(entry); // still shown under new rules, or the setting was just turned on
    if (this.#held.size > 0) this.#unhold(entry);
  }

  /** Keeps an entry not judged yet unpainted; one already judged keeps its verdict meanwhile. */
  #hold(entry: HTMLElement): void {
    if (this.#states.has(entry) || this.#held.has(entry)) return;
    this.#held.add(entry);
    entry.setAttribute(HELD_ATTR, '');
  }

  #unhold(entry: HTMLElement): void {
    if (this.#held.delete(entry)) entry.removeAttribute(HELD_ATTR);
  }

  /** Shows the entry as the page wrote it and counts it (once) for the page's problems. */
  #fault(entry: HTMLElement, error: unknown): void {
    this.#unfinished.delete(entry);
    this.#unhold(entry);
    try {
      this.#painter.clear(entry);
    } catch {
      // Nothing of ours to undo on it.
    }
    this.#states.delete(entry);
    if (!entry.hasAttribute(SEEN_ATTR)) entry.setAttribute(SEEN_ATTR, '');
    this.faults.message = error instanceof Error ? error.message : String(error);
    if (this.#faulted.has(entry)) return;
    this.#faulted.add(entry);
    this.faults.entries++;
  }

  /**
   * Held back (unpainted) until its facts arrive or their source gives up (settle). A recycled card that
   * now links a work whose facts are not in is held back again rather than shown under the old verdict.
   */
  #holdBack(id: string, entry: HTMLElement): void {
    this.#waiting.set(id, entry);
    if (this.#states.has(entry)) {
      this.#states.delete(entry);
      this.#painter.clear(entry);
      entry.removeAttribute(SEEN_ATTR);
    }
    this.#hold(entry);
  }

  /** With "hide again off screen" on: hides a shown entry once it has been seen and scrolled away. */
  #watchShown(entry: HTMLElement): void {
    if (!this.#hideAgainOffscreen || typeof IntersectionObserver === 'undefined') return;
    this.#shownWatcher ??= new IntersectionObserver((records) => this.#onShownMoved(records));
    // Watched afresh: the observer reports at once whether the entry is on screen now (observing an
    // entry already watched would report nothing, and it would never count as seen again).
    this.#shownWatcher.unobserve(entry);
    this.#shownOnScreen.delete(entry);
    this.#shownWatcher.observe(entry);
  }

  #onShownMoved(records: IntersectionObserverEntry[]): void {
    for (const record of records) {
      const entry = record.target as HTMLElement;
      if (record.isIntersecting) {
        this.#shownOnScreen.add(entry);
        continue;
      }
      // "Show all" reveals entries far down the page too: each is hidden again only after it was seen.
      if (!this.#shownOnScreen.has(entry)) continue;
      this.#shownOnScreen.delete(entry);
      this.#shownWatcher?.unobserve(entry);
      const state = this.#states.get(entry);
      if (!state || !shownOf(state.mark)) continue;
      state.mark = withShown(state.mark, false);
      this.#paint(entry, state);
    }
  }

  #unwatchShown(): void {
    this.#shownWatcher?.disconnect();
    this.#shownWatcher = null;
  }

  #paint(entry: HTMLElement, state: EntryState): void {
    // The veil going in or out is one of the observer's records that onlyVeils() skips: from the first
    // verdict that may draw one (all but an entry hidden unrevealed, outside audit mode) on.
    if (state.verdict.action !== 'hide' || shownOf(state.mark) || this.#audit) this.#veiled = true;
    const anchor = this.#adapter.veilAnchor?.(entry) ?? entry;
    const toggle = () => {
      state.mark = withShown(state.mark, !shownOf(state.mark));
      this.#paint(entry, state);
      if (shownOf(state.mark)) this.#watchShown(entry);
      else this.#shownWatcher?.unobserve(entry);
    };
    const hideOne = this.onHideOne;
    this.#painter.apply(entry, state.verdict, {
      shown: shownOf(state.mark),
      audit: this.#audit,
      onToggle: toggle,
      anchor,
      site: this.#adapter.id,
      ...(hideOne ? { onHideOne: () => hideOne(this.idOf(entry)) } : {}),
    });
  }
}
