// What a content script needs of the settings, written ready to use by the background whenever the
// settings change (storage.local, SNAPSHOT_KEY), so a page starts without the settings schema (zod),
// the repair, the sync layout or the merge: those ran once, in the background, for every page.
//
// Imports are types only (plus nothing that pulls the store in): this module is part of every content
// script's start-up. The trust rules hold (docs/reliability.md): the snapshot is made from settings the
// store read and repaired; it carries their save stamp, so a page applies only newer ones, and a sum of
// what it holds, so a page uses it only as the background wrote it; a snapshot of another format, older
// than the settings stored or whose sum does not match is refused, and the page then asks the
// background for the full read (which writes a fresh snapshot).
import type { ParsedLines } from '../rules/parsed-lines';
import { type PreparedRegexes, prepareLines } from '../rules/regex-verdicts';
import type { Action } from '../rules/types';
import type { Message } from './message';
import type { CustomSite, Settings } from './schema';

/** storage.local key of the snapshot. */
export const SNAPSHOT_KEY = 'settings-snapshot';
/** The snapshot's own format: a page refuses any other (an older Tagveil's, a newer one's). */
export const SNAPSHOT_FORMAT = 5;
/** The same keys as store.ts and sync-layout.ts (not imported: that would bundle the store; a test checks). */
export const STAMP_KEYS = { lastGood: 'settings-last-good-stamp', syncMeta: 'tagveil' } as const;
/** Content script → background: the settings by the full path, as a snapshot (written for the next page too). */
export const SNAPSHOT_REQUEST = 'tagveil:snapshot';

/** A list as the matcher needs it (no subscription source, no preset record). */
export interface SnapshotList {
  id: string;
  name: string;
  enabled: boolean;
  action: Action;
  patterns: string[];
  sites?: string[];
  snoozedUntil?: number;
  exceptions?: string[];
}

/** The settings a page judges by. */
export interface PageSettingsData {
  enabled: boolean;
  pausedUntil?: number;
  badge: boolean;
  refill: 'off' | 'offer' | 'auto';
  completeTags: boolean;
  hideAgainOffscreen: boolean;
  audit: boolean;
  sites: Record<string, boolean>;
  lists: SnapshotList[];
  exceptions: string[];
  aliases: string[][];
  /**
   * The sites the user added, as stored: only the added sites' script reads them, and it checks them
   * first (isCustomSite, page/custom-site.ts), so a built-in site's script carries no check of them.
   */
  customSites: readonly unknown[];
}

/** What a page applies: the settings, what the store said about them, and their save stamp. */
export interface PageSettings {
  settings: PageSettingsData;
  problems: Message[];
  savedAt: number;
  /** Every regular expression of the settings the ReDoS check accepted, prepared (rules/regex-verdicts.ts). */
  regex: PreparedRegexes;
  /** Every rule line of the settings, parsed by the background (rules/parsed-lines.ts). */
  parsed: ParsedLines;
}

export interface Snapshot {
  f: number;
  /**
   * The sum (sumOf) of the snapshot's JSON without this field, its keys in sorted order at every level
   * (the order Chromium's storage gives them back in; Firefox's keeps the order they were written in).
   */
  s: number;
  /** The settings' save stamp (LoadedSettings.savedAt). */
  t: number;
  problems: Message[];
  settings: PageSettingsData;
  /** The ReDoS check run here, in the background, on every expression; those it accepts, prepared. */
  regex: PreparedRegexes;
  /** Every rule line parsed here (with that check): pages compile from these, not parsing again. */
  parsed: ParsedLines;
}

/** The snapshot of settings the store read (LoadedSettings): lists in force or not, every page switch. */
export function snapshotOf(loaded: { settings: Settings; problems: Message[]; savedAt: number }): Snapshot {
  const s = loaded.settings;
  const settings: PageSettingsData = {
    enabled: s.enabled,
    badge: s.badge,
    refill: s.refill,
    completeTags: s.completeTags,
    hideAgainOffscreen: s.hideAgainOffscreen,
    audit: s.audit,
    sites: { ...s.sites },
    lists: s.lists.map((l) => {
      const list: SnapshotList = {
        id: l.id,
        name: l.name,
        enabled: l.enabled,
        action: l.action,
        patterns: [...l.patterns],
      };
      if (l.sites) list.sites = [...l.sites];
      if (l.snoozedUntil !== undefined) list.snoozedUntil = l.snoozedUntil;
      if (l.exceptions) list.exceptions = [...l.exceptions];
      return list;
    }),
    exceptions: [...s.exceptions],
    aliases: s.aliases.map((g) => [...g]),
    customSites: s.customSites.map((c) => ({ ...c })),
  };
  if (s.pausedUntil !== undefined) settings.pausedUntil = s.pausedUntil;
  const lines = [...s.exceptions, ...s.lists.flatMap((l) => [...l.patterns, ...(l.exceptions ?? [])])];
  const body = sortedKeys({
    f: SNAPSHOT_FORMAT,
    t: loaded.savedAt,
    problems: structuredClone(loaded.problems),
    settings,
    ...prepareLines(lines),
  }) as Omit<Snapshot, 's'>;
  // The sum goes in at its place among the top-level keys; what is below them is sorted already.
  return inKeyOrder({ ...body, s: sumOf(JSON.stringify(body)) }) as unknown as Snapshot;
}

