import { storage } from '@wxt-dev/storage';
import type { CachedTags } from '../sites/types';
import { type Repaired, repairSettings } from './repair';
import { defaultSettings, type Settings } from './schema';

/** Synced by the browser so the lists follow the user; raw `unknown` because stored data is never trusted. */
const settingsItem = storage.defineItem<unknown>('sync:settings', { version: 1 });

export async function loadSettings(): Promise<Repaired> {
  return repairSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/** Read, change, write. Errors (a full quota) reach the caller so the user can be told. */
export async function updateSettings(change: (settings: Settings) => void): Promise<Settings> {
  const { settings } = await loadSettings();
  change(settings);
  await saveSettings(settings);
  return settings;
}

export function watchSettings(onChange: (repaired: Repaired) => void): () => void {
  return settingsItem.watch((value) => onChange(repairSettings(value)));
}

/** First install: write the defaults so every part of the extension reads the same lists. */
export async function ensureSettingsStored(): Promise<void> {
  if ((await settingsItem.getValue()) === null) await saveSettings(defaultSettings());
}

/** Learned site spellings (nhentai tag ids → names) are a cache: local to this browser, never synced. */
export const MAX_LEARNED_SPELLINGS = 20_000;

function learnedItem(siteId: string) {
  return storage.defineItem<Record<string, string>>(`local:learned-tags:${siteId}`, { fallback: {} });
}

export async function loadLearned(siteId: string): Promise<Record<string, string>> {
  const value: unknown = await learnedItem(siteId).getValue();
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
  );
}

/** Merges newly learned spellings into the stored ones; the oldest go first past the cap. */
export async function saveLearned(siteId: string, pairs: Record<string, string>): Promise<void> {
  const merged = { ...(await loadLearned(siteId)), ...pairs };
  const entries = Object.entries(merged);
  await learnedItem(siteId).setValue(Object.fromEntries(entries.slice(-MAX_LEARNED_SPELLINGS)));
}

/** Tags completed from a site's own look-up (E-Hentai's API), with when they were fetched: a local cache. */
function completedItem(siteId: string) {
  return storage.defineItem<Record<string, CachedTags>>(`local:completed-tags:${siteId}`, {
    fallback: {},
  });
}

export function completedTagsCache(siteId: string) {
  return {
    load: async () => (await completedItem(siteId).getValue()) ?? {},
    save: (entries: Record<string, CachedTags>) => completedItem(siteId).setValue(entries),
  };
}
