import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { repairSettings } from './repair';
import { defaultSettings, MAX_TIME_MS, NTR_LIST_ID, SettingsSchema } from './schema';

describe('default settings', () => {
  it('are valid and carry the NTR list, switched off', () => {
    const settings = defaultSettings();
    expect(SettingsSchema.parse(settings)).toEqual(settings);
    const ntr = settings.lists.find((l) => l.id === NTR_LIST_ID);
    expect(ntr?.enabled).toBe(false);
    expect(ntr?.patterns).toEqual(
      expect.arrayContaining(['netorare', '寝取*', 'ネトラレ', 'netori', 'netorase', 'cuckold*']),
    );
  });
});

describe('repairSettings', () => {
  it('keeps valid settings as they are', () => {
    const settings = defaultSettings();
    expect(repairSettings(structuredClone(settings))).toEqual({ settings, problems: [] });
  });

  it('gives defaults for nothing stored, without a problem', () => {
    expect(repairSettings(null)).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it('replaces only the bad fields and says which', () => {
    const raw = {
      enabled: 'yes',
      sites: { ao3: false, nhentai: 'off' },
      lists: [
        { id: 'a', name: 'Mine', enabled: true, action: 'remove', patterns: ['gore', 42, 'scat'] },
        'garbage',
        { id: 'b', name: 'Other', enabled: false, action: 'label', patterns: ['spoilers'] },
      ],
    };
    const { settings, problems } = repairSettings(raw);
    expect(settings.enabled).toBe(true);
    expect(settings.sites).toEqual({ ao3: false });
    expect(settings.lists).toEqual([
      { id: 'a', name: 'Mine', enabled: true, action: 'hide', patterns: ['gore', 'scat'] },
      { id: 'b', name: 'Other', enabled: false, action: 'label', patterns: ['spoilers'] },
    ]);
    expect(problems.map(englishText)).toEqual([
      'enabled: invalid value "yes" replaced by true',
      'sites.nhentai: invalid value "off" dropped',
      'lists[0].action: invalid value "remove" replaced by "hide"',
      'lists[0].patterns: 1 unreadable entries dropped',
      'lists[1]: not a list ("garbage"), dropped',
    ]);
  });

  it('keeps the switch for hiding shown entries again, and replaces a bad one by off', () => {
    expect(
      repairSettings({ ...defaultSettings(), hideAgainOffscreen: true }).settings.hideAgainOffscreen,
    ).toBe(true);
    const { settings, problems } = repairSettings({ ...defaultSettings(), hideAgainOffscreen: 'sometimes' });
    expect(settings.hideAgainOffscreen).toBe(false);
    expect(problems.map(englishText)).toEqual([
      'hideAgainOffscreen: invalid value "sometimes" replaced by false',
    ]);
  });

  it('renames duplicate list ids so each list stays addressable', () => {
    const list = { id: 'x', name: 'X', enabled: true, action: 'hide', patterns: [] };
    const { settings } = repairSettings({ enabled: true, sites: {}, lists: [list, { ...list, name: 'Y' }] });
    expect(settings.lists.map((l) => l.id)).toEqual(['x', 'x-2']);
  });

  it('replaces a value that is not an object with defaults and says so', () => {
    expect(repairSettings('oops').problems.map(englishText)).toEqual([
      'settings: not an object ("oops"), defaults used',
    ]);
  });
});

describe('repairSettings, rule extras', () => {
  it('keeps exceptions, alias groups, site scopes and snoozes, and fills them in when absent', () => {
    const base = defaultSettings();
    const { exceptions, aliases, ...old } = base;
    expect(repairSettings(old).settings).toEqual(base);
    const list = {
      id: 'a',
      name: 'A',
      enabled: true,
      action: 'collapse',
      patterns: [],
      sites: ['ao3'],
      snoozedUntil: 5,
    };
    const raw = {
      ...base,
      lists: [list],
      exceptions: ['wholesome', 3],
      aliases: [['ntr', 'netorare'], ['alone'], 'x'],
    };
    const { settings, problems } = repairSettings(raw);
    expect(settings.lists).toEqual([list]);
    expect(settings.exceptions).toEqual(['wholesome']);
    expect(settings.aliases).toEqual([['ntr', 'netorare']]);
    expect(problems.map(englishText)).toEqual([
      'exceptions: 1 unreadable entries dropped',
      'aliases[2]: invalid value "x" replaced by []',
    ]);
  });
});

describe('repairSettings, what the schema refuses inside a field', () => {
  it('leaves out an over-long rule, says which, and keeps the list’s other rules (issue: one rule bricked every page)', () => {
    const long = `a very long tag ${'x'.repeat(600)}`;
    const raw = {
      ...defaultSettings(),
      lists: [{ id: 'mine', name: 'Mine', enabled: true, action: 'hide', patterns: ['gore', long, 'scat'] }],
      exceptions: ['fluff', long],
      aliases: [['ntr', 'netorare', long]],
    };
    const { settings, problems } = repairSettings(raw);
    expect(SettingsSchema.safeParse(settings).success).toBe(true);
    expect(settings.lists[0]?.patterns).toEqual(['gore', 'scat']);
    expect(settings.exceptions).toEqual(['fluff']);
    expect(settings.aliases).toEqual([['ntr', 'netorare']]);
    expect(problems.map(englishText)).toEqual([
      `lists[0].patterns[1]: a rule of ${long.length} characters (at most 500) left out: "a very long tag xxxxxxxxxxxxxxxxxxxxxxx…`,
      `exceptions[1]: a rule of ${long.length} characters (at most 500) left out: "a very long tag xxxxxxxxxxxxxxxxxxxxxxx…`,
      `aliases[0][2]: a rule of ${long.length} characters (at most 500) left out: "a very long tag xxxxxxxxxxxxxxxxxxxxxxx…`,
    ]);
  });

  it('shortens an over-long list name and drops a broken subscription, keeping the rules', () => {
    const raw = {
      ...defaultSettings(),
      lists: [
        {
          id: 'sub',
          name: 'n'.repeat(150),
          enabled: true,
          action: 'hide',
          patterns: ['gore'],
          source: { url: 'http://plain.example/list.txt' },
        },
      ],
    };
    const { settings, problems } = repairSettings(raw);
    expect(settings.lists[0]).toEqual({
      id: 'sub',
      name: 'n'.repeat(100),
      enabled: true,
      action: 'hide',
      patterns: ['gore'],
    });
    expect(problems.map(englishText)).toEqual([
      'lists[0].name: longer than 100 characters, shortened',
      'lists[0].source: invalid value {"url":"http://plain.example/list.txt"} dropped',
    ]);
  });

  it('keeps a pause or snooze of any date up to the end of year 9999, and clamps a later one to it', () => {
    const farAway = Date.UTC(2031, 0, 1); // years away: "until that date", timers clamp their own delay
    const list = { id: 'a', name: 'A', enabled: true, action: 'hide', patterns: [], snoozedUntil: farAway };
    expect(
      repairSettings({ ...defaultSettings(), pausedUntil: farAway, lists: [list] }).problems.map(englishText),
    ).toEqual([]);
    const { settings, problems } = repairSettings({
      ...defaultSettings(),
      pausedUntil: Number.MAX_SAFE_INTEGER,
      lists: [{ ...list, snoozedUntil: 1e300 }],
    });
    expect(settings.pausedUntil).toBe(MAX_TIME_MS);
    expect(settings.lists[0]?.snoozedUntil).toBe(MAX_TIME_MS);
    expect(new Date(MAX_TIME_MS).toISOString()).toBe('9999-12-31T23:59:59.999Z');
    expect(problems.map(englishText)).toEqual([
      'lists[0].snoozedUntil: 1e+300 is after the year 9999, replaced by the end of 9999',
      'pausedUntil: 9007199254740991 is after the year 9999, replaced by the end of 9999',
    ]);
  });
});

describe('repairSettings, a list’s own exceptions', () => {
  it('keeps them like patterns, reports what it leaves out, and leaves a list without them as it was', () => {
    const long = 'x'.repeat(501);
    const { settings, problems } = repairSettings({
      enabled: 'yes',
      sites: {},
      lists: [
        {
          id: 'ntr',
          name: 'NTR',
          enabled: true,
          action: 'blur',
          patterns: ['*cheating'],
          exceptions: ['no cheating*', 7, long],
        },
        { id: 'mine', name: 'Mine', enabled: true, action: 'hide', patterns: [] },
        { id: 'x', name: 'X', enabled: true, action: 'hide', patterns: [], exceptions: 'no cheating' },
      ],
    });
    expect(settings.lists[0]?.exceptions).toEqual(['no cheating*']);
    expect(settings.lists[1]).not.toHaveProperty('exceptions');
    expect(settings.lists[2]?.exceptions).toEqual([]);
    expect(problems.map(englishText)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lists\[0\]\.exceptions\[2\]: a rule of 501 characters/),
        'lists[0].exceptions: 1 unreadable entries dropped',
        'lists[2].exceptions: invalid value "no cheating" replaced by []',
      ]),
    );
  });
});

