import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishText } from '../../tests/locale-text';
import { SETTINGS_VERSION } from './migrations';
import { defaultSettings, type Settings } from './schema';
import {
  ensureSettingsStored,
  keepsCopiesAt,
  LAST_GOOD_KEY,
  loadBackup,
  loadSettings,
  saveSettings,
  updateSettings,
  watchSettings,
} from './store';
import { chunkKey, LEGACY_KEY, META_KEY, OVERFLOW_KEY, planSync } from './sync-layout';

function bigSettings(rules: number): Settings {
  const settings = defaultSettings();
  const mine = settings.lists[0];
  if (mine) mine.patterns = Array.from({ length: rules }, (_, i) => `a fairly long tag name ${i}`);
  return settings;
}

async function syncItems(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.sync.get(null);
}

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('settings store', () => {
  it('writes defaults on first install, in chunks with an index', async () => {
    await ensureSettingsStored();
    const items = await syncItems();
    expect(items[META_KEY]).toMatchObject({ v: SETTINGS_VERSION, n: 1 });
    expect(typeof items[chunkKey(0)]).toBe('string');
    expect((await loadSettings()).settings).toEqual(defaultSettings());
  });

  it('names a fresh install’s list in the user’s language, and leaves stored settings as they are', async () => {
    await ensureSettingsStored(undefined, { mine: 'マイブロックリスト' });
    expect((await loadSettings()).settings.lists.map((l) => l.name)[0]).toBe('マイブロックリスト');
    // Installed again (an update) in another language: the user's lists keep their names.
    await ensureSettingsStored(undefined, { mine: 'My blocklist' });
    expect((await loadSettings()).settings.lists.map((l) => l.name)[0]).toBe('マイブロックリスト');
  });

  it('moves version 1’s single item to the chunked layout, migrated, and removes it', async () => {
    const v1 = { ...defaultSettings(), badge: undefined, exceptions: ['vanilla'] };
    delete v1.badge;
    await fakeBrowser.storage.sync.set({ [LEGACY_KEY]: v1, settings$: { v: 1 } });
    await ensureSettingsStored();
    const items = await syncItems();
    expect(items[LEGACY_KEY]).toBeUndefined();
    expect(items).not.toHaveProperty('settings$');
    const { settings, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(settings.exceptions).toEqual(['vanilla']);
    expect(settings.badge).toBe(true);
  });

  it('saves a list too big for sync in local storage, says why, and loses no rule', async () => {
    const settings = bigSettings(8000);
    const status = await saveSettings(settings);
    expect(status.where).toBe('local');
    expect(englishText(status.reason)).toMatch(/KiB/u);
    expect(status.lists[0]?.name).toBe('My blocklist');
    const loaded = await loadSettings();
    expect(loaded.settings.lists[0]?.patterns).toHaveLength(8000);
    expect(loaded.where).toBe('local');
  });

  it('goes back to sync, and clears the local copy, once the lists fit again', async () => {
    await saveSettings(bigSettings(8000));
    const status = await saveSettings(bigSettings(100));
    expect(status.where).toBe('sync');
    expect(await fakeBrowser.storage.local.get(OVERFLOW_KEY)).toEqual({});
    expect((await loadSettings()).settings.lists[0]?.patterns).toHaveLength(100);
  });

  it('falls back to local when sync refuses a write (write quota), keeping the change', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'),
    );
    const settings = bigSettings(10);
    const status = await saveSettings(settings);
    expect(status).toMatchObject({ where: 'local', reason: expect.anything() });
    expect(englishText(status.reason)).toMatch(/MAX_WRITE_OPERATIONS/u);
    expect((await loadSettings()).settings).toEqual(settings);
  });

  it('reads the newer copy when sync was saved after the local one from it (another device)', async () => {
    await saveSettings(bigSettings(8000));
    const overflowAt = (await loadSettings()).savedAt;
    const newer = bigSettings(3);
    newer.audit = true;
    // Another device that had read the local copy's lists (they fitted there) and trimmed them.
    await fakeBrowser.storage.sync.set(planSync(newer, Date.now() + 10_000, [overflowAt]).items);
    expect((await loadSettings()).settings).toEqual(newer);
  });

  it('removes chunks a smaller save no longer needs', async () => {
    await saveSettings(bigSettings(2000));
    const many = Object.keys(await syncItems()).length;
    await saveSettings(bigSettings(1));
    const after = Object.keys(await syncItems());
    expect(many).toBeGreaterThan(3);
    expect(after.sort()).toEqual([META_KEY, chunkKey(0)].sort());
  });

  it('repairs damaged settings field by field and keeps the original as a backup', async () => {
    const damaged = { ...defaultSettings(), enabled: 'yes' };
    await fakeBrowser.storage.sync.set(planSync(damaged as unknown as Settings, 1).items);
    const { settings, problems } = await loadSettings();
    expect(settings.enabled).toBe(true);
    expect(problems.map(englishText)).toEqual(['enabled: invalid value "yes" replaced by true']);
    const backup = await loadBackup();
    expect(JSON.parse(backup?.original ?? 'null')).toMatchObject({
      format: 'tagveil',
      settings: { enabled: 'yes' },
    });
    expect(backup?.problems).toEqual(problems);
  });

  it('keeps an unreadable sync index as a backup and says so', async () => {
    await fakeBrowser.storage.sync.set({ [META_KEY]: 'garbage' });
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual(defaultSettings());
    expect(englishText(problems[0])).toMatch(/unreadable/u);
    expect((await loadBackup())?.raw).toContain('garbage');
  });

  it('says settings from a newer Tagveil need an update, and uses what it understands of them', async () => {
    const newer = { ...defaultSettings(), audit: true, futureField: 'kept' };
    const items = planSync(newer as Settings, 1).items;
    await fakeBrowser.storage.sync.set({ ...items, [META_KEY]: { ...(items[META_KEY] as object), v: 99 } });
    const loaded = await loadSettings();
    expect(englishText(loaded.problems[0])).toMatch(/newer Tagveil/u);
    expect(englishText(loaded.readOnly)).toMatch(/newer Tagveil/u);
    expect(loaded.settings.audit).toBe(true);
  });

  it('applies changes made at the same time one after another: none is lost', async () => {
    await ensureSettingsStored();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateSettings((s) => {
          s.lists[0]?.patterns.push(`tag ${i}`);
        }),
      ),
    );
    expect((await loadSettings()).settings.lists[0]?.patterns).toHaveLength(20);
  });

  it('coalesces a burst of changes into few writes', async () => {
    await ensureSettingsStored();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        updateSettings((s) => {
          s.exceptions.push(`e${i}`);
        }),
      ),
    );
    expect(set.mock.calls.length).toBeLessThanOrEqual(2);
    expect((await loadSettings()).settings.exceptions).toHaveLength(30);
  });

  it('tells watchers about every change, once each', async () => {
    await ensureSettingsStored();
    const seen: boolean[] = [];
    const stop = watchSettings((loaded) => seen.push(loaded.settings.audit));
    await updateSettings((s) => {
      s.audit = true;
    });
    await vi.waitFor(() => expect(seen).toEqual([true]));
    stop();
  });
});

