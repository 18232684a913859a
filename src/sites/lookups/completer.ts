import type { Tag } from '../../rules/types';
import type { PageWork } from '../page-data';
import type { CachedTags, TagSource, TagSourceDeps } from '../types';

/** Cached tags are used for a week. */
export const LOOKUP_CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many works are kept in one site's cache; the oldest go first. */
export const LOOKUP_CACHE_MAX = 5_000;
/** At most this many errors are kept for the popup. */
const MAX_ERRORS = 20;

/** How one site's look-up is made and read. */
export interface LookupSpec {
  /** Ids a request may carry (one for a file per work, many for an API that takes a list). */
  batch: number;
  /** At least this long from the end of one answer to the start of the next request; never two in flight. */
  minIntervalMs: number;
  /**
   * An id is asked for no sooner than this after it was first seen: the page's own answer, often on its
   * way, is given the time to come first (what it brings is not asked for).
   */
  graceMs: number;
  /** A request that takes longer is given up. */
  timeoutMs: number;
  /** An entry waits this long for its tags (held back, unpainted), then shows with what it has. */
  waitMs: number;
  /** At most this many requests for one page (its context): the rest of its entries show as they are. */
  maxRequests: number;
  /** An answer longer than this (characters) is refused unread. */
  maxAnswerChars: number;
  /** Whether an id is one this site's look-up can ask for. */
  validId(id: string): boolean;
  /** The address that answers for these ids. */
  url(ids: readonly string[]): string;
  /**
   * The request's body, for an API asked by POST (E-Hentai's): sent as plain text, which keeps it a
   * simple cross-origin request (no preflight), as the site's own pages send it. Absent: a GET.
   */
  body?(ids: readonly string[]): string;
  /** The works of an answer (validated); throws when the answer is not of the expected shape. */
  parse(text: string, asked: readonly string[]): Pick<PageWork, 'id' | 'tags'>[];
  /** A cached work's tags (as `namespace:name`, see `cacheKey`) back as tags. */
  restore(tag: string): Tag;
}

export interface LookupDeps extends TagSourceDeps {
  /** The site's cache of completed tags (local-cache.ts withOwnCache: the look-up's own, not the page's). */
  cache: {
    load(): Promise<Record<string, CachedTags>>;
    save(entries: Record<string, CachedTags>): Promise<void>;
  };
  /**
   * Fetches an address, with a body for a POST (tests give their own); by default the content script's
   * `fetch`, no cookies.
   */
  fetchText?: (url: string, signal: AbortSignal, body?: string) => Promise<{ status: number; text: string }>;
}

/** A tag as the cache keeps it: `namespace:name`, `:name` without a namespace. */
export function cacheKey(tag: Tag): string {
  return `${tag.namespace ?? ''}:${tag.name}`;
}

/** The inverse of `cacheKey`, for tags with nothing more to them. */
export function plainTag(key: string): Tag {
  const colon = key.indexOf(':');
  if (colon < 0) return { name: key };
  const namespace = key.slice(0, colon);
  const name = key.slice(colon + 1);
  return namespace ? { namespace, name } : { name };
}

/** Reads a response's text, refusing one longer than `max` characters (by its length header first). */
export async function boundedText(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max * 4) throw new Error('the answer is too large');
  const text = await response.text();
  if (text.length > max) throw new Error('the answer is too large');
  return text;
}

/** An answer's JSON, not yet checked; throws when the text is not JSON. */
export function parseJsonAnswer(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('the answer is not JSON');
  }
}

async function defaultFetch(url: string, signal: AbortSignal, max: number, body: string | undefined) {
  // The site's public files and API need no cookies: none are sent.
  const response = await fetch(url, {
    signal,
    credentials: 'omit',
    ...(body === undefined ? {} : { method: 'POST', body }),
  });
  return { status: response.status, text: response.ok ? await boundedText(response, max) : '' };
}

/**
 * Completes what cards show with the site's own look-up (E-Hentai's metadata API, hitomi.la's
 * `galleries/<id>.js`, MangaDex's `/manga?ids[]=`): opt-in, one request in flight, spaced, batched where the site takes lists, cached,
 * bounded per page. An entry waits for its tags at most `waitMs` (held back), then is judged by what it
 * shows; an id given up before its request went out is not asked for. Ids the page's own data already
 * gave (deps.pageKnows) are never asked for.
 */
export class SiteLookup implements TagSource {
  readonly #known = new Map<string, Tag[]>();
  readonly #deadlines = new Map<string, number>();
  readonly #firstSeen = new Map<string, number>();
  readonly #gaveUp = new Set<string>();
  #queue: string[] = [];
  #inFlight = false;
  #timerSet = false;
  #lastRequestAt = Number.NEGATIVE_INFINITY;
  #cache: Record<string, CachedTags> = {};
  /** Requests made for this page. */
  requests = 0;
  readonly errors: string[] = [];

  readonly #spec: LookupSpec;
  readonly #deps: LookupDeps;
  constructor(spec: LookupSpec, deps: LookupDeps) {
    this.#spec = spec;
    this.#deps = deps;
  }