describe('repairSettings, a list that lost its name', () => {
  const nameless = {
    ...defaultSettings(),
    lists: [{ id: 'a', enabled: true, action: 'hide', patterns: [] }, {}],
  };

  it('is named in the words the page gives (the store passes the UI language’s)', () => {
    const { settings, problems } = repairSettings(nameless, {
      listName: (n) => `リスト ${n}`,
      defaults: () => ({ mine: 'マイブロックリスト' }),
    });
    expect(settings.lists.map((l) => l.name)).toEqual(['リスト 1', 'リスト 2']);
    expect(problems.map(englishText)).toContain(
      'lists[0].name: invalid value undefined replaced by "リスト 1"',
    );
  });

  it('lists that cannot be read start again from the defaults, named in those words', () => {
    const words = {
      listName: (n: number) => `リスト ${n}`,
      defaults: () => ({ mine: 'マイブロックリスト' }),
    };
    const { settings } = repairSettings({ ...defaultSettings(), lists: 'broken' }, words);
    expect(settings.lists[0]?.name).toBe('マイブロックリスト');
    expect(repairSettings(null, words).settings.lists[0]?.name).toBe('マイブロックリスト');
  });

  it('without them, by its number alone: the pure module holds no words of any language', () => {
    expect(repairSettings(nameless).settings.lists.map((l) => l.name)).toEqual(['#1', '#2']);
  });
});
