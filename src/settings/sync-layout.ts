import { type Message, msg } from './message';
import { SETTINGS_VERSION } from './migrations';
import type { Settings } from './schema';

/**
 * How settings are laid out in storage.sync, within its limits. Pure: no browser calls, so the layout is
 * unit-tested and the end-to-end harness writes settings exactly as the extension does.
 *
 * The settings' JSON (lists' rules joined by newlines, the compact form) is cut into string chunks
 * `tagveil.0`, `tagveil.1`, … and a small `tagveil` item says how many chunks there are, their hash, the
 * settings version and when they were saved. One `set` call writes them all, so a reader in this browser
 * never sees half a save; a reader that gets another device's save half-synced sees the hash disagree.
 */

/** storage.sync's limits, the same in Chrome and Firefox. */
export const SYNC_QUOTA = {
  /** QUOTA_BYTES_PER_ITEM: key length + JSON length of the value. */
  itemBytes: 8_192,
  /** QUOTA_BYTES: all items together. */
  totalBytes: 102_400,
  /** MAX_ITEMS. */
  items: 512,
  /** MAX_WRITE_OPERATIONS_PER_MINUTE: one `set` or `remove` call is one operation. */
  writesPerMinute: 120,
} as const;

/** Room kept free under each limit, for a browser that counts a little differently from us. */
export const ITEM_MARGIN_BYTES = 64;
export const TOTAL_MARGIN_BYTES = 1_024;

export const META_KEY = 'tagveil';
export const CHUNK_PREFIX = 'tagveil.';
/** Version 1 kept everything in this one item (written by @wxt-dev/storage, with `settings$` for its version). */
export const LEGACY_KEY = 'settings';
export const LEGACY_META_KEY = 'settings$';

export interface SyncMeta {
  /** Settings version of the chunks' content. */
  v: number;
  /** Number of chunks. */
  n: number;
  /** FNV-1a hash of the joined chunks, to tell a half-synced save. */
  h: string;
  /**
   * Saved at (epoch ms, as text): the newer of sync and the local overflow copy wins. Text because
   * Chromium counts a number past 32 bits as a double in exponent form ("1.79e+12"), so a number here
   * would make our size count differ from the browser's.
   */
  t: string;
  /**
   * Lineage: the save stamps of the copies this one was built on, newest first, LINEAGE_LENGTH of them
   * at 13 digits each, comma-separated, zeros for none. A device whose own save is not among them knows
   * another device's save did not include it (store.ts). Fixed width, so a copy's size does not depend
   * on its history (and the size shown is the size stored). Absent in copies saved before it existed.
   */
  b?: string;
}

/** How many earlier save stamps a copy carries in its lineage. */
export const LINEAGE_LENGTH = 8;

/** The lineage of a save built on a copy saved at `savedAt` with lineage `lineage`. */
export function nextLineage(savedAt: number, lineage: readonly number[]): number[] {
  return (savedAt > 0 ? [savedAt, ...lineage] : [...lineage]).slice(0, LINEAGE_LENGTH);
}

/** Digits of a save stamp in epoch ms, from 2001 to 2286. */
const STAMP_DIGITS = 13;

function writeLineage(lineage: readonly number[]): string {
  return Array.from({ length: LINEAGE_LENGTH }, (_, i) =>
    String(lineage[i] ?? 0).padStart(STAMP_DIGITS, '0'),
  ).join(',');
}