  async init(): Promise<void> {
    try {
      this.#cache = await this.#deps.cache.load();
    } catch {
      this.#cache = {};
    }
    const fresh = this.#deps.now() - LOOKUP_CACHE_MAX_AGE_MS;
    for (const [id, entry] of Object.entries(this.#cache)) {
      if (entry && Array.isArray(entry.tags) && entry.at >= fresh) {
        this.#known.set(
          id,
          entry.tags.filter((t): t is string => typeof t === 'string').map((t) => this.#spec.restore(t)),
        );
      } else delete this.#cache[id];
    }
  }

  extraTags(id: string): Tag[] | undefined {
    return this.#known.get(id);
  }

  awaiting(id: string): boolean {
    if (this.#known.has(id) || this.#gaveUp.has(id) || !this.#spec.validId(id)) return false;
    if (this.#deps.pageKnows?.(id)) return false;
    const deadline = this.#deadlines.get(id);
    if (deadline !== undefined) return this.#deps.now() < deadline;
    if (this.requests >= this.#spec.maxRequests) return false;
    const now = this.#deps.now();
    this.#deadlines.set(id, now + this.#spec.waitMs);
    this.#firstSeen.set(id, now);
    this.#queue.push(id);
    this.#deps.setTimer(() => this.#giveUp([id]), this.#spec.waitMs);
    this.#pump();
    return true;
  }

  #giveUp(ids: readonly string[]): void {
    const settled = ids.filter((id) => !this.#known.has(id) && !this.#gaveUp.has(id));
    for (const id of settled) this.#gaveUp.add(id);
    if (settled.length > 0) this.#deps.onSettled(settled);
  }

  #pump(): void {
    const head = this.#queue[0];
    if (this.#inFlight || this.#timerSet || head === undefined) return;
    const now = this.#deps.now();
    const spaced = this.#lastRequestAt + this.#spec.minIntervalMs;
    const graced = (this.#firstSeen.get(head) ?? now) + this.#spec.graceMs;
    this.#timerSet = true;
    this.#deps.setTimer(
      () => {
        this.#timerSet = false;
        void this.#request();
      },
      Math.max(0, spaced - now, graced - now),
    );
  }

  /** The next ids to ask for: not given up, not given by the page meanwhile, not known. */
  #nextBatch(): string[] {
    const batch: string[] = [];
    const answeredByPage: string[] = [];
    while (this.#queue.length > 0 && batch.length < this.#spec.batch) {
      const id = this.#queue.shift() as string;
      if (this.#gaveUp.has(id) || this.#known.has(id) || batch.includes(id)) continue;
      if (this.#deps.pageKnows?.(id)) {
        answeredByPage.push(id);
        continue;
      }
      batch.push(id);
    }
    // The page's data came for these: their entries are judged by it now.
    if (answeredByPage.length > 0) this.#giveUp(answeredByPage);
    return batch;
  }

  async #request(): Promise<void> {
    if (this.#inFlight) return;
    if (this.requests >= this.#spec.maxRequests) {
      this.#giveUp(this.#queue.splice(0));
      return;
    }
    const batch = this.#nextBatch();
    if (batch.length === 0) {
      this.#pump();
      return;
    }
    this.#inFlight = true;
    this.requests++;
    const abort = new AbortController();
    this.#deps.setTimer(() => abort.abort(), this.#spec.timeoutMs);
    try {
      const url = this.#spec.url(batch);
      const body = this.#spec.body?.(batch);
      const { status, text } = this.#deps.fetchText
        ? await this.#deps.fetchText(url, abort.signal, body)
        : await defaultFetch(url, abort.signal, this.#spec.maxAnswerChars, body);
      if (status !== 200) throw new Error(`the site answered ${status}`);
      if (text.length > this.#spec.maxAnswerChars) throw new Error('the answer is too large');
      const asked = new Set(batch);
      // Only works asked for are taken: an answer cannot speak for other entries of the page.
      const works = this.#spec.parse(text, batch).filter((w) => asked.has(w.id));
      const at = this.#deps.now();
      for (const work of works) {
        this.#known.set(work.id, work.tags);
        this.#cache[work.id] = { tags: work.tags.map(cacheKey), at };
      }
      this.#trimCache();
      this.#deps.cache.save(this.#cache).catch(() => undefined); // a full local quota only costs the cache
      if (works.length > 0) this.#deps.onSettled(works.map((w) => w.id));
      this.#giveUp(batch); // works the answer left out show with what their cards have
    } catch (error) {
      this.#note(
        abort.signal.aborted ? 'no answer in time' : error instanceof Error ? error.message : String(error),
      );
      this.#giveUp(batch);
    } finally {
      // The spacing counts from the end of this answer, not from when it was asked: the site gets at
      // least minIntervalMs of quiet between one request and the next, however long this one took to
      // leave the browser or to come back.
      this.#lastRequestAt = this.#deps.now();
      this.#inFlight = false;
      this.#pump();
    }
  }

  #note(message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(message);
  }

  #trimCache(): void {
    const ids = Object.keys(this.#cache);
    if (ids.length <= LOOKUP_CACHE_MAX) return;
    ids.sort((a, b) => (this.#cache[a]?.at ?? 0) - (this.#cache[b]?.at ?? 0));
    for (const id of ids.slice(0, ids.length - LOOKUP_CACHE_MAX)) delete this.#cache[id];
  }
}