/**
 * A copy with every object's keys in code-point order (arrays keep theirs); undefined values left out.
 * Code-point order (UTF-8 byte order) is the order Chromium's storage gives keys back in; a plain `sort()`
 * compares UTF-16 units and puts U+E000–U+FFFF (full-width letters, half-width kana) after characters
 * beyond U+FFFF (emoji, rare kanji), which would make the page's sum differ. Integer-like keys come
 * first in numeric order in any JavaScript object, on both sides.
 */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return inKeyOrder(value as Record<string, unknown>, sortedKeys);
}

/** A copy of `value` with its own keys in code-point order, each value as `each` gives it (undefined: left out). */
function inKeyOrder(
  value: Record<string, unknown>,
  each: (v: unknown) => unknown = (v) => v,
): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(byCodePoint)) {
    const v = value[key];
    if (v !== undefined) sorted[key] = each(v);
  }
  return sorted;
}

/** Code unit → a rank in code-point order: surrogates (characters beyond U+FFFF) after the rest of the BMP. */
const rank = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/** Compares two strings by code point (as UTF-8 bytes compare). */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = rank(a.charCodeAt(i)) - rank(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** A 32-bit FNV-1a sum of a text: whether a snapshot reads back as it was written. */
export function sumOf(text: string): number {
  let sum = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) sum = Math.imul(sum ^ text.charCodeAt(i), 0x01000193);
  return sum >>> 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored added site as a page can use it. */
export function isCustomSite(v: unknown): v is CustomSite {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.origin === 'string' &&
    typeof v.entrySelector === 'string' &&
    typeof v.tagSelector === 'string' &&
    (v.titleSelector === undefined || typeof v.titleSelector === 'string')
  );
}

/**
 * The page settings a stored snapshot holds; null when it does not read as the background wrote it
 * (another format, damaged: its sum does not match) or is stale: saved before `storedStamp`, the stamp
 * of the newest settings in storage. What the sum covers is not checked again: the background made it
 * from settings the store read and repaired (snapshotOf), and a unit test holds its shape.
 */
export function readSnapshot(value: unknown, storedStamp = 0): PageSettings | null {
  if (!isObject(value) || value.f !== SNAPSHOT_FORMAT || !((value.t as number) >= storedStamp)) return null;
  const { s: sum, ...body } = value;
  if (sumOf(JSON.stringify(body)) !== sum) return null;
  // The snapshot's own fields (f, t) come along unused.
  const read = body as Omit<Snapshot, 's'>;
  return { ...read, savedAt: read.t };
}

/** The areas a page reads the snapshot from (the browser's, or fakes in tests). */
export interface SnapshotAreas {
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
  sync: { get(keys: string[]): Promise<Record<string, unknown>> };
}

/**
 * The newest save stamp storage knows of without reading the settings: sync's index (its `t`) and this
 * device's last good copy (also stamped when the settings live in storage.local).
 */
export function storedStamp(syncMeta: unknown, lastGoodStamp: unknown): number {
  const fromSync = isObject(syncMeta) ? Number(syncMeta.t) : 0;
  const fromLocal = isObject(lastGoodStamp) ? Number(lastGoodStamp.t) : 0;
  return Math.max(Number.isFinite(fromSync) ? fromSync : 0, Number.isFinite(fromLocal) ? fromLocal : 0);
}

/**
 * The settings for a page: the snapshot when it reads and is not stale, else `full()` (the background's
 * full read, which also writes a fresh snapshot).
 */
export async function loadPageSettings(
  areas: SnapshotAreas,
  full: () => Promise<unknown>,
  /** What the script checks beyond the snapshot's own check (the added sites' script, their sites). */
  reads: (loaded: PageSettings) => boolean = () => true,
): Promise<PageSettings> {
  const [local, sync] = await Promise.all([
    areas.local.get([SNAPSHOT_KEY, STAMP_KEYS.lastGood]),
    areas.sync.get([STAMP_KEYS.syncMeta]),
  ]);
  const stamp = storedStamp(sync[STAMP_KEYS.syncMeta], local[STAMP_KEYS.lastGood]);
  const fast = readSnapshot(local[SNAPSHOT_KEY], stamp);
  if (fast && reads(fast)) return fast;
  const answer = readSnapshot(await full());
  if (!answer || !reads(answer)) throw new Error('the settings could not be read');
  return answer;
}

/** Whether Tagveil acts on `siteId` now (on, not paused, the site not switched off). */
export function siteOn(settings: PageSettingsData, siteId: string, now = Date.now()): boolean {
  return (
    settings.enabled &&
    !(settings.pausedUntil !== undefined && settings.pausedUntil > now) &&
    settings.sites[siteId] !== false
  );
}
