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

/** How long an open page waits before asking once more for a full read that was not answered. */
export const FULL_READ_RETRY_MS = 5_000;

/**
 * Calls `onChange` with each new snapshot the background writes (every settings change). One that does
 * not read is not dropped: the page asks the background for the full read instead, once per save stamp
 * (its answer, written again, would otherwise be asked for again); a full read that fails (the
 * background restarting) is asked for once more a while later, and again by that save's next write.
 */
export function watchSettingsForPage(
  onChange: (settings: PageSettings) => void,
  retryMs = FULL_READ_RETRY_MS,
): () => void {
  let askedFor: unknown;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let watching = true;
  const askFull = (stamp: unknown, again: boolean) => {
    askedFor = stamp;
    loadSettingsForPage().then(onChange, () => {
      if (askedFor !== stamp) return;
      askedFor = undefined;
      if (again && watching) retry = setTimeout(() => askFull(stamp, false), retryMs);
    });
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_KEY in changes)) return;
    clearTimeout(retry);
    const value = changes[SNAPSHOT_KEY]?.newValue as { t?: unknown } | undefined;
    const next = readSnapshot(value);
    if (next) onChange(next);
    else if (value?.t !== askedFor) askFull(value?.t, true);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    watching = false;
    clearTimeout(retry);
    browser.storage.onChanged.removeListener(listener);
  };
}
