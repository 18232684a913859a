import type { LookupDeps, SiteLookup } from '../src/sites/lookups/completer';
import type { CachedTags } from '../src/sites/types';

/** A request the look-up sent: its address, and when (`Date.now()`, the fake clock's under fake timers). */
export interface SentRequest {
  url: string;
  at: number;
}

/** The site's answer to one request: its address, and its body for a POST. */
export type LookupAnswer = (
  url: string,
  body: string | undefined,
) => Promise<{ status: number; text: string }>;

/** How the look-up is made. */
export interface LookupHarnessOptions {
  /** The page's origin (deps.origin). */
  origin: string;
  /** What the look-up's cache holds when it loads it; empty by default. */
  cache?: Record<string, CachedTags>;
  /** Whether the page's own data gave a work (deps.pageKnows); absent by default. */
  pageKnows?: (id: string) => boolean;
  /** Each request is recorded with its body too (`''` for a GET). */
  recordBody?: boolean;
}

/** A look-up and what it did. */
export interface LookupHarness<Sent extends SentRequest> {
  lookup: SiteLookup;
  /** Every request, in the order sent. */
  sent: Sent[];
  /** The ids settled (deps.onSettled), in order. */
  settled: string[];
  /** What the look-up last saved to its cache; undefined before its first save. */
  saved: () => Record<string, CachedTags> | undefined;
  /** The most requests in flight at once. */
  maxOpen: () => number;
}

/**
 * A site's look-up (`make`, its factory) on `Date.now()` and `setTimeout` (fake timers drive it), each
 * request answered by `answer`, its cache in memory (copied in and out), what it does recorded. Throws
 * when the factory makes no look-up for `origin`.
 */
export function lookupHarness(
  make: (deps: LookupDeps) => SiteLookup | null,
  answer: LookupAnswer,
  opts: LookupHarnessOptions & { recordBody: true },
): LookupHarness<SentRequest & { body: string }>;
export function lookupHarness(
  make: (deps: LookupDeps) => SiteLookup | null,
  answer: LookupAnswer,
  opts: LookupHarnessOptions,
): LookupHarness<SentRequest>;
export function lookupHarness(
  make: (deps: LookupDeps) => SiteLookup | null,
  answer: LookupAnswer,
  opts: LookupHarnessOptions,
): LookupHarness<SentRequest & { body?: string }> {
  const sent: (SentRequest & { body?: string })[] = [];
  const settled: string[] = [];
  let saved: Record<string, CachedTags> | undefined;
  let open = 0;
  let maxOpen = 0;
  const lookup = make({
    origin: opts.origin,
    now: () => Date.now(),
    setTimer: (fn, ms) => {
      setTimeout(fn, ms);
    },
    onSettled: (ids) => settled.push(...ids),
    pageKnows: opts.pageKnows,
    cache: {
      load: async () => structuredClone(opts.cache ?? {}),
      save: async (entries) => {
        saved = structuredClone(entries);
      },
    },
    fetchText: async (url, _signal, body) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      sent.push(opts.recordBody ? { url, at: Date.now(), body: body ?? '' } : { url, at: Date.now() });
      try {
        return await answer(url, body);
      } finally {
        open--;
      }
    },
  });
  if (!lookup) throw new Error('no look-up for the site');
  return { lookup, sent, settled, saved: () => saved, maxOpen: () => maxOpen };
}
