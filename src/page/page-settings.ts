import { browser } from 'wxt/browser';
import {
  loadPageSettings,
  type PageSettings,
  readSnapshot,
  SNAPSHOT_KEY,
  SNAPSHOT_REQUEST,
  type SnapshotAreas,
} from '../settings/snapshot';

/** This browser's storage, as the snapshot reader needs it. */
const AREAS: SnapshotAreas = {
  get local() {
    return browser.storage.local as unknown as SnapshotAreas['local'];
  },
  get sync() {
    return browser.storage.sync as unknown as SnapshotAreas['sync'];
  },
};

/**
 * The page's settings: the background's snapshot (src/settings/snapshot.ts), or, when it is missing,
 * damaged or stale, the background's full read of the settings.
 */
export function loadSettingsForPage(reads?: (loaded: PageSettings) => boolean): Promise<PageSettings> {
  return loadPageSettings(AREAS, () => browser.runtime.sendMessage({ type: SNAPSHOT_REQUEST }), reads);
}

/** Calls `onChange` with each new snapshot the background writes (every settings change). */
export function watchSettingsForPage(onChange: (settings: PageSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_KEY in changes)) return;
    const next = readSnapshot(changes[SNAPSHOT_KEY]?.newValue);
    if (next) onChange(next);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
