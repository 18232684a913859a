// The settings part of the "Trust" issue, one describe per item: each fails on the store before it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishText } from '../../tests/locale-text';
import { importListNames } from '../ui/i18n';
import { applyImport } from './importer';
import type { MessageError } from './message';
import { defaultSettings, MAX_TIME_MS, type Settings } from './schema';
import { changeSettings, loadBackup, loadBackups, loadSettings, saveSettings, updateSettings } from './store';
import { chunkKey, decodeSync, META_KEY, OVERFLOW_KEY, planSync } from './sync-layout';
import { readSettingsFile } from './transfer';

const LONG = `a tag pasted with its whole summary ${'x'.repeat(600)}`;

function withRules(rules: number, prefix = 'a fairly long tag name'): Settings {
  const settings = defaultSettings();
  const mine = settings.lists[0];
  if (mine) mine.patterns = Array.from({ length: rules }, (_, i) => `${prefix} ${i}`);
  return settings;
}

async function syncCopy(): Promise<Settings | null> {
  const decoded = decodeSync(await fakeBrowser.storage.sync.get(null));
  return decoded.kind === 'ok' ? (decoded.raw as Settings) : null;
}

const auditOn = (s: Settings) => {
  s.audit = true;
};

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('1. one over-long rule does not brick the settings', () => {
  it('a stored over-long rule (an older popup wrote it) is left out and named; the other rules still read', async () => {
    const stored = withRules(3);
    stored.lists[0]?.patterns.splice(1, 0, LONG);
    await fakeBrowser.storage.sync.set(planSync(stored, Date.now()).items);
    const loaded = await loadSettings();
    expect(loaded.settings.lists[0]?.patterns).toEqual([
      'a fairly long tag name 0',
      'a fairly long tag name 1',
      'a fairly long tag name 2',
    ]);
    expect(loaded.problems.map(englishText)).toEqual([
      expect.stringContaining(
        `lists[0].patterns[1]: a rule of ${LONG.length} characters (at most 500) left out`,
      ),
    ]);
    // The original is kept whole, as a settings file: Import names the one line to shorten.
    const backup = await loadBackup();
    const read = readSettingsFile(backup?.original ?? '');
    expect(read.ok ? [] : read.errors.map(englishText)).toEqual([
      expect.stringMatching(/^settings\.lists\[0\]\.patterns\[1\]: /u),
    ]);
    // And saving works again, without the rule.
    await updateSettings((s) => {
      s.audit = true;
    });
    expect((await syncCopy())?.lists[0]?.patterns).toHaveLength(3);
  });

  it('the one writer refuses an over-long rule from any caller, saves the rest, and says what it cut', async () => {
    await saveSettings(withRules(2));
    const changed = await changeSettings((s) => {
      s.lists[0]?.patterns.push('gore', LONG);
      s.exceptions.push(LONG);
    });
    expect(changed.settings.lists[0]?.patterns.slice(-1)).toEqual(['gore']);
    expect(changed.cut.map(englishText)).toEqual([
      expect.stringContaining(`lists[0].patterns[3]: a rule of ${LONG.length} characters`),
      expect.stringContaining(`exceptions[0]: a rule of ${LONG.length} characters`),
    ]);
    // Every page reads clean settings, and is told what the last save left out (the context menu has no UI).
    const loaded = await loadSettings();
    expect(loaded.settings.lists[0]?.patterns).toEqual([
      'a fairly long tag name 0',
      'a fairly long tag name 1',
      'gore',
    ]);
    expect(loaded.problems).toEqual(changed.cut);
  });

  it('a change that throws fails alone: the changes saved with it are kept', async () => {
    await saveSettings(withRules(0));
    const results = await Promise.allSettled([
      updateSettings((s) => {
        s.exceptions.push('fluff');
      }),
      updateSettings(() => {
        throw new Error('a bug in one caller');
      }),
      updateSettings((s) => {
        s.audit = true;
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { settings } = await loadSettings();
    expect(settings.exceptions).toEqual(['fluff']);
    expect(settings.audit).toBe(true);
  });
});

describe('2. nothing is written over what was not read', () => {
  async function damageOneChunk(rules: number): Promise<void> {
    await saveSettings(withRules(rules));
    await loadSettings(); // a good read: this device keeps it as its last good copy
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).length).toBeGreaterThan(3);
    await fakeBrowser.storage.sync.remove(chunkKey(1));
  }

  it('a missing chunk: pages get the last good copy, and a switch saves it, never the defaults', async () => {
    await damageOneChunk(802);
    const loaded = await loadSettings();
    expect(loaded.source).toBe('last-good');
    expect(loaded.settings.lists[0]?.patterns).toHaveLength(802);
    expect(loaded.savedAt).toBeGreaterThan(0);
    expect(englishText(loaded.problems[0])).toMatch(
      /cannot be read \(part 2 of \d+ of the settings is missing\)/u,
    );
    await updateSettings((s) => {
      s.audit = true;
    });
    const after = await syncCopy();
    expect(after?.lists[0]?.patterns).toHaveLength(802);
    expect(after?.audit).toBe(true);
  });

  it('the damaged copy’s backup is a whole settings file Import reads, not raw fragments', async () => {
    await damageOneChunk(802);
    await loadSettings();
    const backup = await loadBackup();
    const read = readSettingsFile(backup?.original ?? '');
    expect(read.ok && read.incoming.settings?.lists[0]?.patterns).toHaveLength(802);
    expect(backup?.raw).toContain('tagveil.0'); // the fragments too, for the curious
  });

  it('with no good copy on this device, nothing is saved over the unreadable one until a file replaces it', async () => {
    await fakeBrowser.storage.sync.set(planSync(withRules(802), 5).items);
    await fakeBrowser.storage.sync.remove(chunkKey(1));
    const before = await fakeBrowser.storage.sync.get(null);
    const loaded = await loadSettings();
    expect(loaded.source).toBe('defaults');
    expect(englishText(loaded.readOnly)).toMatch(/no good copy/u);
    expect(
      englishText(((await updateSettings(auditOn).catch((e: unknown) => e)) as MessageError).said),
    ).toMatch(/no good copy/u);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
    // The way out the notice names: a backup or export, imported with Replace.
    const file = JSON.stringify({ format: 'tagveil', version: 2, settings: withRules(5) });
    expect((await applyImport(file, 'tagveil', 'replace', importListNames())).ok).toBe(true);
    expect((await syncCopy())?.lists[0]?.patterns).toHaveLength(5);
  }, 20_000); // each save first waits out a half-synced copy (3.3 s)

  it('settings from a newer Tagveil are never written back without the fields this one does not know', async () => {
    const newer = { ...withRules(3), futureSwitch: true };
    const plan = planSync(newer as Settings, 7);
    await fakeBrowser.storage.sync.set({
      ...plan.items,
      [META_KEY]: { ...(plan.items[META_KEY] as object), v: 3 },
    });
    const before = await fakeBrowser.storage.sync.get(null);
    const loaded = await loadSettings();
    expect(loaded.settings.lists[0]?.patterns).toHaveLength(3); // pages still filter
    expect(
      englishText(((await updateSettings(auditOn).catch((e: unknown) => e)) as MessageError).said),
    ).toMatch(/newer Tagveil/u);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('sync emptied while this device has a good copy: the copy is used, not the defaults', async () => {
    await saveSettings(withRules(40));
    await loadSettings();
    await fakeBrowser.storage.sync.clear();
    const loaded = await loadSettings();
    expect(loaded.settings.lists[0]?.patterns).toHaveLength(40);
    expect(englishText(loaded.problems[0])).toMatch(/holds no Tagveil settings/u);
  });
});

describe('2b. lists kept on this device only are never deleted by another device’s smaller save', () => {
  it('merges this device’s local-only lists into a newer copy from sync, and saves both', async () => {
    await saveSettings(withRules(8000));
    expect((await loadSettings()).where).toBe('local');
    // Another device, which never had the 8,000 rules, saves a small copy later.
    const other = withRules(0);
    other.lists[0]?.patterns.push('from the other device');
    other.audit = true;
    await fakeBrowser.storage.sync.set(planSync(other, Date.now() + 60_000).items);

    const loaded = await loadSettings();
    expect(loaded.settings.audit).toBe(true);
    expect(loaded.settings.lists[0]?.patterns).toHaveLength(8001);
    expect(loaded.problems.map(englishText)).toEqual([expect.stringMatching(/Both are kept: 8000 rules/u)]);

    await updateSettings((s) => {
      s.badge = false;
    });
    const after = await loadSettings();
    expect(after.settings.lists[0]?.patterns).toHaveLength(8001);
    expect(after.settings).toMatchObject({ audit: true, badge: false });
    expect(after.problems).toEqual([]);
  });

  it('a save that would drop the local-only copy keeps it as a backup first', async () => {
    await saveSettings(withRules(8000));
    // Written without reading it (only a test or an older build does that): the copy must survive.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000);
    await fakeBrowser.storage.sync.set(planSync(withRules(1), Date.now()).items);
    vi.restoreAllMocks();
    await saveSettings(withRules(2));
    expect(await fakeBrowser.storage.local.get(OVERFLOW_KEY)).toEqual({});
    const backups = await loadBackups();
    const read = readSettingsFile(backups[0]?.original ?? '');
    expect(read.ok && read.incoming.settings?.lists[0]?.patterns).toHaveLength(8000);
  });
});

describe('6. pauses and snoozes far away', () => {
  it('are kept as "until that date"; a date past year 9999 from any caller is stored as the end of 9999', async () => {
    await saveSettings(withRules(0));
    const inAYear = Date.now() + 365 * 24 * 3600 * 1000;
    await updateSettings((s) => {
      s.pausedUntil = inAYear;
    });
    expect((await loadSettings()).settings.pausedUntil).toBe(inAYear);
    const changed = await changeSettings((s) => {
      s.pausedUntil = Number.MAX_SAFE_INTEGER;
    });
    expect(changed.settings.pausedUntil).toBe(MAX_TIME_MS);
    expect(changed.cut.map(englishText)).toEqual([
      expect.stringMatching(/^pausedUntil: .* after the year 9999/u),
    ]);
  });
});