function readLineage(value: unknown): number[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  return items.map(Number).filter((t) => Number.isSafeInteger(t) && t > 0);
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Bytes one character costs inside a JSON string as Chromium writes it (base/json/string_escape.cc):
 * UTF-8, with `"` and `\` escaped, control characters escaped, and `<`, U+2028 and U+2029 as \uXXXX.
 */
function jsonCharBytes(code: number): number {
  if (code === 0x22 || code === 0x5c) return 2;
  if (code < 0x20) return code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
  if (code === 0x3c || code === 0x2028 || code === 0x2029) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/**
 * JSON length of a value as the browser's quota counts it: JavaScript's JSON in UTF-8, plus what
 * Chromium escapes and JavaScript does not (`<` as \u003C, U+2028 and U+2029 as \u2028, \u2029).
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3c) extra += 5;
    else if (code === 0x2028 || code === 0x2029) extra += 3;
  }
  return utf8Bytes(text) + extra;
}

/** An item's size as storage.sync counts it against the quota: key plus JSON of the value. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + jsonBytes(value);
}

/** The compact form: each list's rules as one newline-joined string (`p`), saving 2 bytes a rule. */
interface CompactList extends Record<string, unknown> {
  p: string | string[];
}

function toCompact(settings: Settings): unknown {
  return {
    ...settings,
    lists: settings.lists.map(
      ({ patterns, ...rest }): CompactList => ({
        ...rest,
        // A rule with a newline in it (only a hand-made import could hold one) keeps the array form.
        // So does a list of one empty rule, which would read back as no rule.
        p:
          patterns.some((p) => p.includes('\n')) || (patterns.length === 1 && patterns[0] === '')
            ? patterns
            : patterns.join('\n'),
      }),
    ),
  };
}

function fromCompact(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('lists' in value) || !Array.isArray(value.lists))
    return value;
  return {
    ...value,
    lists: value.lists.map((list: unknown) => {
      if (typeof list !== 'object' || list === null || !('p' in list)) return list;
      const { p, ...rest } = list as CompactList;
      return { ...rest, patterns: typeof p === 'string' ? (p === '' ? [] : p.split('\n')) : p };
    }),
  };
}

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Cuts `text` into pieces whose JSON string each costs at most `budget` bytes; never splits a character. */
export function splitByBytes(text: string, budget: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  let used = 2; // the quotes around the string
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const cost = jsonCharBytes(code);
    if (used + cost > budget && i > start) {
      chunks.push(text.slice(start, i));
      start = i;
      used = 2;
    }
    used += cost;
    i += width;
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start));
  return chunks;
}

export function chunkKey(index: number): string {
  return `${CHUNK_PREFIX}${index}`;
}

export interface SyncPlan {
  /** Everything to write in one `set` call. */
  items: Record<string, unknown>;
  /** Their size as the quota counts it. */
  bytes: number;
  /** Whether they fit the quota with room to spare. */
  fits: boolean;
  /** Why they don't fit, for the options page. */
  reason?: Message;
  /** Each list's share of the bytes, largest first: what to trim. */
  lists: { id: string; name: string; bytes: number }[];
}

/** Lays settings out for storage.sync and checks them against every quota. */
export function planSync(settings: Settings, savedAt: number, lineage: readonly number[] = []): SyncPlan {
  const text = JSON.stringify(toCompact(settings));
  const budget = SYNC_QUOTA.itemBytes - ITEM_MARGIN_BYTES - utf8Bytes(chunkKey(SYNC_QUOTA.items));
  const chunks = splitByBytes(text, budget);
  const meta: SyncMeta = {
    v: SETTINGS_VERSION,
    n: chunks.length,
    h: fnv1a(text),
    t: String(savedAt),
    b: writeLineage(lineage),
  };
  const items: Record<string, unknown> = { [META_KEY]: meta };
  chunks.forEach((chunk, i) => {
    items[chunkKey(i)] = chunk;
  });
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  const limit = SYNC_QUOTA.totalBytes - TOTAL_MARGIN_BYTES;
  const count = chunks.length + 1;
  const reason =
    bytes > limit
      ? msg('msg_syncTooBig', kib(bytes), kib(limit))
      : count > SYNC_QUOTA.items
        ? msg('msg_syncTooManyItems', count, SYNC_QUOTA.items)
        : undefined;
  const lists = settings.lists
    .map((l) => ({
      id: l.id,
      name: l.name,
      bytes: jsonBytes(l.patterns.join('\n')) + (l.exceptions ? jsonBytes(l.exceptions) : 0),
    }))
    .sort((a, b) => b.bytes - a.bytes);
  return { items, bytes, fits: reason === undefined, ...(reason ? { reason } : {}), lists };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export type Decoded =
  | { kind: 'none' }
  | { kind: 'ok'; raw: unknown; version: number; savedAt: number; lineage: number[] }
  | { kind: 'damaged'; message: Message; items: Record<string, unknown> };

function isMeta(value: unknown): value is SyncMeta {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    Number.isInteger(m.v) &&
    Number.isInteger(m.n) &&
    (m.n as number) >= 1 &&
    typeof m.h === 'string' &&
    typeof m.t === 'string' &&
    Number.isFinite(Number(m.t))
  );
}

/** Reads settings back from everything in storage.sync; version 1's single item too. */
export function decodeSync(all: Record<string, unknown>): Decoded {
  const meta = all[META_KEY];
  if (meta === undefined) {
    if (all[LEGACY_KEY] === undefined) return { kind: 'none' };
    const legacyMeta = all[LEGACY_META_KEY] as { v?: unknown } | undefined;
    const version = typeof legacyMeta?.v === 'number' ? legacyMeta.v : 1;
    return { kind: 'ok', raw: all[LEGACY_KEY], version, savedAt: 0, lineage: [] };
  }
  const ours = Object.fromEntries(
    Object.entries(all).filter(([k]) => k === META_KEY || k.startsWith(CHUNK_PREFIX)),
  );
  if (!isMeta(meta)) return { kind: 'damaged', message: msg('msg_syncIndexUnreadable'), items: ours };
  let text = '';
  for (let i = 0; i < meta.n; i++) {
    const chunk = all[chunkKey(i)];
    if (typeof chunk !== 'string')
      return {
        kind: 'damaged',
        message: msg('msg_syncPartMissing', i + 1, meta.n),
        items: ours,
      };
    text += chunk;
  }
  if (fnv1a(text) !== meta.h)
    return {
      kind: 'damaged',
      message: msg('msg_syncIncomplete'),
      items: ours,
    };
  try {
    return {
      kind: 'ok',
      raw: fromCompact(JSON.parse(text)),
      version: meta.v,
      savedAt: Number(meta.t),
      lineage: readLineage(meta.b),
    };
  } catch {
    return { kind: 'damaged', message: msg('msg_syncNotJson'), items: ours };
  }
}

/**
 * storage.local key of the whole settings when they do not fit sync, or sync refused a write. Local has
 * no per-item limit, so it is one item: `{ v: version, t: saved at, reason, settings }`.
 */
export const OVERFLOW_KEY = 'settings-overflow';

export interface Overflow {
  v: number;
  t: number;
  /** A message; a string when an older version saved it. */
  reason: Message | string;
  settings: unknown;
  /** Lineage, as in SyncMeta (numbers here: storage.local has no quota to count). */
  b?: number[];
}

function isOverflow(value: unknown): value is Overflow {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return typeof o.v === 'number' && typeof o.t === 'number' && 'settings' in o;
}

export type Stored =
  | { kind: 'none' }
  | { kind: 'damaged'; message: Message; original: unknown }
  | {
      kind: 'ok';
      raw: unknown;
      version: number;
      savedAt: number;
      lineage: number[];
      where: 'sync' | 'local';
      /** Why the settings are local, when they are. */
      reason?: Message | string;
      /** What to back up if the settings turn out to need repair. */
      original: unknown;
      /**
       * This device's local-only copy, when a newer copy in sync was saved by a device that never saw it
       * (its stamp is not in the sync copy's lineage): its lists are to be merged in, never dropped.
       */
      kept?: Overflow;
    };

/** Whether a copy saved at `savedAt` went into the copy with this stamp and lineage. */
export function includes(copy: { savedAt: number; lineage: readonly number[] }, savedAt: number): boolean {
  return copy.savedAt === savedAt || copy.lineage.includes(savedAt);
}

/** The copy to read, from everything in storage.sync and the local overflow item: the one saved last. */
export function readStored(syncAll: Record<string, unknown>, overflowValue: unknown): Stored {
  const decoded = decodeSync(syncAll);
  const overflow = isOverflow(overflowValue) ? overflowValue : null;
  if (overflow && (decoded.kind !== 'ok' || overflow.t > decoded.savedAt)) {
    return {
      kind: 'ok',
      raw: overflow.settings,
      version: overflow.v,
      savedAt: overflow.t,
      lineage: readLineage(overflow.b),
      where: 'local',
      reason: overflow.reason,
      original: overflow.settings,
    };
  }
  if (decoded.kind === 'ok')
    return {
      ...decoded,
      where: 'sync',
      original: decoded.raw,
      ...(overflow && !includes(decoded, overflow.t) ? { kept: overflow } : {}),
    };
  if (decoded.kind === 'damaged')
    return { kind: 'damaged', message: decoded.message, original: decoded.items };
  return decoded;
}

/** Keys of ours in storage.sync that a save of `items` leaves behind: old chunks and version 1's item. */
export function staleKeys(existing: Iterable<string>, items: Record<string, unknown>): string[] {
  return [...existing].filter(
    (key) =>
      !(key in items) && (key.startsWith(CHUNK_PREFIX) || key === LEGACY_KEY || key === LEGACY_META_KEY),
  );
}
