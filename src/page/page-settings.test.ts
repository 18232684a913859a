import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/schema';
import { type PageSettings, SNAPSHOT_KEY, SNAPSHOT_REQUEST, snapshotOf } from '../settings/snapshot';
import { watchSettingsForPage } from './page-settings';

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The background's full read (entrypoints/background.ts), answered as the browser passes it on; `fails` first. */
function background(full: unknown, fails = 0) {
  const asked = { count: 0 };
  fakeBrowser.runtime.onMessage.addListener(((
    message: { type?: string },
    _sender: unknown,
    sendResponse: (answer: unknown) => void,
  ) => {
    if (message?.type !== SNAPSHOT_REQUEST) return undefined;
    asked.count++;
    // Not answered (a background restarting): the page's request fails.
    if (asked.count <= fails) throw new Error('the background did not answer');
    sendResponse(structuredClone(full));
    return true;
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  return asked;
}

describe('an open page following the settings', () => {
  afterEach(() => fakeBrowser.reset());

  it('a changed snapshot that does not read is not dropped: the page asks for the full read, once for that save', async () => {
    const full = snapshotOf({ settings: defaultSettings(), problems: [], savedAt: 9 });
    const asked = background(full);
    const applied: PageSettings[] = [];
    const unwatch = watchSettingsForPage((next) => applied.push(next));
    // Written for save 9, but not as it reads back (its sum does not match).
    const damaged = { ...full, s: full.s + 1 };
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: damaged });
    await settled();
    expect(applied.map((p) => p.savedAt)).toEqual([9]);
    expect(asked.count).toBe(1);
    // The same save again (the background writing its answer): not asked for twice.
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { ...damaged, problems: [] } });
    await settled();
    expect(asked.count).toBe(1);
    // A good one is applied as it comes.
    await fakeBrowser.storage.local.set({
      [SNAPSHOT_KEY]: snapshotOf({ settings: defaultSettings(), problems: [], savedAt: 10 }),
    });
    await settled();
    expect(applied.map((p) => p.savedAt)).toEqual([9, 10]);
    unwatch();
  });

  it('a full read that fails is asked for again a while later, so the change is not dropped until a reload', async () => {
    const full = snapshotOf({ settings: defaultSettings(), problems: [], savedAt: 9 });
    const asked = background(full, 1);
    const applied: PageSettings[] = [];
    const unwatch = watchSettingsForPage((next) => applied.push(next), 30);
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { ...full, s: full.s + 1 } });
    await settled();
    expect(asked.count).toBe(1);
    expect(applied).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(asked.count).toBe(2);
    expect(applied.map((p) => p.savedAt)).toEqual([9]);
    unwatch();
  });

  it('asks again once only while the background stays silent, and not at all once the page stopped watching', async () => {
    const full = snapshotOf({ settings: defaultSettings(), problems: [], savedAt: 9 });
    const asked = background(full, 10);
    const unwatch = watchSettingsForPage(() => undefined, 50);
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { ...full, s: full.s + 1 } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(asked.count).toBe(2);
    // That save written again (the background back): asked for again.
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { ...full, s: full.s + 2 } });
    await settled();
    expect(asked.count).toBe(3);
    // Its one retry is pending: stopping the watch drops it.
    unwatch();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked.count).toBe(3);
  });
});
