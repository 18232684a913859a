import { browser } from 'wxt/browser';
import type { CachedTags } from '../sites/types';

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

export async function loadLearned(siteId: string): Promise<Record<string, string>> {
  const value = await read(learnedKey(siteId));
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
  );
}

/** Merges newly learned spellings into the stored ones; the oldest go first past the cap. */
export async function saveLearned(siteId: string, pairs: Record<string, string>): Promise<void> {
  const merged = Object.entries({ ...(await loadLearned(siteId)), ...pairs });
  await browser.storage.local.set({
    [learnedKey(siteId)]: Object.fromEntries(merged.slice(-MAX_LEARNED_SPELLINGS)),
  });
}

export function completedTagsCache(siteId: string) {
  return {
    load: async () => ((await read(completedKey(siteId))) ?? {}) as Record<string, CachedTags>,
    save: (entries: Record<string, CachedTags>) =>
      browser.storage.local.set({ [completedKey(siteId)]: entries }),
  };
}