describe('reading in a content script', () => {
  /** A copy another device saved, damaged (a field to repair), so a reader has every reason to write. */
  async function storeDamagedCopy() {
    const damaged = { ...defaultSettings(), enabled: 'yes' };
    await fakeBrowser.storage.sync.set(planSync(damaged as unknown as Settings, 1).items);
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('writes nothing to this device’s storage: no last good copy, no backup', async () => {
    await storeDamagedCopy();
    // A content script runs at the page's own address.
    vi.stubGlobal('location', new URL('https://archiveofourown.org/works'));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    const loaded = await loadSettings();
    expect(loaded.settings.enabled).toBe(true);
    expect(englishText(loaded.problems[0])).toMatch(/enabled/u);
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('nor when sync is unreadable or empty', async () => {
    vi.stubGlobal('location', new URL('https://e-hentai.org/'));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await fakeBrowser.storage.sync.set({ [META_KEY]: 'garbage' });
    expect((await loadSettings()).settings).toEqual(defaultSettings());
    await fakeBrowser.storage.sync.clear();
    expect((await loadSettings()).settings).toEqual(defaultSettings());
    expect(set).not.toHaveBeenCalled();
  });

  it('an extension page (or the background) keeps the last good copy and the backup as before', async () => {
    await storeDamagedCopy();
    vi.stubGlobal('location', new URL('chrome-extension://abcdefghijklmnop/options.html'));
    await loadSettings();
    const local = await fakeBrowser.storage.local.get(null);
    expect(local[LAST_GOOD_KEY]).toMatchObject({ settings: { enabled: true } });
    expect(await loadBackup()).not.toBeNull();
    // What a content script then reads on this device is that copy, when sync cannot be read.
    vi.stubGlobal('location', new URL('https://archiveofourown.org/works'));
    await fakeBrowser.storage.sync.set({ [META_KEY]: 'garbage' });
    expect((await loadSettings()).source).toBe('last-good');
  });

  it('tells the two apart by the address it runs at', () => {
    for (const [href, keeps] of [
      ['chrome-extension://abc/background.js', true],
      ['moz-extension://0c5f-4e/options.html', true],
      ['safari-web-extension://x/popup.html', true],
      ['https://archiveofourown.org/works', false],
      ['http://127.0.0.1/list', false],
      ['about:blank', false],
      ['file:///home/a/page.html', false],
    ] as const)
      expect(keepsCopiesAt(new URL(href)), href).toBe(keeps);
    // No address at all: Node (these tests, scripts), where the store is the only reader.
    expect(keepsCopiesAt(undefined)).toBe(true);
  });
});
