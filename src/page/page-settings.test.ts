import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/schema';
import { type PageSettings, SNAPSHOT_KEY, SNAPSHOT_REQUEST, snapshotOf } from '../settings/snapshot';
import { watchSettingsForPage } from './page-settings';

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('an open page following the settings', () => {
  afterEach(() => fakeBrowser.reset());

  it('a changed snapshot that does not read is not dropped: the page asks for the full read, once for that save', async () => {
    const full = snapshotOf({ settings: defaultSettings(), problems: [], savedAt: 9 });
    let asked = 0;
    // The background's full read (entrypoints/background.ts), answered as the browser passes it on.
    fakeBrowser.runtime.onMessage.addListener(((
      message: { type?: string },
      _sender: unknown,
      sendResponse: (answer: unknown) => void,
    ) => {
      if (message?.type !== SNAPSHOT_REQUEST) return undefined;
      asked++;
      sendResponse(structuredClone(full));
      return true;
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
    const applied: PageSettings[] = [];
    const unwatch = watchSettingsForPage((next) => applied.push(next));
    // Written for save 9, but not as it reads back (its sum does not match).
    const damaged = { ...full, s: full.s + 1 };
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: damaged });
    await settled();
    expect(applied.map((p) => p.savedAt)).toEqual([9]);
    expect(asked).toBe(1);
    // The same save again (the background writing its answer): not asked for twice.
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { ...damaged, problems: [] } });
    await settled();
    expect(asked).toBe(1);
    // A good one is applied as it comes.
    await fakeBrowser.storage.local.set({
      [SNAPSHOT_KEY]: snapshotOf({ settings: defaultSettings(), problems: [], savedAt: 10 }),
    });
    await settled();
    expect(applied.map((p) => p.savedAt)).toEqual([9, 10]);
    unwatch();
  });
});
