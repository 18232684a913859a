// Where the settings live. Normally storage.sync (chunked, sync-layout.ts), so the lists follow the user;
// when they outgrow sync's quota, or sync refuses a write, the whole settings go to storage.local
// (OVERFLOW_KEY) and the options page says so. Whichever copy was saved last is the one read.
//
// Trust rules (docs/settings.md, "When copies disagree"):
// - every write goes through one writer (updateSettings), which repairs what a change produced, so
//   nothing the reader refuses is ever stored; what it cut is said;
// - the last good copy is kept on this device (LAST_GOOD_KEY) and used when sync cannot be read;
//   nothing is saved over a copy that could not be read unless it is based on a good copy;
// - settings from a newer Tagveil are read-only here;
// - a copy of this device's (the local-only lists, or a save another device never saw) is merged in or
//   kept as a backup, never dropped.
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import type { CachedTags } from '../sites/types';
import { defaultListNames, repairedListName } from '../ui/i18n';
import {
  type Backup,
  dropNewestBackup,
  keepBackup,
  loadBackups as loadBackupsIn,
  settingsFile,
} from './backups';
import { mergeInto, missingFrom } from './merge';
import { type Message, MessageError, msg } from './message';
import { migrateSettings, SETTINGS_VERSION } from './migrations';
import { type Repaired, type RepairWords, repairSettings, UNREPAIRED } from './repair';
import { type DefaultNames, defaultSettings, type Settings } from './schema';
import {
  CHUNK_PREFIX,
  includes,
  LEGACY_KEY,
  META_KEY,
  nextLineage,
  OVERFLOW_KEY,
  type Overflow,
  planSync,
  readStored,
  SYNC_QUOTA,
  type SyncPlan,
  staleKeys,
  TOTAL_MARGIN_BYTES,
} from './sync-layout';

export { BACKUP_KEY, BACKUPS_KEY, type Backup } from './backups';

/**
 * storage.local: the last complete copy this device read or saved, `{ v, t, b, settings }`, used when
 * sync cannot be read. Its small stamp (LAST_GOOD_STAMP_KEY) is what every read looks at, so a page
 * reads the whole copy only when it needs it.
 */
export const LAST_GOOD_KEY = 'settings-last-good';
export const LAST_GOOD_STAMP_KEY = 'settings-last-good-stamp';

/** At most this many writes a minute from one page, under sync's own limit of 120. */
export const WRITES_PER_MINUTE = 60;
const MINUTE_MS = 60_000;
/** A half-synced save from another device is read again after this long (a page waits once). */
const RESYNC_RETRY_MS = 300;
/** A save waits longer for it, so as not to build on an older copy: these pauses, then the last good copy. */
const WRITE_RETRY_MS = [300, 1_000, 2_000];

/** Where the settings are kept now; why they are not in sync, when they are local. */
export interface Placement {
  where: 'sync' | 'local';
  /** A message; a string when an older version stored it. */
  reason?: Message | string;
}

export interface StorageStatus extends Placement {
  /** Bytes the settings need in sync, and sync's quota (less the margin kept free). */
  bytes: number;
  quota: number;
  /** Each list's share, largest first. */
  lists: SyncPlan['lists'];
}

export interface LoadedSettings extends Repaired, Placement {
  /**
   * When the copy shown was saved (epoch ms): strictly increasing from save to save, whichever device
   * saved; 0 for defaults and version 1. A reader that gets two copies applies the larger stamp.
   */
  savedAt: number;
  /** Which copy is shown: the one in sync, the local-only one, this device's last good copy, or defaults. */
  source: 'sync' | 'local' | 'last-good' | 'defaults';
  /** Why nothing can be saved now (a newer Tagveil's settings, or an unreadable copy with none to use). */
  readOnly?: Message;
  /** Save stamps of the copies this one was built on (sync-layout.ts). */
  lineage: number[];
}

/** What a change did once saved: the settings, and what the writer left out of them to keep them valid. */
export interface Changed {
  settings: Settings;
  /** One line per thing cut (the same words as repair problems); empty when the change was stored whole. */
  cut: Message[];
  status: StorageStatus;
  savedAt: number;
}

