import type { Tag } from '../rules/types';
import type { CachedTags, TagSource, TagSourceDeps } from './types';

/** The site's metadata API takes at most this many galleries a request. */
export const API_BATCH = 25;
/** At least this long between two requests, and never two in flight. */
export const API_MIN_INTERVAL_MS = 1_000;
/** A request that takes longer is given up. */
export const API_TIMEOUT_MS = 5_000;
/** An entry waits this long for its full tags (held back, unpainted), then shows with what the row has. */
export const COMPLETE_WAIT_MS = 3_000;
/** Cached tags are used for a week. */
export const CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The API of each site: E-Hentai's own host; ExHentai answers on its own origin. */
const API_ENDPOINTS: Record<string, string> = {
  'https://e-hentai.org': 'https://api.e-hentai.org/api.php',
  'https://exhentai.org': 'https://exhentai.org/api.php',
};

export function apiEndpoint(origin: string): string | undefined {
  return API_ENDPOINTS[origin];
}

export type CompleterDeps = TagSourceDeps & { endpoint: string };

function toTag(full: string): Tag {
  const colon = full.indexOf(':');
  return colon > 0 ? { namespace: full.slice(0, colon), name: full.slice(colon + 1) } : { name: full };
}

/** Reads the API's answer without trusting it: galleries with a numeric gid, a token and string tags. */
export function parseGdata(json: unknown): { id: string; tags: string[] }[] {
  const list = (json as { gmetadata?: unknown } | null)?.gmetadata;
  if (!Array.isArray(list)) throw new Error('the answer has no gmetadata list');
  return list.flatMap((g: unknown) => {
    const { gid, token, tags } = (g ?? {}) as { gid?: unknown; token?: unknown; tags?: unknown };
    if (typeof gid !== 'number' || typeof token !== 'string' || !Array.isArray(tags)) return [];
    return [{ id: `${gid}/${token}`, tags: tags.filter((t): t is string => typeof t === 'string') }];
  });
}

/**
 * Completes E-Hentai list rows (which show a dozen tags, or only highlighted ones, or none) with the
 * site's own metadata API: batched, cached, rate-limited, one request in flight. Opt-in.
 */
export class EhentaiTagCompleter implements TagSource {
  readonly #known = new Map<string, Tag[]>();
  readonly #deadlines = new Map<string, number>();
  readonly #gaveUp = new Set<string>();
  #queue: string[] = [];
  #inFlight = false;
  #timerSet = false;
  #lastRequestAt = Number.NEGATIVE_INFINITY;
  #cache: Record<string, CachedTags> = {};
  readonly errors: string[] = [];

  readonly #deps: CompleterDeps;
  constructor(deps: CompleterDeps) {
    this.#deps = deps;
  }

  /** Loads cached tags (call before the first scan). */
  async init(): Promise<void> {
    try {
      this.#cache = await this.#deps.cache.load();
    } catch {
      this.#cache = {};
    }
    const fresh = this.#deps.now() - CACHE_MAX_AGE_MS;
    for (const [id, entry] of Object.entries(this.#cache)) {
      if (entry.at >= fresh) this.#known.set(id, entry.tags.map(toTag));
      else delete this.#cache[id];
    }
  }

  extraTags(id: string): Tag[] | undefined {
    return this.#known.get(id);
  }

  awaiting(id: string): boolean {
    if (this.#known.has(id) || this.#gaveUp.has(id) || !/^\d+\/[0-9a-f]+$/u.test(id)) return false;
    const deadline = this.#deadlines.get(id);
    if (deadline !== undefined) return this.#deps.now() < deadline;
    this.#deadlines.set(id, this.#deps.now() + COMPLETE_WAIT_MS);
    this.#queue.push(id);
    this.#deps.setTimer(() => this.#giveUp([id]), COMPLETE_WAIT_MS);
    this.#pump();
    return true;
  }

  #giveUp(ids: string[]): void {
    const settled = ids.filter((id) => !this.#known.has(id) && !this.#gaveUp.has(id));
    for (const id of settled) this.#gaveUp.add(id);
    if (settled.length > 0) this.#deps.onSettled(settled);
  }

  #pump(): void {
    if (this.#inFlight || this.#timerSet || this.#queue.length === 0) return;
    const wait = Math.max(0, this.#lastRequestAt + API_MIN_INTERVAL_MS - this.#deps.now());
    this.#timerSet = true;
    this.#deps.setTimer(() => {
      this.#timerSet = false;
      void this.#request();
    }, wait);
  }

  async #request(): Promise<void> {
    const batch = this.#queue.splice(0, API_BATCH).filter((id) => !this.#gaveUp.has(id));
    if (batch.length === 0 || this.#inFlight) {
      this.#pump();
      return;
    }
    this.#inFlight = true;
    this.#lastRequestAt = this.#deps.now();
    const abort = new AbortController();
    this.#deps.setTimer(() => abort.abort(), API_TIMEOUT_MS);
    try {
      const gidlist = batch.map((id) => {
        const [gid, token] = id.split('/');
        return [Number(gid), token];
      });
      // A plain-text body keeps this a simple cross-origin request (no preflight), as the site's own pages send it.
      const response = await fetch(this.#deps.endpoint, {
        method: 'POST',
        body: JSON.stringify({ method: 'gdata', gidlist, namespace: 1 }),
        signal: abort.signal,
        credentials: 'omit',
      });
      if (!response.ok) throw new Error(`the site answered ${response.status}`);
      const galleries = parseGdata(await response.json());
      const at = this.#deps.now();
      for (const g of galleries) {
        this.#known.set(g.id, g.tags.map(toTag));
        this.#cache[g.id] = { tags: g.tags, at };
      }
      this.#deps.cache.save(this.#cache).catch(() => undefined); // a full local quota only costs the cache
      this.#deps.onSettled(galleries.map((g) => g.id));
      this.#giveUp(batch); // galleries the answer left out show with what their row has
    } catch (error) {
      const message = abort.signal.aborted
        ? 'no answer in time'
        : error instanceof Error
          ? error.message
          : String(error);
      this.errors.push(message);
      this.#giveUp(batch);
    } finally {
      this.#inFlight = false;
      this.#pump();
    }
  }
}
