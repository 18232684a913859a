import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { msg } from './message';
import { defaultSettings } from './schema';
import {
  isCustomSite,
  loadPageSettings,
  type PageSettings,
  readSnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_KEY,
  type SnapshotAreas,
  STAMP_KEYS,
  snapshotOf,
} from './snapshot';
import { LAST_GOOD_STAMP_KEY, loadSettings, saveSettings } from './store';
import { META_KEY } from './sync-layout';

function settings() {
  const s = defaultSettings();
  s.lists[0]?.patterns.push('netorare', '*cheating*');
  s.lists.push({
    id: 'sub',
    name: 'Subscribed',
    enabled: true,
    action: 'blur',
    patterns: ['gore'],
    sites: ['ao3'],
    snoozedUntil: 5,
    source: { url: 'https://example.org/list.txt', updatedAt: 1 },
    preset: { id: 'gore', version: 1 },
  });
  s.aliases = [['netorare', 'ntr']];
  s.pausedUntil = 10;
  return s;
}

/** Storage as a page sees it, with a count of full reads asked of the background. */
function areas(local: Record<string, unknown>, sync: Record<string, unknown>) {
  const full: unknown[] = [];
  const store: SnapshotAreas = {
    local: { get: async (keys) => Object.fromEntries(keys.map((k) => [k, local[k]])) },
    sync: { get: async (keys) => Object.fromEntries(keys.map((k) => [k, sync[k]])) },
  };
  return { store, full };
}

