// Where the settings live. Normally storage.sync (chunked, sync-layout.ts), so the lists follow the user;
// when they outgrow sync's quota, or sync refuses a write, the whole settings go to storage.local
// (OVERFLOW_KEY) and the options page says so. Whichever copy was saved last is the one read.
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import type { CachedTags } from '../sites/types';
import { migrateSettings, SETTINGS_VERSION } from './migrations';
import { type Repaired, repairSettings } from './repair';
import { defaultSettings, type Settings } from './schema';
import {
  CHUNK_PREFIX,
  LEGACY_KEY,
  META_KEY,
  OVERFLOW_KEY,
  type Overflow,
  planSync,
  readStored,
  SYNC_QUOTA,
  type SyncPlan,
  staleKeys,
  TOTAL_MARGIN_BYTES,
} from './sync-layout';

/** The unreadable original of settings that had to be repaired, for the user to download. */
export const BACKUP_KEY = 'settings-backup';

/** At most this many writes a minute from one page, under sync's own limit of 120. */
export const WRITES_PER_MINUTE = 60;
const MINUTE_MS = 60_000;
/** A half-synced save from another device is read again after this long. */
const RESYNC_RETRY_MS = 300;

export interface Backup {
  savedAt: number;
  problems: string[];
  /** The stored value as it was, as JSON text. */
  original: string;
}

/** Where the settings are kept now; why they are not in sync, when they are local. */
export interface Placement {
  where: 'sync' | 'local';
  reason?: string;
}

export interface StorageStatus extends Placement {
  /** Bytes the settings need in sync, and sync's quota (less the margin kept free). */
  bytes: number;
  quota: number;
  /** Each list's share, largest first. */
  lists: SyncPlan['lists'];
}

export interface LoadedSettings extends Repaired, Placement {
  /** When the settings were saved (epoch ms; 0 for never or version 1). */
  savedAt: number;
}

function statusFrom(plan: SyncPlan, placement: Placement): StorageStatus {
  return {
    ...placement,
    bytes: plan.bytes,
    quota: SYNC_QUOTA.totalBytes - TOTAL_MARGIN_BYTES,
    lists: plan.lists,
  };
}

/** What the settings cost in sync, for the options page (the content script never needs it). */
export function storageStatus(loaded: LoadedSettings): StorageStatus {
  return statusFrom(planSync(loaded.settings, loaded.savedAt), loaded);
}

async function readOnce(): Promise<{ loaded: LoadedSettings; halfSynced: boolean }> {
  const [syncAll, localAll] = await Promise.all([
    browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
    browser.storage.local.get(OVERFLOW_KEY) as Promise<Record<string, unknown>>,
  ]);
  const stored = readStored(syncAll, localAll[OVERFLOW_KEY]);
  const problems: string[] = [];
  let migrated: unknown = null;
  if (stored.kind === 'damaged') {
    problems.push(`${stored.message}; defaults used, the original is kept as a backup`);
  } else if (stored.kind === 'ok') {
    try {
      migrated = migrateSettings(stored.raw, stored.version);
    } catch (error) {
      migrated = stored.raw;
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const repaired = repairSettings(migrated);
  problems.push(...repaired.problems);
  if (problems.length > 0 && stored.kind !== 'none') await keepBackup(stored.original, problems);
  const placement: Placement =
    stored.kind === 'ok' && stored.where === 'local'
      ? { where: 'local', ...(stored.reason ? { reason: stored.reason } : {}) }
      : { where: 'sync' };
  return {
    loaded: {
      settings: repaired.settings,
      problems,
      savedAt: stored.kind === 'ok' ? stored.savedAt : 0,
      ...placement,
    },
    halfSynced: stored.kind === 'damaged',
  };
}

/** Reads the settings: the newest copy, migrated to this version, repaired field by field. */
export async function loadSettings(): Promise<LoadedSettings> {
  const first = await readOnce();
  if (!first.halfSynced) return first.loaded;
  // Another device's save may be arriving part by part: give it a moment before calling it damaged.
  await new Promise((resolve) => setTimeout(resolve, RESYNC_RETRY_MS));
  return (await readOnce()).loaded;
}

async function keepBackup(original: unknown, problems: string[]): Promise<void> {
  const text = JSON.stringify(original, null, 2) ?? String(original);
  const existing = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY] as Backup | undefined;
  if (existing?.original === text) return;
  const backup: Backup = { savedAt: Date.now(), problems, original: text };
  await browser.storage.local.set({ [BACKUP_KEY]: backup }).catch(() => undefined);
}

export async function loadBackup(): Promise<Backup | null> {
  const value = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY] as Backup | undefined;
  return value && typeof value.original === 'string' ? value : null;
}

export async function clearBackup(): Promise<void> {
  await browser.storage.local.remove(BACKUP_KEY);
}

let lastSavedAt = 0;

