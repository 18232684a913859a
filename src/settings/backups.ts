/**
 * Backups of settings that had to be repaired, could not be read, or were replaced by another device's
 * save: kept in storage.local, offered on the options page as a file to download and import. At most
 * MAX_BACKUPS are kept, newest first: a new one past that pushes out the oldest.
 */

import type { Message } from './message';

/** The settings file's envelope (transfer.ts reads it; kept here so the content script needs no more). */
export const FILE_FORMAT = 'tagveil';

/** storage.local: the backups, newest first. */
export const BACKUPS_KEY = 'settings-backups';
/** storage.local: the one backup kept before there were several (read, and removed when dismissed). */
export const BACKUP_KEY = 'settings-backup';
export const MAX_BACKUPS = 5;
/** The latest time a Date can hold. */
const MAX_DATE_MS = 8.64e15;

export interface Backup {
  savedAt: number;
  /** What was wrong, as messages (strings when an older version kept the backup: shown as they are). */
  problems: (Message | string)[];
  /**
   * A Tagveil settings file (`{ format, version, settings }`), whole settings, to download and import.
   * When the stored copy was repaired, it is that copy as it was (Import names what it still refuses).
   */
  original: string;
  /** What was stored, as JSON text, when it could not be read as settings at all (sync's parts). */
  raw?: string;
}

/**
 * Whole settings of settings version `version`, as a file Import reads. Dated by when the copy was saved
 * (not now), so the same copy makes the same file and is backed up once.
 */
export function settingsFile(settings: unknown, version: number, savedAt = 0): string {
  const file = {
    format: FILE_FORMAT,
    version,
    ...(savedAt > 0 && savedAt <= MAX_DATE_MS ? { exportedAt: new Date(savedAt).toISOString() } : {}),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

function isBackup(value: unknown): value is Backup {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return typeof b.original === 'string' && typeof b.savedAt === 'number' && Array.isArray(b.problems);
}

export async function loadBackups(local: LocalArea): Promise<Backup[]> {
  const stored = await local.get([BACKUPS_KEY, BACKUP_KEY]);
  const list = Array.isArray(stored[BACKUPS_KEY]) ? (stored[BACKUPS_KEY] as unknown[]).filter(isBackup) : [];
  const single = stored[BACKUP_KEY];
  return isBackup(single) ? [...list, single] : list;
}

/** Keeps a backup, unless the same one is already kept. Never throws: a full disk costs only the backup. */
export async function keepBackup(local: LocalArea, backup: Backup): Promise<void> {
  try {
    const list = (await local.get([BACKUPS_KEY]))[BACKUPS_KEY];
    const kept = Array.isArray(list) ? list.filter(isBackup) : [];
    if (kept.some((b) => b.original === backup.original && b.raw === backup.raw)) return;
    await local.set({ [BACKUPS_KEY]: [backup, ...kept].slice(0, MAX_BACKUPS) });
  } catch {
    // storage.local refused (quota): the settings themselves are untouched.
  }
}

/** Forgets the newest backup (the one the options page shows); an older one then shows in its place. */
export async function dropNewestBackup(local: LocalArea): Promise<void> {
  const stored = await local.get([BACKUPS_KEY, BACKUP_KEY]);
  const list = Array.isArray(stored[BACKUPS_KEY]) ? (stored[BACKUPS_KEY] as unknown[]).filter(isBackup) : [];
  if (list.length > 0) await local.set({ [BACKUPS_KEY]: list.slice(1) });
  else await local.remove(BACKUP_KEY);
}