describe('settings snapshot', () => {
  it('is written from settings and read back as the page needs them', () => {
    const s = settings();
    const snapshot = snapshotOf({ settings: s, problems: [msg('settingsUnrepaired')], savedAt: 42 });
    // Stored as JSON, like storage does.
    const read = readSnapshot(JSON.parse(JSON.stringify(snapshot)), 42);
    expect(read?.savedAt).toBe(42);
    expect(read?.problems).toEqual([msg('settingsUnrepaired')]);
    expect(read?.settings.lists.map((l) => l.id)).toEqual(s.lists.map((l) => l.id));
    expect(read?.settings.lists[2]).toEqual({
      id: 'sub',
      name: 'Subscribed',
      enabled: true,
      action: 'blur',
      patterns: ['gore'],
      sites: ['ao3'],
      snoozedUntil: 5,
    });
    expect(read?.settings.pausedUntil).toBe(10);
    expect(read?.settings.aliases).toEqual([['netorare', 'ntr']]);
  });

  it('carries every expression of the lists, their exceptions and the exceptions the ReDoS check accepts, prepared', () => {
    const s = settings();
    s.lists[0]?.patterns.push('/^ntr\\b/', 'female:x /(a+)+$/');
    s.lists[1] = { ...(s.lists[1] as (typeof s.lists)[number]), exceptions: ['/no (cheating|ntr)/'] };
    s.exceptions = ['/(x|xx)*y/', '/guro/s'];
    const read = readSnapshot(
      JSON.parse(JSON.stringify(snapshotOf({ settings: s, problems: [], savedAt: 1 }))),
    );
    const regex = read?.regex ?? {};
    // As the page builds them: \b rewritten for letters outside ASCII, i and u added, the text every match holds.
    expect(regex['/^ntr\\b/']?.[0]).toContain('(?!');
    expect(regex['/^ntr\\b/']?.slice(1)).toEqual(['iu', ['ntr']]);
    expect(regex['/no (cheating|ntr)/']).toEqual(['no (cheating|ntr)', 'iu', ['no ']]);
    expect(regex['/guro/s']).toEqual(['guro', 'siu', ['guro']]);
    // Refused ones are not there: their lines' parses say why.
    expect(regex['/(a+)+$/']).toBeUndefined();
    expect(regex['/(x|xx)*y/']).toBeUndefined();
    // …and every line parsed, which the page compiles from (what the full parse, with the check, says).
    expect(read?.parsed?.['/(a+)+$/']).toBeUndefined();
    expect(read?.parsed?.['female:x /(a+)+$/']).toMatchObject({
      ok: false,
      error: { code: 'slowExponential' },
    });
    expect(read?.parsed?.['/^ntr\\b/']).toMatchObject({ ok: true });
  });

  it('is refused when stale (settings saved after it) or damaged', () => {
    const snapshot = snapshotOf({ settings: settings(), problems: [], savedAt: 42 });
    expect(readSnapshot(snapshot, 43)).toBeNull();
    expect(readSnapshot({ ...snapshot, f: SNAPSHOT_FORMAT + 1 }, 0)).toBeNull();
    // The format before the ReDoS verdicts: without them, the page asks for the full read.
    const { regex: _, ...withoutVerdicts } = snapshot;
    expect(readSnapshot({ ...withoutVerdicts, f: 1 }, 0)).toBeNull();
    expect(readSnapshot(withoutVerdicts, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, regex: { '/a/': ['a', 'iux', []] } }, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, regex: { '/a/': ['a', 'iu'] } }, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, regex: { '/a/': null } }, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, regex: { '/a/': 'safe' } }, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, regex: { '/a/': ['a', 'iu', ['a']] } }, 0)).not.toBeNull();
    expect(readSnapshot({ ...snapshot, t: '42' }, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, problems: [1] }, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, problems: ['an old English line'] }, 0)).toBeNull();
    const damaged = structuredClone(snapshot);
    (damaged.settings.lists[0] as { action: string }).action = 'explode';
    expect(readSnapshot(damaged, 0)).toBeNull();
    // The format before the parsed lines, and parsed lines that do not read.
    const { parsed: __, ...withoutParsed } = snapshot;
    expect(readSnapshot({ ...withoutParsed, f: 2 }, 0)).toBeNull();
    expect(readSnapshot(withoutParsed, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, parsed: { x: { ok: true, rule: { terms: 'x' } } } }, 0)).toBeNull();
    const noLists = structuredClone(snapshot) as unknown as { settings: Record<string, unknown> };
    delete noLists.settings.lists;
    expect(readSnapshot(noLists, 0)).toBeNull();
    expect(readSnapshot('{}', 0)).toBeNull();
    expect(readSnapshot(null, 0)).toBeNull();
  });

  it('a page uses a fresh snapshot without the full read; a stale or damaged one, the full read', async () => {
    const snapshot = snapshotOf({ settings: settings(), problems: [], savedAt: 42 });
    const fresh = areas({ [SNAPSHOT_KEY]: snapshot }, { [STAMP_KEYS.syncMeta]: { t: '42' } });
    let asked = 0;
    const full = async () => {
      asked++;
      return snapshotOf({ settings: defaultSettings(), problems: [msg('settingsNewer', 3, 2)], savedAt: 50 });
    };
    expect((await loadPageSettings(fresh.store, full)).savedAt).toBe(42);
    expect(asked).toBe(0);
    // Another device saved since (sync's index is newer): refused, read fully.
    const stale = areas({ [SNAPSHOT_KEY]: snapshot }, { [STAMP_KEYS.syncMeta]: { t: '50' } });
    const read = await loadPageSettings(stale.store, full);
    expect(asked).toBe(1);
    expect(read.problems).toEqual([msg('settingsNewer', 3, 2)]);
    // This device saved to its local copy since.
    const local = areas({ [SNAPSHOT_KEY]: snapshot, [STAMP_KEYS.lastGood]: { t: 45, mine: true } }, {});
    await loadPageSettings(local.store, full);
    expect(asked).toBe(2);
    // Damaged, or none at all.
    await loadPageSettings(areas({ [SNAPSHOT_KEY]: { f: 1, t: 42 } }, {}).store, full);
    await loadPageSettings(areas({}, {}).store, full);
    expect(asked).toBe(4);
    // A full read that does not read either is an error (the page then says so and shows everything).
    await expect(loadPageSettings(areas({}, {}).store, async () => undefined)).rejects.toThrow();
  });

  it('a damaged added site: ignored by built-in sites’ scripts, a damaged snapshot to the added sites’ one', async () => {
    const site = {
      id: 's',
      name: 'Example',
      origin: 'https://catalog.example',
      entrySelector: 'li',
      tagSelector: 'a',
    };
    const snapshot = snapshotOf({
      settings: { ...settings(), customSites: [site] },
      problems: [],
      savedAt: 42,
    });
    const damaged = structuredClone(snapshot);
    damaged.settings.customSites = [{ ...site, entrySelector: 7 }];
    let asked = 0;
    const full = async () => {
      asked++;
      return snapshot;
    };
    const stored = areas({ [SNAPSHOT_KEY]: damaged }, {});
    // A built-in site's script does not read added sites: the snapshot serves it as it is.
    expect((await loadPageSettings(stored.store, full)).settings.customSites).toEqual(
      damaged.settings.customSites,
    );
    expect(asked).toBe(0);
    // The added sites' script checks them: the full read instead, and its answer checked too.
    const readsSites = ({ settings }: PageSettings) => settings.customSites.every(isCustomSite);
    expect((await loadPageSettings(stored.store, full, readsSites)).settings.customSites).toEqual([site]);
    expect(asked).toBe(1);
    await expect(loadPageSettings(stored.store, async () => damaged, readsSites)).rejects.toThrow();
  });

  it('uses the store’s own keys, and its stamps say when settings were saved after a snapshot', async () => {
    expect(STAMP_KEYS).toEqual({ lastGood: LAST_GOOD_STAMP_KEY, syncMeta: META_KEY });
    fakeBrowser.reset();
    await saveSettings(settings());
    const first = await loadSettings();
    const snapshot = snapshotOf(first);
    const browserAreas = fakeBrowser.storage as unknown as SnapshotAreas;
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
    let asked = 0;
    const full = async () => {
      asked++;
      return snapshotOf(await loadSettings());
    };
    expect((await loadPageSettings(browserAreas, full)).savedAt).toBe(first.savedAt);
    expect(asked).toBe(0);
    await saveSettings(defaultSettings());
    const after = await loadPageSettings(browserAreas, full);
    expect(asked).toBe(1);
    expect(after.savedAt).toBeGreaterThan(first.savedAt);
  });
});
