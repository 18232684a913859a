import { describe, expect, it } from 'vitest';
import { HIDDEN_ONE_BY_ONE_ID } from '../rules/entry-rules';
import { defaultSettings, type Settings } from '../settings/schema';
import { type HideEntryStore, hideEntryFor, siteOfUrl } from './hide-entry';

/** Settings in memory, changed the way the store changes them. */
function memory(settings: Settings): HideEntryStore & { settings: Settings; writes: number } {
  const store = {
    settings,
    writes: 0,
    load: async () => structuredClone(store.settings),
    update: async (change: (s: Settings) => void) => {
      const next = structuredClone(store.settings);
      change(next);
      store.settings = next;
      store.writes++;
    },
  };
  return store;
}

const added = {
  id: 'custom-catalog-example',
  name: 'Catalog',
  origin: 'https://catalog.example',
  entrySelector: '.item',
  tagSelector: '.tag',
};

const rulesOf = (s: Settings) => s.lists.flatMap((l) => l.patterns).filter((p) => p.startsWith('entry:'));

describe('"Hide this one" asked by a content script', () => {
  it('names the site of a page address: built-in, or one the user added', () => {
    const settings = { customSites: [added] } as unknown as Settings;
    expect(siteOfUrl('https://archiveofourown.org/tags/Netorare/works', settings)).toBe('ao3');
    expect(siteOfUrl('https://catalog.example/list?page=2', settings)).toBe('custom-catalog-example');
    expect(siteOfUrl('https://elsewhere.example/', settings)).toBeUndefined();
    expect(siteOfUrl('not a url', settings)).toBeUndefined();
  });

  it('adds the entry of the tab’s own site to the "Hidden entries" list', async () => {
    const store = memory(defaultSettings());
    const outcome = await hideEntryFor(
      { type: 'tagveil:hide-entry', site: 'ao3', id: 'work_12345' },
      'https://archiveofourown.org/tags/Netorare/works',
      store,
    );
    expect(outcome).toEqual({ ok: true, added: true });
    const list = store.settings.lists.find((l) => l.id === HIDDEN_ONE_BY_ONE_ID);
    expect(list).toMatchObject({ name: 'Hidden entries', action: 'hide', patterns: ['entry:ao3/12345'] });
  });

  it('works on a site the user added', async () => {
    const store = memory({ ...defaultSettings(), customSites: [added] } as Settings);
    const outcome = await hideEntryFor(
      { type: 'tagveil:hide-entry', site: 'custom-catalog-example', id: '/items/7' },
      'https://catalog.example/list',
      store,
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(rulesOf(store.settings)).toEqual(['entry:custom-catalog-example//items/7']);
  });

  it('refuses an entry of another site than the tab shows, and writes nothing', async () => {
    const store = memory(defaultSettings());
    for (const url of ['https://e621.net/posts', 'https://evil.example/', 'https://catalog.example/'])
      expect(
        await hideEntryFor({ type: 'tagveil:hide-entry', site: 'ao3', id: '1' }, url, store),
      ).toMatchObject({ ok: false });
    expect(store.writes).toBe(0);
    expect(rulesOf(store.settings)).toEqual([]);
  });

  it('refuses what is not one entry’s id (a rule smuggled in as an id)', async () => {
    const store = memory(defaultSettings());
    const outcome = await hideEntryFor(
      { type: 'tagveil:hide-entry', site: 'ao3', id: 'x\nnetorare' },
      'https://archiveofourown.org/works',
      store,
    );
    expect(outcome).toMatchObject({ ok: false });
    expect(store.writes).toBe(0);
  });
});
