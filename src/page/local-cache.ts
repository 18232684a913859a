import { browser } from 'wxt/browser';
import type { LookupDeps } from '../sites/lookups/completer';
import type { CachedTags, TagSourceDeps } from '../sites/types';

/**
 * The page's local caches (learned site spellings, completed tags), read and written as the settings
 * store does (src/settings/store.ts: the same storage.local keys and values), without bundling the store.
 */
export const MAX_LEARNED_SPELLINGS = 20_000;

const learnedKey = (siteId: string) => `learned-tags:${siteId}`;
const completedKey = (siteId: string) => `completed-tags:${siteId}`;

async function read(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/**
 * Learned spellings as stored, oldest first: a list of [spelling, name] pairs. (An object, as earlier
 * versions stored them, cannot keep that order: its keys that are numbers — nhentai's tag ids — always
 * come in numeric order, so the cap dropped the lowest ids, not the oldest. Such an object still reads.)
 */
function learnedPairs(value: unknown): [string, string][] {
  const pairs = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return pairs.filter(
    (pair): pair is [string, string] =>
      Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string',
  );
}

export async function loadLearned(siteId: string): Promise<Record<string, string>> {
  return Object.fromEntries(learnedPairs(await read(learnedKey(siteId))));
}

/** Each site's saves, one after another: two overlapping read-modify-writes would lose one's spellings. */
const saving = new Map<string, Promise<void>>();

/**
 * Adds newly learned spellings to the stored ones, after them (one learned again moves to the end);
 * past the cap the oldest go first.
 */
export function saveLearned(siteId: string, pairs: Record<string, string>): Promise<void> {
  const previous = saving.get(siteId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const fresh = new Set(Object.keys(pairs));
      const kept = learnedPairs(await read(learnedKey(siteId))).filter(([spelling]) => !fresh.has(spelling));
      const merged = [...kept, ...Object.entries(pairs)];
      await browser.storage.local.set({ [learnedKey(siteId)]: merged.slice(-MAX_LEARNED_SPELLINGS) });
    });
  saving.set(siteId, next);
  return next;
}

export function completedTagsCache(siteId: string) {
  return {
    load: async () => ((await read(completedKey(siteId))) ?? {}) as Record<string, CachedTags>,
    save: (entries: Record<string, CachedTags>) =>
      browser.storage.local.set({ [completedKey(siteId)]: entries }),
  };
}

/**
 * The cache a site with spellings it learns keeps: its own content script passes it (runCatalog's
 * `caches`), so the other sites' scripts do not carry it. A look-up keeps its own (withOwnCache).
 */
export const LOCAL_CACHES = { loadLearned, saveLearned };
export type LocalCaches = typeof LOCAL_CACHES;

/**
 * A site's look-up with its own completed-tags cache: what a look-up's file (entrypoints/<site>-lookup.ts)
 * or Firefox's script makes, so the site's script need not carry the caches for it.
 */
export function withOwnCache<T>(siteId: string, make: (deps: LookupDeps) => T): (deps: TagSourceDeps) => T {
  return (deps) => make({ ...deps, cache: completedTagsCache(siteId) });
}
