import { tagToString } from '../rules/normalize';
import { type Action, type EntryFacts, reasonLabel, type Tag, type Verdict } from '../rules/types';
import { readEntry, type SiteAdapter } from '../sites/types';
import { applyVerdict, clearVerdict } from './effects';
import { SEEN_ATTR } from './styles';

/** Past this many mutation records in one callback, one rescan of the page is cheaper than walking them. */
export const HUGE_MUTATION_BATCH = 1_000;
/** The popup lists at most this many of the tags seen on a page, most frequent first. */
export const MAX_TAGS_SEEN = 300;

interface EntryState {
  signature: string;
  /** The rules changed since this verdict; the user's reveal is kept if the entry is still acted on. */
  stale: boolean;
  verdict: Verdict;
  shown: boolean;
  tags: Tag[];
}

export interface ScanStats {
  entries: number;
  counts: Record<Action, number>;
  /** Per rule of a list: the tags it matched and on how many entries. */
  rules: Map<string, { listName: string; rule: string; action: Action; tags: Set<string>; entries: number }>;
  /** Tags on this page (as the site wrote them) and on how many entries, most frequent first. */
  tags: { tag: string; entries: number }[];
}

export interface ScanOptions {
  /** Outline what the rules would act on, and act on nothing. */
  audit?: boolean;
}

function signatureOf(facts: EntryFacts): string {
  return `${facts.title}\n${facts.creators.join('\n')}\n${facts.tags.map(tagToString).join('\n')}`;
}

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
 * a signature of its facts, so a recycled card is judged again.
 */
export class Scanner {
  private readonly states = new WeakMap<Element, EntryState>();
  private observer: MutationObserver | null = null;
  /** Entries the HTML parser may still be filling; judged again once it has moved past them. */
  private readonly unfinished = new Set<Element>();
  private audit = false;

  constructor(
    private readonly doc: Document,
    private readonly adapter: SiteAdapter,
    private judge: (facts: EntryFacts) => Verdict,
  ) {}

  get running(): boolean {
    return this.observer !== null;
  }

  start(): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, OBSERVE);
    this.doc.addEventListener('DOMContentLoaded', this.onParsed);
    this.scanAll();
  }

  /** Undoes every mark and stops watching. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.doc.removeEventListener('DOMContentLoaded', this.onParsed);
    this.unfinished.clear();
    for (const entry of this.entries()) {
      clearVerdict(entry);
      entry.removeAttribute(SEEN_ATTR);
      this.states.delete(entry);
    }
  }

  /** New rules (or audit mode): every entry is judged again, marks that no longer apply are removed. */
  setJudge(judge: (facts: EntryFacts) => Verdict, options: ScanOptions = {}): void {
    this.judge = judge;
    this.audit = options.audit ?? false;
    for (const entry of this.entries()) {
      const state = this.states.get(entry);
      if (state) state.stale = true;
    }
    if (this.observer) this.scanAll();
  }

  /** Looks at every entry again (a single-page site navigated); unchanged entries cost a signature. */
  rescan(): void {
    if (this.observer) this.scanAll();
  }

  /** Reveals every entry acted on, until reload or until the user hides it again. */
  showAll(): number {
    let shown = 0;
    for (const entry of this.entries()) {
      const state = this.states.get(entry);
      if (!state?.verdict.action || state.shown) continue;
      state.shown = true;
      this.paint(entry, state);
      shown++;
    }
    return shown;
  }

  stats(): ScanStats {
    const stats: ScanStats = {
      entries: 0,
      counts: { hide: 0, collapse: 0, blur: 0, label: 0 },
      rules: new Map(),
      tags: [],
    };
    const seen = new Map<string, number>();
    for (const entry of this.entries()) {
      stats.entries++;
      const state = this.states.get(entry);
      if (!state) continue;
      for (const tag of new Set(state.tags.map(tagToString))) seen.set(tag, (seen.get(tag) ?? 0) + 1);
      const verdict = state.verdict;
      if (!verdict.action) continue;
      stats.counts[verdict.action]++;
      const counted = new Set<string>();
      for (const reason of verdict.reasons) {
        const key = `${reason.listId}\u0000${reason.rule}`;
        let row = stats.rules.get(key);
        if (!row) {
          row = {
            listName: reason.listName,
            rule: reason.rule,
            action: reason.action,
            tags: new Set(),
            entries: 0,
          };
          stats.rules.set(key, row);
        }
        row.tags.add(reasonLabel(reason));
        if (!counted.has(key)) row.entries++;
        counted.add(key);
      }
    }
    stats.tags = [...seen]
      .map(([tag, entries]) => ({ tag, entries }))
      .sort((a, b) => b.entries - a.entries || a.tag.localeCompare(b.tag))
      .slice(0, MAX_TAGS_SEEN);
    return stats;
  }

  private entries(): HTMLElement[] {
    return [...this.doc.querySelectorAll<HTMLElement>(this.adapter.entrySelector)];
  }

  private readonly onParsed = (): void => {
    for (const entry of this.unfinished) this.process(entry as HTMLElement);
    this.unfinished.clear();
  };

  private scanAll(): void {
    for (const entry of this.entries()) this.process(entry);
  }

  private onMutations(records: MutationRecord[]): void {
    if (records.length > HUGE_MUTATION_BATCH) {
      this.scanAll();
      return;
    }
    const touched = new Set<HTMLElement>();
    const selector = this.adapter.entrySelector;
    for (const record of records) {
      // Content changed inside an entry (streamed HTML, a card re-rendered in place) changes its facts.
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      const owner = target?.closest<HTMLElement>(selector);
      if (owner) touched.add(owner);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as HTMLElement;
        if (el.matches(selector)) touched.add(el);
        else if (el.firstElementChild)
          for (const inner of el.querySelectorAll<HTMLElement>(selector)) touched.add(inner);
      }
    }
    for (const entry of this.unfinished) touched.add(entry as HTMLElement);
    for (const entry of touched) if (entry.isConnected) this.process(entry);
  }

  private process(entry: HTMLElement): void {
    // While the parser streams the page, an entry with nothing after it may still be receiving its tags.
    if (this.doc.readyState === 'loading' && entry.nextSibling === null) {
      this.unfinished.add(entry);
      return;
    }
    this.unfinished.delete(entry);
    const facts = readEntry(this.adapter, entry);
    const signature = signatureOf(facts);
    const previous = this.states.get(entry);
    if (previous && !previous.stale && previous.signature === signature) return;
    const verdict = this.judge(facts);
    const keepShown = previous?.stale === true && previous.signature === signature && verdict.action !== null;
    const shown = keepShown && previous.shown;
    const state: EntryState = { signature, stale: false, verdict, shown, tags: facts.tags };
    this.states.set(entry, state);
    this.paint(entry, state);
    if (!entry.hasAttribute(SEEN_ATTR)) entry.setAttribute(SEEN_ATTR, '');
  }

  private paint(entry: HTMLElement, state: EntryState): void {
    // Our own veil insertion triggers the observer; the signature check above makes that a no-op.
    const anchor = this.adapter.veilAnchor?.(entry) ?? entry;
    const toggle = () => {
      state.shown = !state.shown;
      this.paint(entry, state);
    };
    applyVerdict(entry, state.verdict, { shown: state.shown, audit: this.audit, onToggle: toggle, anchor });
  }
}