/** Changes the settings in place, or returns the settings to put in their place (an import's result). */
// biome-ignore lint/suspicious/noConfusingVoidType: a change is usually a void-returning edit in place.
export type Change = (settings: Settings) => Settings | void;

export interface ChangeOptions {
  /**
   * The change replaces the settings whole (Import, Replace, of a settings file): it may be saved over
   * a copy in sync that cannot be read and has no good copy to stand in for it. Never over a newer
   * Tagveil's settings.
   */
  replacing?: boolean;
}

/** The storage a store works on: the browser's, or fakes in tests (two devices on one sync). */
export interface StoreAreas {
  sync: Area;
  local: Area;
  /** Runs a task alone among this browser's pages; the default is a Web Lock. */
  exclusively?: <T>(task: () => Promise<T>) => Promise<T>;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
  /**
   * Whether a read may write this device's copies of the user's settings (the last good copy, backups):
   * extension pages and the background do; a content script only reads (keepsCopiesAt). Default true.
   */
  keepsCopies?: boolean;
}

export interface Area {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface LastGood {
  v: number;
  t: number;
  b: number[];
  settings: unknown;
}

/**
 * Small: read by every page at every read. `notice`: what the save of this copy cut, to keep saying
 * (strings when an older version saved it).
 */
interface Stamp {
  t: number;
  mine: boolean;
  notice?: (Message | string)[];
}

function isStamp(value: unknown): value is Stamp {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.t === 'number' && typeof s.mine === 'boolean';
}

/** A stored message, or a string an older version stored (shown as it is). */
function storedMessage(value: Message | string): Message {
  return typeof value === 'string' ? msg('msg_asStored', value) : value;
}

function isLastGood(value: unknown): value is LastGood {
  if (typeof value !== 'object' || value === null) return false;
  const l = value as Record<string, unknown>;
  return typeof l.v === 'number' && typeof l.t === 'number' && Array.isArray(l.b) && 'settings' in l;
}

/** A time, shown in the reader's language. */
function when(savedAt: number): { time: number } {
  return { time: savedAt };
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

/**
 * A list that lost its name gets one in the language of the page that repairs it; settings made afresh
 * (a first install, nothing readable stored) name their lists in it too.
 */
const WORDS: RepairWords = { listName: repairedListName, defaults: defaultListNames };

/** Migrated and repaired; a migration that fails (a newer version) leaves the value to repair. */
function readable(raw: unknown, version: number): Repaired & { migrationError?: Message } {
  let migrated: unknown = raw;
  let migrationError: Message | undefined;
  try {
    migrated = migrateSettings(raw, version);
  } catch (error) {
    migrationError = error instanceof MessageError ? error.said : msg('msg_migrationFailed', version);
  }
  const repaired = repairSettings(migrated, WORDS);
  return migrationError === undefined ? repaired : { ...repaired, migrationError };
}

type Read = { damaged: true } | { damaged: false; loaded: LoadedSettings };

/** Runs `task` alone among every page of the extension (two options pages lose no edit). */
async function exclusivelyInBrowser<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request('tagveil-settings', task);
  return task();
}

/**
 * Whether code running at `location` keeps this device's copies when it reads: an extension page or the
 * background (chrome-extension:, moz-extension:, safari-web-extension:) does; a content script, at the
 * page's own address, never writes the user's settings data. No address: Node (tests, scripts).
 */
export function keepsCopiesAt(location: { protocol: string } | undefined): boolean {
  return location === undefined || /-extension:$/u.test(location.protocol);
}

/** This browser's storage, looked up at each use (tests reset the fake browser between cases). */
const BROWSER: StoreAreas = {
  get keepsCopies() {
    return keepsCopiesAt((globalThis as { location?: { protocol: string } }).location);
  },
  get sync() {
    return browser.storage.sync as unknown as Area;
  },
  get local() {
    return browser.storage.local as unknown as Area;
  },
  get onChanged() {
    return browser.storage.onChanged as unknown as StoreAreas['onChanged'];
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function writeLastGood(
  areas: StoreAreas,
  loaded: LoadedSettings,
  version: number,
  mine: boolean,
  notice?: Message[],
) {
  const lastGood: LastGood = {
    v: version,
    t: loaded.savedAt,
    b: loaded.lineage,
    settings: loaded.settings,
  };
  const stamp: Stamp = { t: loaded.savedAt, mine, ...(notice && notice.length > 0 ? { notice } : {}) };
  await areas.local.set({ [LAST_GOOD_KEY]: lastGood, [LAST_GOOD_STAMP_KEY]: stamp }).catch(() => undefined); // a full local quota costs the fallback copy, not the read
}

async function readLastGood(areas: StoreAreas): Promise<LastGood | null> {
  const value = (await areas.local.get([LAST_GOOD_KEY]))[LAST_GOOD_KEY];
  return isLastGood(value) && value.v <= SETTINGS_VERSION ? value : null;
}

async function readOnce(areas: StoreAreas, final: boolean): Promise<Read> {
  const { sync, local } = areas;
  const [syncAll, localSome] = await Promise.all([
    sync.get(null) as Promise<Record<string, unknown>>,
    local.get([OVERFLOW_KEY, LAST_GOOD_STAMP_KEY]),
  ]);
  const stored = readStored(syncAll, localSome[OVERFLOW_KEY]);
  const stamp = isStamp(localSome[LAST_GOOD_STAMP_KEY]) ? localSome[LAST_GOOD_STAMP_KEY] : null;
  // A content script reads what is there; the background and the extension's pages keep the copies.
  const keeps = areas.keepsCopies ?? true;

  if (stored.kind === 'ok') {
    const placement: Placement =
      stored.where === 'local'
        ? { where: 'local', ...(stored.reason ? { reason: stored.reason } : {}) }
        : { where: 'sync' };
    const base = { savedAt: stored.savedAt, lineage: stored.lineage, source: stored.where, ...placement };
    const { settings, problems, migrationError } = readable(stored.raw, stored.version);
    if (stored.version > SETTINGS_VERSION) {
      // Shown as far as this version understands them; saving would strip what it does not.
      const readOnly = msg('settingsNewer', stored.version, SETTINGS_VERSION);
      return { damaged: false, loaded: { ...base, settings, problems: [readOnly, ...problems], readOnly } };
    }
    const all = migrationError ? [migrationError, ...problems] : [...problems];
    if (all.length > 0 && keeps)
      await keepBackup(local, {
        savedAt: Date.now(),
        problems: all,
        original: settingsFile(stored.original, stored.version, stored.savedAt),
      });
    let lineage = stored.lineage;
    if (stored.kept) {
      // This device's local-only lists and another device's newer save: both are kept.
      const kept = readable(stored.kept.settings, stored.kept.v);
      const added = mergeInto(settings, kept.settings);
      lineage = [stored.kept.t, ...lineage]; // first, so the next save's lineage cannot drop it
      if (added > 0) all.push(msg('settingsMergedLocal', when(stored.kept.t), added));
    }
    const loaded: LoadedSettings = { ...base, lineage, settings, problems: all };
    if (all.some((p) => p.key === UNREPAIRED)) loaded.readOnly = msg('settingsUnrepaired');
    if (stamp?.t === stored.savedAt) {
      if (stamp.notice) loaded.problems.push(...stamp.notice.map(storedMessage));
    } else if (!loaded.readOnly && keeps) {
      // A copy not seen here before: what it replaced, if this device saved it and it is not in, is kept.
      if (stamp?.mine && stored.where === 'sync' && !includes(stored, stamp.t)) {
        const own = await readLastGood(areas);
        const ownSettings = own && readable(own.settings, own.v).settings;
        const missing = ownSettings ? missingFrom(settings, ownSettings) : 0;
        if (own && missing > 0) {
          const notice = msg('settingsReplacedHere', when(own.t), missing);
          loaded.problems.push(notice);
          await keepBackup(local, {
            savedAt: Date.now(),
            problems: [notice],
            original: settingsFile(own.settings, own.v, own.t),
          });
        }
      }
      await writeLastGood(areas, loaded, SETTINGS_VERSION, stored.where === 'local');
    }
    return { damaged: false, loaded };
  }

  if (stored.kind === 'damaged' && !final) return { damaged: true };
  const own = await readLastGood(areas);
  const raw = stored.kind === 'damaged' ? JSON.stringify(stored.original, null, 2) : undefined;
  if (own) {
    const { settings, problems } = readable(own.settings, own.v);
    const notice =
      stored.kind === 'damaged'
        ? msg('settingsDamagedLastGood', stored.message, when(own.t))
        : msg('settingsSyncEmpty', when(own.t));
    if (raw !== undefined && keeps)
      await keepBackup(local, {
        savedAt: Date.now(),
        problems: [notice],
        original: settingsFile(own.settings, own.v, own.t),
        raw,
      });
    return {
      damaged: false,
      loaded: {
        settings,
        problems: [notice, ...problems],
        savedAt: own.t,
        lineage: own.b,
        source: 'last-good',
        where: 'sync',
      },
    };
  }
  const loaded: LoadedSettings = {
    settings: defaultSettings(WORDS.defaults()),
    problems: [],
    savedAt: 0,
    lineage: [],
    source: 'defaults',
    where: 'sync',
  };
  if (raw !== undefined && stored.kind === 'damaged') {
    // Nothing good to build on: nothing is saved over the unreadable copy (it may still complete).
    loaded.readOnly = msg('settingsDamagedNoCopy', stored.message);
    loaded.problems.push(loaded.readOnly);
    if (keeps)
      await keepBackup(local, { savedAt: Date.now(), problems: [loaded.readOnly], original: raw, raw });
  }
  return { damaged: false, loaded };
}

/** Reads, waiting out a half-synced save: once for a page, longer before a save builds on it. */
async function load(areas: StoreAreas, retries: readonly number[]): Promise<LoadedSettings> {
  for (const pause of retries) {
    const read = await readOnce(areas, false);
    if (!read.damaged) return read.loaded;
    await sleep(pause);
  }
  const read = await readOnce(areas, true);
  if (read.damaged) throw new Error('unreachable: a final read always settles');
  return read.loaded;
}

/** Reads the settings: the newest copy, migrated to this version, repaired field by field. */
export function loadSettings(areas: StoreAreas = BROWSER): Promise<LoadedSettings> {
  return load(areas, [RESYNC_RETRY_MS]);
}

/**
 * Writes settings built on the copy `base` (stamp and lineage): to sync when they fit (one `set`, then
 * stale chunks removed), else the whole settings to local with the reason. Never drops a rule; throws
 * only when local refuses too. `notice`: what the writer cut, said by every read of this copy.
 */
async function save(
  areas: StoreAreas,
  settings: Settings,
  base: { savedAt: number; lineage: readonly number[] },
  notice: Message[] = [],
): Promise<StorageStatus & { savedAt: number }> {
  const { sync, local } = areas;
  // Strictly increasing, and after the copy it is built on even when this device's clock is behind.
  const state = writerState(areas);
  const savedAt = Math.max(Date.now(), state.lastSavedAt + 1, base.savedAt + 1);
  state.lastSavedAt = savedAt;
  const lineage = nextLineage(base.savedAt, base.lineage);
  const plan = planSync(settings, savedAt, lineage);
  const mine: LoadedSettings = {
    settings,
    problems: [],
    savedAt,
    lineage,
    source: 'sync',
    where: 'sync',
  };
  let reason: Message | undefined = plan.reason;
  if (plan.fits) {
    try {
      const existing = Object.keys(await sync.get(null));
      await sync.set(plan.items);
      const stale = staleKeys(existing, plan.items);
      if (stale.length > 0) await sync.remove(stale);
      const overflow = (await local.get([OVERFLOW_KEY]))[OVERFLOW_KEY] as Overflow | undefined;
      if (overflow !== undefined) {
        // The local-only copy goes once it is in this save; if it is not, it is kept as a backup first.
        if (typeof overflow?.t !== 'number' || !lineage.includes(overflow.t))
          await keepBackup(local, {
            savedAt: Date.now(),
            problems: [msg('settingsLocalCopyKept', when(Number(overflow?.t) || 0))],
            original: settingsFile(
              overflow?.settings,
              Number(overflow?.v) || SETTINGS_VERSION,
              Number(overflow?.t) || 0,
            ),
          });
        await local.remove(OVERFLOW_KEY);
      }
      await writeLastGood(areas, mine, SETTINGS_VERSION, true, notice);
      return { ...statusFrom(plan, { where: 'sync' }), savedAt };
    } catch (error) {
      reason = msg('msg_syncRefused', error instanceof Error ? error.message : String(error));
    }
  }
  const overflow: Overflow = {
    v: SETTINGS_VERSION,
    t: savedAt,
    reason: reason ?? msg('msg_syncRefused', ''),
    settings,
    b: lineage,
  };
  await local.set({ [OVERFLOW_KEY]: overflow });
  await writeLastGood(areas, { ...mine, where: 'local' }, SETTINGS_VERSION, true, notice);
  return { ...statusFrom(plan, { where: 'local', reason: overflow.reason }), savedAt };
}

/** Saves `settings` over what is stored now (built on it). Tests and first install; pages use updateSettings. */
export async function saveSettings(settings: Settings, areas: StoreAreas = BROWSER): Promise<StorageStatus> {
  const { sync, local } = areas;
  const [syncAll, overflow] = await Promise.all([sync.get(null), local.get([OVERFLOW_KEY])]);
  const stored = readStored(syncAll, overflow[OVERFLOW_KEY]);
  const base =
    stored.kind === 'ok' ? { savedAt: stored.savedAt, lineage: stored.lineage } : { savedAt: 0, lineage: [] };
  const { savedAt: _, ...status } = await save(areas, settings, base);
  return status;
}

interface Pending {
  change: Change;
  options: ChangeOptions;
  resolve: (changed: Changed) => void;
  reject: (error: unknown) => void;
}

/** What one browser's writer keeps between saves (per storage, so tests can run two browsers). */
interface WriterState {
  lastSavedAt: number;
  queue: Pending[];
  flushing: boolean;
  recentWrites: number[];
}

const writers = new WeakMap<StoreAreas, WriterState>();

function writerState(areas: StoreAreas): WriterState {
  let state = writers.get(areas);
  if (!state) {
    state = { lastSavedAt: 0, queue: [], flushing: false, recentWrites: [] };
    writers.set(areas, state);
  }
  return state;
}

async function writeBatch(areas: StoreAreas, batch: Pending[]): Promise<void> {
  const loaded = await load(areas, WRITE_RETRY_MS);
  const newer = loaded.readOnly !== undefined && loaded.source !== 'defaults';
  let settings = loaded.settings;
  const applied: Pending[] = [];
  for (const pending of batch) {
    if (loaded.readOnly && (newer || !pending.options.replacing)) {
      pending.reject(new MessageError(loaded.readOnly));
      continue;
    }
    // Each change on its own copy: one that throws takes nothing of the others with it.
    const draft = structuredClone(settings);
    try {
      settings = pending.change(draft) ?? draft;
      applied.push(pending);
    } catch (error) {
      pending.reject(error);
    }
  }
  if (applied.length === 0) return;
  // The one validating writer: what the changes produced is repaired like a stored copy, so nothing
  // the reader would refuse is ever stored; what was cut is said to the callers and by every read.
  const repaired = repairSettings(settings, WORDS);
  const unrepaired = repaired.problems.find((p) => p.key === UNREPAIRED);
  if (unrepaired) {
    // What the changes produced could not be repaired and came back as defaults: never store those.
    for (const p of applied) p.reject(new MessageError(unrepaired));
    return;
  }
  const status = await save(areas, repaired.settings, loaded, repaired.problems);
  const { savedAt, ...rest } = status;
  for (const p of applied)
    p.resolve({ settings: repaired.settings, cut: repaired.problems, status: rest, savedAt });
}

async function flush(areas: StoreAreas, state: WriterState): Promise<void> {
  while (state.queue.length > 0) {
    // Metered: past WRITES_PER_MINUTE in the last minute, wait; changes made meanwhile join this write.
    const now = Date.now();
    const { recentWrites } = state;
    while (recentWrites.length > 0 && (recentWrites[0] ?? 0) <= now - MINUTE_MS) recentWrites.shift();
    if (recentWrites.length >= WRITES_PER_MINUTE) {
      await sleep((recentWrites[0] ?? now) + MINUTE_MS - now);
      continue;
    }
    const batch = state.queue;
    state.queue = [];
    recentWrites.push(Date.now());
    try {
      await (areas.exclusively ?? exclusivelyInBrowser)(() => writeBatch(areas, batch));
    } catch (error) {
      for (const p of batch) p.reject(error); // a promise already settled ignores this
    }
  }
}

function kick(areas: StoreAreas, state: WriterState): void {
  if (state.flushing) return;
  state.flushing = true;
  void flush(areas, state).finally(() => {
    state.flushing = false;
    if (state.queue.length > 0) kick(areas, state); // pushed between the loop's last check and now
  });
}

export function changeSettings(
  change: Change,
  options: ChangeOptions = {},
  areas: StoreAreas = BROWSER,
): Promise<Changed> {
  return new Promise((resolve, reject) => {
    const state = writerState(areas);
    state.queue.push({ change, options, resolve, reject });
    kick(areas, state);
  });
}

function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  if (area === 'sync')
    return Object.keys(changes).some((k) => k === META_KEY || k.startsWith(CHUNK_PREFIX) || k === LEGACY_KEY);
  return area === 'local' && OVERFLOW_KEY in changes;
}

export function watchSettings(
  onChange: (loaded: LoadedSettings) => void,
  areas: StoreAreas = BROWSER,
): () => void {
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
        const loaded = await loadSettings(areas);
        // A save that only removed stale chunks changes nothing a listener cares about.
        const key = `${loaded.savedAt}:${loaded.source}:${loaded.where}:${JSON.stringify(loaded.problems)}`;
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
  const { onChanged } = areas;
  onChanged.addListener(listener);
  return () => onChanged.removeListener(listener);
}

export async function ensureSettingsStored(
  areas: StoreAreas = BROWSER,
  /** The fresh install's list names (the user's language by default). */
  names: DefaultNames = WORDS.defaults(),
): Promise<void> {
  await (areas.exclusively ?? exclusivelyInBrowser)(async () => {
    const { sync, local } = areas;
    const [syncAll, localSome] = await Promise.all([
      sync.get(null) as Promise<Record<string, unknown>>,
      local.get([OVERFLOW_KEY]),
    ]);
    const stored = readStored(syncAll, localSome[OVERFLOW_KEY]);
    if (stored.kind === 'none') {
      // Sync emptied while this device kept a good copy: that copy goes back, not the defaults.
      const own = await readLastGood(areas);
      await save(areas, own ? readable(own.settings, own.v).settings : defaultSettings(names), {
        savedAt: own?.t ?? 0,
        lineage: own?.b ?? [],
      });
    } else if (syncAll[META_KEY] === undefined && syncAll[LEGACY_KEY] !== undefined) {
      // An update from version 1: store the migrated settings in today's layout, once.
      const loaded = await load(areas, []);
      if (!loaded.readOnly) await save(areas, loaded.settings, loaded);
    }
  });
}

/** Updates the settings like changeSettings, resolving to the settings saved (what most callers need). */
export async function updateSettings(
  change: Change,
  options: ChangeOptions = {},
  areas: StoreAreas = BROWSER,
): Promise<Settings> {
  return (await changeSettings(change, options, areas)).settings;
}

/** The newest backup (what the options page offers), or null. */
export async function loadBackup(areas: StoreAreas = BROWSER): Promise<Backup | null> {
  return (await loadBackupsIn(areas.local))[0] ?? null;
}

export function loadBackups(areas: StoreAreas = BROWSER): Promise<Backup[]> {
  return loadBackupsIn(areas.local);
}

/** Forgets the newest backup. */
export function clearBackup(areas: StoreAreas = BROWSER): Promise<void> {
  return dropNewestBackup(areas.local);
}

/** Every function of the store bound to one browser's storage (tests run two browsers on one sync). */
export function createSettingsStore(areas: StoreAreas) {
  return {
    loadSettings: () => loadSettings(areas),
    saveSettings: (settings: Settings) => saveSettings(settings, areas),
    changeSettings: (change: Change, options: ChangeOptions = {}) => changeSettings(change, options, areas),
    updateSettings: (change: Change, options: ChangeOptions = {}) => updateSettings(change, options, areas),
    watchSettings: (onChange: (loaded: LoadedSettings) => void) => watchSettings(onChange, areas),
    ensureSettingsStored: () => ensureSettingsStored(areas),
    loadBackup: () => loadBackup(areas),
    loadBackups: () => loadBackups(areas),
    clearBackup: () => clearBackup(areas),
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** Learned site spellings (nhentai tag ids → names) are a cache: local to this browser, never synced. */
export { loadLearned } from '../page/local-cache';

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
