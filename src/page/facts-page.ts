import type { EntryFacts, Tag } from '../rules/types';
import {
  PAGE_DATA_EVENT,
  PAGE_DATA_HELLO_EVENT,
  PAGE_DATA_READER_EVENT,
  type PageWork,
  readPageDataMessage,
} from '../sites/page-data';
import type { SiteAdapter } from '../sites/types';
import type { FactsSource } from './facts';

/** An entry waits this long for its work's facts in the page's data (held back), then shows as it is. */
export const PAGE_DATA_WAIT_MS = 3_000;
/** Works kept for one page; past this the oldest are forgotten (an endless scroll). */
export const MAX_KNOWN_WORKS = 20_000;
/** A message longer than this (in characters) is refused unread. */
export const MAX_MESSAGE_CHARS = 8 * 1024 * 1024;

export interface PageDataDeps {
  site: string;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => void;
  /** Entries held back for these ids can be judged now (their facts came, or their wait ended). */
  onSettled: (ids: string[]) => void;
  /** Facts came for entries already shown without them: those entries should be read again. */
  onLate: (ids: string[]) => void;
  /** Whether cards with no facts in the page's data yet wait for them (their markup has no tags). */
  hold: boolean;
  /** Any works arrived. */
  onWorks?: () => void;
}

/** Reads one message's detail; null when it is not a well-formed message for this site. */
export function readMessage(detail: unknown, site: string): PageWork[] | null {
  if (typeof detail !== 'string' || detail.length > MAX_MESSAGE_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(detail);
  } catch {
    return null;
  }
  const message = readPageDataMessage(json);
  return message && message.site === site ? message.works : null;
}

/**
 * The page's own data as a facts source: works the main-world reader (facts-hook.ts) saw in the page's
 * answers, and works the page embeds in its markup. Only facts of this page's entries come from here.
 */
export class PageDataSource implements FactsSource {
  readonly #known = new Map<string, PageWork>();
  readonly #deadlines = new Map<string, number>();
  /** Ids shown without their facts (their wait ended): facts for one of them mean a look again. */
  readonly #released = new Set<string>();
  /** Messages refused (not well-formed): counted for tests and the curious. */
  refused = 0;

  readonly #doc: Document;
  readonly #deps: PageDataDeps;
  constructor(doc: Document, deps: PageDataDeps) {
    this.#doc = doc;
    this.#deps = deps;
  }

  /** Starts listening, and asks the main-world reader for what it kept until now. */
  listen(): () => void {
    const onData = (event: Event) => {
      const works = readMessage((event as CustomEvent<unknown>).detail, this.#deps.site);
      if (works) this.add(works);
      else this.refused++;
    };
    const hello = () => this.#doc.dispatchEvent(new CustomEvent(PAGE_DATA_HELLO_EVENT));
    this.#doc.addEventListener(PAGE_DATA_EVENT, onData);
    this.#doc.addEventListener(PAGE_DATA_READER_EVENT, hello);
    hello();
    return () => {
      this.#doc.removeEventListener(PAGE_DATA_EVENT, onData);
      this.#doc.removeEventListener(PAGE_DATA_READER_EVENT, hello);
    };
  }

  /** Works the page gave (its answers, its embedded data). */
  add(works: readonly PageWork[]): void {
    const settled: string[] = [];
    const late: string[] = [];
    for (const work of works) {
      this.#known.delete(work.id); // re-inserted last: the oldest are forgotten first
      this.#known.set(work.id, work);
      if (this.#deadlines.delete(work.id)) settled.push(work.id);
      if (this.#released.delete(work.id)) late.push(work.id);
    }
    for (const id of this.#known.keys()) {
      if (this.#known.size <= MAX_KNOWN_WORKS) break;
      this.#known.delete(id);
    }
    if (settled.length > 0) this.#deps.onSettled(settled);
    if (late.length > 0) this.#deps.onLate(late);
    if (works.length > 0) this.#deps.onWorks?.();
  }

  /** What the page's data says about one work (a detail page's). */
  work(id: string): PageWork | undefined {
    return this.#known.get(id);
  }

  fill(facts: EntryFacts, ask: boolean): 'ready' | 'wait' {
    const work = this.#known.get(facts.id);
    if (work) {
      merge(facts, work);
      return 'ready';
    }
    if (!ask || facts.id === '' || this.#released.has(facts.id)) return 'ready';
    if (!this.#deps.hold) {
      // Judged by its markup alone (hitomi's cards show tags): its facts arriving later mean a look again.
      this.#release(facts.id);
      return 'ready';
    }
    const deadline = this.#deadlines.get(facts.id);
    if (deadline !== undefined) return this.#deps.now() < deadline ? 'wait' : 'ready';
    this.#deadlines.set(facts.id, this.#deps.now() + PAGE_DATA_WAIT_MS);
    this.#deps.setTimer(() => {
      if (!this.#deadlines.delete(facts.id)) return;
      this.#release(facts.id);
      this.#deps.onSettled([facts.id]);
    }, PAGE_DATA_WAIT_MS);
    return 'wait';
  }

  /** Notes an id shown without its facts (bounded like the works known: the oldest are forgotten). */
  #release(id: string): void {
    this.#released.add(id);
    if (this.#released.size <= MAX_KNOWN_WORKS) return;
    for (const old of this.#released) {
      this.#released.delete(old);
      break;
    }
  }
}

/** Adds a work's facts to what the entry's markup said (its tags after the markup's). */
function merge(facts: EntryFacts, work: PageWork): void {
  const seen = new Set(facts.tags.map(key));
  const added: Tag[] = work.tags.filter((tag) => !seen.has(key(tag)));
  if (added.length > 0) facts.tags = [...facts.tags, ...added];
  if (!facts.title) facts.title = work.title;
  if (facts.creators.length === 0 && work.creators.length > 0) facts.creators = [...work.creators];
}

function key(tag: Tag): string {
  return `${tag.namespace ?? ''}:${tag.name}`;
}

/** What the page data source needs of the content script's context (context.ts, or a test's). */
export interface PageDataContext {
  setTimeout(fn: () => void, ms: number): unknown;
  addEventListener(target: Document, type: 'DOMContentLoaded', fn: () => void): void;
  onInvalidated(fn: () => void): unknown;
}

/**
 * The page's own data as a facts source for an adapter that reads it, listening from now until the
 * context ends; null for every other site.
 */
export function pageDataSource(
  ctx: PageDataContext,
  doc: Document,
  adapter: SiteAdapter,
  scanner: { settle(ids: string[]): void; refresh(ids: readonly string[]): void },
  /** Works arrived (a detail page of a single-page site is judged again). */
  onWorks: () => void = () => undefined,
): PageDataSource | null {
  const spec = adapter.pageData;
  if (!spec) return null;
  const source = new PageDataSource(doc, {
    site: adapter.id,
    now: Date.now,
    setTimer: (fn, ms) => {
      ctx.setTimeout(fn, ms);
    },
    onSettled: (ids) => scanner.settle(ids),
    // Only the entries these facts concern are read again, not the whole page.
    onLate: (ids) => scanner.refresh(ids),
    onWorks,
    hold: spec.holdCards,
  });
  ctx.onInvalidated(source.listen());
  const embedded = spec.embedded;
  if (embedded) {
    const read = () => source.add(embedded(doc));
    if (doc.readyState === 'loading') ctx.addEventListener(doc, 'DOMContentLoaded', read);
    else read();
  }
  return source;
}
