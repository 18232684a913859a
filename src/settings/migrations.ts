/**
 * Settings versions and the steps between them. Stored settings and imported files go through the same
 * steps: each is a small pure function from the previous version's shape to the next, tested on its own
 * (old in → new out; nothing in → nothing out; run twice → same).
 *
 * Version history:
 * 1. One `settings` item in storage.sync (Tagveil 0.1).
 * 2. Chunked across sync items (see sync-layout.ts); adds the badge switch, the pause-all time and
 *    list subscriptions.
 */
import { MessageError, msg } from './message';

export const SETTINGS_VERSION = 2;

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1 → 2: the badge counts by default; nothing else in version 1 changes meaning. */
export function migrate1to2(old: unknown): unknown {
  if (!isObject(old)) return old;
  return { badge: true, ...old };
}

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  1: migrate1to2,
};

export class NewerVersionError extends MessageError {
  constructor(readonly version: number) {
    super(msg('msg_fileNewerVersion', version, SETTINGS_VERSION));
  }
}

/**
 * Brings a value of settings version `from` up to SETTINGS_VERSION. Unknown or damaged fields are left
 * for repair (repair.ts), which keeps every field that still reads.
 */
export function migrateSettings(raw: unknown, from: number): unknown {
  if (!Number.isInteger(from) || from < 1) throw new MessageError(msg('msg_migrationFailed', from));
  if (from > SETTINGS_VERSION) throw new NewerVersionError(from);
  let value = raw;
  for (let version = from; version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new MessageError(msg('msg_migrationFailed', version));
    value = step(value);
  }
  return value;
}
