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

/**
 * Calls `onChange` with each new snapshot the background writes (every settings change). One that does
 * not read is not dropped: the page asks the background for the full read instead, once per save stamp
 * (its answer, written again, would otherwise be asked for again).
 */
export function watchSettingsForPage(onChange: (settings: PageSettings) => void): () => void {
  let askedFor: unknown;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_KEY in changes)) return;
    const value = changes[SNAPSHOT_KEY]?.newValue as { t?: unknown } | undefined;
    const next = readSnapshot(value);
    if (next) onChange(next);
    else if (value?.t !== askedFor) {
      askedFor = value?.t;
      loadSettingsForPage().then(onChange, () => {});
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
