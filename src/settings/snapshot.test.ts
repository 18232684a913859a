import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { msg } from './message';
import { defaultSettings } from './schema';
import {
  byCodePoint,
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

/** Every path to a value that is not an object or array. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** Changes the value at `path` to another of its kind (as storage damage or another writer would). */
function change(root: Record<string, unknown>, path: (string | number)[]): void {
  let at = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const value = at[last];
  at[last] =
    typeof value === 'string'
      ? `${value}x`
      : typeof value === 'number'
        ? value + 1
        : typeof value === 'boolean'
          ? !value
          : 0;
}

/**
 * A deep copy as Chromium's storage gives it back: every object's keys in UTF-8 byte order (its
 * dictionaries are byte-ordered), integer-like keys then first in numeric order (any JavaScript object's).
 */
function asChromiumGivesBack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asChromiumGivesBack);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .map((k) => [k, asChromiumGivesBack((value as Record<string, unknown>)[k])]),
  );
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

  it('is refused when stale (settings saved after it), of another format, or damaged anywhere', () => {
    const snapshot = snapshotOf({ settings: settings(), problems: [msg('settingsUnrepaired')], savedAt: 42 });
    expect(readSnapshot(snapshot, 42)).not.toBeNull();
    expect(readSnapshot(snapshot, 43)).toBeNull();
    expect(readSnapshot({ ...snapshot, f: SNAPSHOT_FORMAT + 1 }, 0)).toBeNull();
    // The format before the sum (its pages checked every field instead): the page asks for the full read.
    const { s: _, ...withoutSum } = snapshot;
    expect(readSnapshot({ ...withoutSum, f: 4 }, 0)).toBeNull();
    expect(readSnapshot(withoutSum, 0)).toBeNull();
    expect(readSnapshot({ ...snapshot, s: String(snapshot.s) }, 0)).toBeNull();
    // Every value it holds, changed: refused (the sum covers all of it).
    const paths = leaves(snapshot).filter((path) => path[0] !== 's');
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      const damaged = structuredClone(snapshot) as unknown as Record<string, unknown>;
      change(damaged, path);
      expect(readSnapshot(damaged, 0), path.join('.')).toBeNull();
    }
    // A field added or taken away, anywhere.
    const added = structuredClone(snapshot);
    (added.settings.lists[0] as unknown as Record<string, unknown>).extra = 1;
    expect(readSnapshot(added, 0)).toBeNull();
    const noLists = structuredClone(snapshot) as unknown as { settings: Record<string, unknown> };
    delete noLists.settings.lists;
    expect(readSnapshot(noLists, 0)).toBeNull();
    expect(readSnapshot('{}', 0)).toBeNull();
    expect(readSnapshot(null, 0)).toBeNull();
  });

  it('reads back as written through either browser’s storage: keys in byte order (Chromium) or as written (Firefox)', () => {
    const s = settings();
    // Rule lines are keys of the parses: full-width letters and half-width kana (U+E000–U+FFFF) next to
    // characters beyond U+FFFF order differently by UTF-16 unit and by code point; digits are integer keys.
    s.lists[0]?.patterns.push('ＮＴＲ', 'ﾈﾄﾗﾚ', '😀', '𠮷野家', '8653', '10', '/寝取[らり]/');
    const snapshot = snapshotOf({ settings: s, problems: [msg('settingsNewer', 3, 2)], savedAt: 7 });
    expect(readSnapshot(JSON.parse(JSON.stringify(snapshot)), 7)?.savedAt).toBe(7);
    expect(readSnapshot(asChromiumGivesBack(JSON.parse(JSON.stringify(snapshot))), 7)?.savedAt).toBe(7);
    expect(readSnapshot(structuredClone(snapshot), 7)?.savedAt).toBe(7);
    // Written in the order Chromium gives back: the same text either way.
    expect(JSON.stringify(asChromiumGivesBack(snapshot))).toBe(JSON.stringify(snapshot));
    // Storage that gave keys back in another order would cost the full read, never a wrong read.
    const reversed = Object.fromEntries(Object.entries(snapshot).reverse());
    expect(readSnapshot(reversed, 0)).toBeNull();
  });

  it('orders keys by code point, as UTF-8 bytes compare', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(byCodePoint(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
    expect(['😀', 'ＮＴＲ', 'a'].sort(byCodePoint)).toEqual(['a', 'ＮＴＲ', '😀']);
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

  it('an added site that does not read: ignored by built-in sites’ scripts, a damaged snapshot to the added sites’ one', async () => {
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
    // Written so (its sum matches): the snapshot reads, the site in it does not.
    const damaged = snapshotOf({
      settings: { ...settings(), customSites: [{ ...site, entrySelector: 7 } as unknown as typeof site] },
      problems: [],
      savedAt: 42,
    });
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
