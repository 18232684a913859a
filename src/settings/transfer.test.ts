import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { SETTINGS_VERSION } from './migrations';
import { defaultSettings, MY_LIST_ID, NTR_LIST_ID, type Settings } from './schema';
import { exportLists, exportSettings, planImport, readSettingsFile } from './transfer';

function mine(patterns: string[]): Settings {
  const settings = defaultSettings();
  const list = settings.lists.find((l) => l.id === MY_LIST_ID);
  if (list) list.patterns = patterns;
  return settings;
}

function read(text: string) {
  const result = readSettingsFile(text);
  if (!result.ok) throw new Error(result.errors.map(englishText).join('\n'));
  return result.incoming;
}

function errorsOf(value: unknown): string[] {
  const result = readSettingsFile(typeof value === 'string' ? value : JSON.stringify(value));
  return result.ok ? [] : result.errors.map(englishText);
}

describe('export', () => {
  it('writes the documented envelope and reads back the same settings', () => {
    const settings = mine(['gore', 'title:"step sister"', '寝取られ']);
    const text = exportSettings(settings, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'tagveil',
      version: SETTINGS_VERSION,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(read(text).settings).toEqual(settings);
  });

  it('writes one list as a file of lists', () => {
    const list = mine(['gore']).lists[0];
    if (!list) throw new Error('no list');
    const incoming = read(exportLists([list]));
    expect(incoming.settings).toBeUndefined();
    expect(incoming.lists).toEqual([list]);
  });
});

describe('import validation', () => {
  const file = (settings: unknown) => ({ format: 'tagveil', version: SETTINGS_VERSION, settings });

  it('names the path and the problem of a bad action', () => {
    const settings = mine([]) as unknown as { lists: Record<string, unknown>[] };
    settings.lists.push({ id: 'x', name: 'X', enabled: true, action: 'remove', patterns: [] });
    expect(errorsOf(file(settings))).toEqual([
      "settings.lists[2].action: expected hide|collapse|blur|label, got 'remove'",
    ]);
  });

  it('names wrong types, missing fields and misspelt ones', () => {
    const settings = { ...mine([]), enabled: 'yes', patern: [] } as Record<string, unknown>;
    delete settings.sites;
    expect(errorsOf(file(settings)).sort()).toEqual(
      [
        "settings.enabled: expected boolean, got 'yes'",
        'settings.sites: expected record, got nothing',
        'settings: unknown field "patern"',
      ].sort(),
    );
  });

  it('refuses what is not a Tagveil file, saying why', () => {
    expect(errorsOf('{\n  "lists": [],\n}')).toEqual(['not JSON: unexpected text at line 3, column 1']);
    expect(errorsOf('{"lists": ')).toEqual(['not JSON: the file ends too early']);
    expect(errorsOf([])).toEqual(['file: expected a Tagveil settings object, got a list']);
    expect(errorsOf({ format: 'ublock' })).toEqual(["format: expected 'tagveil', got 'ublock'"]);
    expect(errorsOf({ format: 'tagveil', version: 'two' })).toEqual([
      "version: expected a whole number from 1, got 'two'",
    ]);
    expect(errorsOf({ format: 'tagveil', version: 99, settings: {} })[0]).toMatch(
      /^version: .*newer Tagveil/u,
    );
    expect(errorsOf({ format: 'tagveil', version: 2 })).toEqual([
      'file: a settings file holds either "settings" or "lists"',
    ]);
  });

  it('reads a version 1 file through the migrations', () => {
    const v1 = { ...mine(['gore']) } as Record<string, unknown>;
    delete v1.badge;
    const incoming = read(JSON.stringify({ format: 'tagveil', version: 1, settings: v1 }));
    expect(incoming.settings?.badge).toBe(true);
    expect(incoming.settings?.lists[0]?.patterns).toEqual(['gore']);
  });
});

describe('planImport', () => {
  it('merge adds new lists and new rules, keeps everything the user has, and says so', () => {
    const current = mine(['gore', 'scat']);
    const incoming = read(
      exportSettings({
        ...mine(['scat', 'guro']),
        exceptions: ['vanilla'],
        lists: [
          ...mine(['scat', 'guro']).lists,
          { id: 'spoilers', name: 'Spoilers', enabled: true, action: 'label', patterns: ['*spoiler*'] },
        ],
      }),
    );
    const { result, changes } = planImport(current, incoming, 'merge');
    expect(result.lists.find((l) => l.id === MY_LIST_ID)?.patterns).toEqual(['gore', 'scat', 'guro']);
    expect(result.lists.map((l) => l.id)).toEqual([MY_LIST_ID, NTR_LIST_ID, 'spoilers']);
    expect(result.exceptions).toEqual(['vanilla']);
    expect(changes.map(englishText)).toEqual([
      'add 1 rule to “My blocklist”',
      '“NTR & cheating” already has every rule',
      'add list “Spoilers” (1 rule)',
      'add 1 exception',
    ]);
  });

  it('merge brings a list’s own exceptions with its rules, and says so', () => {
    const current = mine(['gore']);
    const theirs = mine(['gore']);
    const [mineList, ...rest] = theirs.lists;
    if (!mineList) throw new Error('no list');
    const incoming = read(
      exportSettings({ ...theirs, lists: [{ ...mineList, exceptions: ['vanilla'] }, ...rest] }),
    );
    const { result, changes } = planImport(current, incoming, 'merge');
    expect(result.lists.find((l) => l.id === MY_LIST_ID)?.exceptions).toEqual(['vanilla']);
    expect(changes.map(englishText)).toContain('add 1 exception to the exceptions of “My blocklist”');
    expect(changes.map(englishText)).not.toContain('“My blocklist” already has every rule');
  });

  it('replace with a whole-settings file puts the file in place of everything', () => {
    const incoming = read(exportSettings({ ...mine(['x']), lists: mine(['x']).lists.slice(0, 1) }));
    const { result, changes } = planImport(mine(['gore']), incoming, 'replace');
    expect(result).toEqual(incoming.settings);
    expect(changes.map(englishText)).toContain(
      'remove list “NTR & cheating” (14 rules)'.replace(
        '14',
        String(defaultSettings().lists[1]?.patterns.length),
      ),
    );
    expect(changes.map(englishText)).toContain('replace list “My blocklist” (1 rule → 1 rule)');
  });

  it('replace with a lists file replaces only those lists', () => {
    const list = {
      id: 'mine',
      name: 'My blocklist',
      enabled: true,
      action: 'blur' as const,
      patterns: ['a', 'b'],
    };
    const { result } = planImport(mine(['gore']), read(exportLists([list])), 'replace');
    expect(result.lists[0]).toEqual(list);
    expect(result.lists[1]?.id).toBe(NTR_LIST_ID);
  });

  it('joins a list with the same name, and gives a new list a free id', () => {
    const current = mine([]);
    current.lists.push({ id: 'x', name: 'Other', enabled: true, action: 'hide', patterns: [] });
    const incoming = read(
      exportLists([
        { id: 'other-id', name: 'other', enabled: true, action: 'hide', patterns: ['a'] },
        { id: 'x', name: 'Another', enabled: true, action: 'hide', patterns: ['b'] },
        { id: 'mine', name: 'Mine too', enabled: true, action: 'hide', patterns: ['c'] },
      ]),
    );
    const { result } = planImport(current, incoming, 'merge');
    expect(result.lists.find((l) => l.id === 'x')?.patterns).toEqual(['a', 'b']);
    expect(result.lists.find((l) => l.id === 'mine')?.patterns).toEqual(['c']);
  });

  it('says when there is nothing new', () => {
    const current = mine(['gore']);
    expect(planImport(current, read(exportSettings(current)), 'merge').changes.map(englishText)).toEqual([
      '“My blocklist” already has every rule',
      '“NTR & cheating” already has every rule',
    ]);
  });
});

describe('sites the user added, in an import', () => {
  const catalog = {
    id: 'custom-catalog-example',
    name: 'catalog.example',
    origin: 'https://catalog.example',
    entrySelector: 'article.item',
    tagSelector: '.tags a',
  };
  const gallery = {
    id: 'custom-gallery-example',
    name: 'gallery.example',
    origin: 'https://gallery.example',
    entrySelector: 'li.g',
    tagSelector: '.t',
    titleSelector: 'h3',
  };
  const withSites = (...customSites: (typeof catalog)[]) => ({ ...mine(['gore']), customSites });

  it('merge adds each site of the file not here, says so, and that it still needs permission', () => {
    const incoming = read(exportSettings(withSites(catalog, gallery)));
    const { result, changes } = planImport(withSites(gallery), incoming, 'merge');
    expect(result.customSites).toEqual([gallery, catalog]);
    expect(changes.map(englishText)).toContain(
      'add site “catalog.example” (https://catalog.example): it works there once you allow it under Sites',
    );
    expect(changes.map(englishText).filter((c) => /gallery/u.test(c))).toEqual([]);
  });

  it('merge keeps a site already here with other selectors as it is, and says what Replace would take', () => {
    const moved = { ...catalog, entrySelector: 'div.card', tagSelector: '.tag' };
    const { result, changes } = planImport(
      withSites(catalog),
      read(exportSettings(withSites(moved))),
      'merge',
    );
    expect(result.customSites).toEqual([catalog]);
    expect(changes.map(englishText)).toContain(
      'keep site “catalog.example” as it is here (article.item → .tags a); the file has div.card → .tag, which Replace takes',
    );
  });

  it('merge matches a site by its origin, whatever the file calls it, and gives a new one a free id', () => {
    const sameOrigin = { ...catalog, id: 'custom-other', name: 'Catalog', origin: 'https://Catalog.Example' };
    expect(
      planImport(withSites(catalog), read(exportSettings(withSites(sameOrigin))), 'merge').result.customSites,
    ).toEqual([catalog]);
    // Two hosts can make one id (a.b-c and a-b.c); the second gets another.
    const taken = { ...gallery, id: catalog.id };
    const { result } = planImport(withSites(catalog), read(exportSettings(withSites(taken))), 'merge');
    expect(result.customSites.map((s) => s.id)).toEqual([catalog.id, `${catalog.id}-2`]);
  });

  it('replace with a whole-settings file says which sites come, go and change', () => {
    const moved = { ...catalog, entrySelector: 'div.card' };
    const { result, changes } = planImport(
      withSites(catalog, gallery),
      read(exportSettings(withSites(moved))),
      'replace',
    );
    expect(result.customSites).toEqual([moved]);
    const said = changes.map(englishText);
    expect(said).toContain('remove site “gallery.example”');
    expect(said).toContain(
      'replace the selectors of site “catalog.example” (article.item → .tags a becomes div.card → .tags a)',
    );
    const added = planImport(mine([]), read(exportSettings(withSites(gallery))), 'replace').changes;
    expect(added.map(englishText)).toContain(
      'add site “gallery.example” (https://gallery.example): it works there once you allow it under Sites',
    );
  });

  it.each(['merge', 'replace'] as const)(
    'round trip: exported with a site, imported (%s) into fresh settings, the site is there',
    (mode) => {
      const file = exportSettings(withSites(catalog, gallery));
      const { result } = planImport(defaultSettings(), read(file), mode);
      expect(result.customSites).toEqual([catalog, gallery]);
      expect(result.lists.find((l) => l.id === MY_LIST_ID)?.patterns).toEqual(['gore']);
    },
  );
});