/**
 * Writes settings: to sync when they fit (one `set`, then stale chunks removed), else the whole settings
 * to local with the reason. Never drops a rule; throws only when local refuses too.
 */
export async function saveSettings(settings: Settings): Promise<StorageStatus> {
  // Strictly increasing, so the newest copy wins even within one millisecond.
  const savedAt = Math.max(Date.now(), lastSavedAt + 1);
  lastSavedAt = savedAt;
  const plan = planSync(settings, savedAt);
  let reason = plan.reason;
  if (plan.fits) {
    try {
      const existing = Object.keys(await browser.storage.sync.get(null));
      await browser.storage.sync.set(plan.items);
      const stale = staleKeys(existing, plan.items);
      if (stale.length > 0) await browser.storage.sync.remove(stale);
      const local = await browser.storage.local.get(OVERFLOW_KEY);
      if (local[OVERFLOW_KEY] !== undefined) await browser.storage.local.remove(OVERFLOW_KEY);
      return statusFrom(plan, { where: 'sync' });
    } catch (error) {
      reason = `browser sync refused the save (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const overflow: Overflow = {
    v: SETTINGS_VERSION,
    t: savedAt,
    reason: reason ?? 'browser sync refused the save',
    settings,
  };
  await browser.storage.local.set({ [OVERFLOW_KEY]: overflow });
  return statusFrom(plan, { where: 'local', reason: overflow.reason });
}

/** Changes the settings in place, or returns the settings to put in their place (an import's result). */
// biome-ignore lint/suspicious/noConfusingVoidType: a change is usually a void-returning edit in place.
type Change = (settings: Settings) => Settings | void;
interface Pending {
  change: Change;
  resolve: (settings: Settings) => void;
  reject: (error: unknown) => void;
}

let queue: Pending[] = [];
let flushing = false;
const recentWrites: number[] = [];

/** Runs `task` alone among every page of the extension (two options pages lose no edit). */
async function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request('tagveil-settings', task);
  return task();
}

async function flush(): Promise<void> {
  while (queue.length > 0) {
    // Metered: past WRITES_PER_MINUTE in the last minute, wait; changes made meanwhile join this write.
    const now = Date.now();
    while (recentWrites.length > 0 && (recentWrites[0] ?? 0) <= now - MINUTE_MS) recentWrites.shift();
    if (recentWrites.length >= WRITES_PER_MINUTE) {
      await new Promise((resolve) => setTimeout(resolve, (recentWrites[0] ?? now) + MINUTE_MS - now));
      continue;
    }
    const batch = queue;
    queue = [];
    recentWrites.push(Date.now());
    try {
      const settings = await exclusively(async () => {
        let { settings } = await loadSettings();
        for (const { change } of batch) settings = change(settings) ?? settings;
        await saveSettings(settings);
        return settings;
      });
      for (const p of batch) p.resolve(settings);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}

/**
 * Read, change, write — on the newest stored settings, under a lock shared by every extension page.
 * Changes that arrive while a write is under way are applied together in the next one. Errors reach the
 * caller so the user can be told.
 */
export function updateSettings(change: Change): Promise<Settings> {
  return new Promise((resolve, reject) => {
    queue.push({ change, resolve, reject });
    kick();
  });
}

function kick(): void {
  if (flushing) return;
  flushing = true;
  void flush().finally(() => {
    flushing = false;
    if (queue.length > 0) kick(); // pushed between the loop's last check and now
  });
}

function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  if (area === 'sync')
    return Object.keys(changes).some((k) => k === META_KEY || k.startsWith(CHUNK_PREFIX) || k === LEGACY_KEY);
  return area === 'local' && OVERFLOW_KEY in changes;
}

/** Calls `onChange` with the settings each time they change anywhere: this page, another, another device. */
export function watchSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  let reading = false;
  let again = false;
  let lastSeen = '';
  const read = async () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const loaded = await loadSettings();
        // A save that only removed stale chunks changes nothing a listener cares about.
        const key = `${loaded.savedAt}:${loaded.where}:${loaded.problems.length}`;
        if (key !== lastSeen) {
          lastSeen = key;
          onChange(loaded);
        }
      } while (again);
    } finally {
      reading = false;
    }
  };
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (isSettingsChange(changes, area)) void read();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** First install: write the defaults so every part of the extension reads the same lists. */
export async function ensureSettingsStored(): Promise<void> {
  await exclusively(async () => {
    const [syncAll, local] = await Promise.all([
      browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
      browser.storage.local.get(OVERFLOW_KEY),
    ]);
    if (readStored(syncAll, local[OVERFLOW_KEY]).kind === 'none') {
      await saveSettings(defaultSettings());
    } else if (syncAll[META_KEY] === undefined && syncAll[LEGACY_KEY] !== undefined) {
      // An update from version 1: store the migrated settings in today's layout, once.
      await saveSettings((await loadSettings()).settings);
    }
  });
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
