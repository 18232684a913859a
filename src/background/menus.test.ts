import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/schema';
import { loadSettings, saveSettings } from '../settings/store';
import {
  type AskEntry,
  ENTRY_MENU,
  type MenuFeedback,
  onEntryMenuClick,
  onMenuClick,
  ruleFromClick,
  tagLinkPatterns,
} from './menus';

describe('context menu clicks', () => {
  it('a tag link on AO3 becomes that tag, literally', () => {
    expect(
      ruleFromClick({
        menuItemId: 'tagveil-link:mine',
        linkUrl: 'https://archiveofourown.org/tags/Netorare/works',
      }),
    ).toEqual({ listId: 'mine', rule: 'Netorare', text: 'Netorare' });
    expect(
      ruleFromClick({
        menuItemId: 'tagveil-link:mine',
        linkUrl: 'https://archiveofourown.org/tags/-Hurt-/works',
      }),
    ).toEqual({ listId: 'mine', rule: '"-Hurt-"', text: '-Hurt-' });
  });

  it('selected text becomes a tag, spaces tidied', () => {
    expect(ruleFromClick({ menuItemId: 'tagveil-selection:ntr', selectionText: '  寝取られ \n' })).toEqual({
      listId: 'ntr',
      rule: '寝取られ',
      text: '寝取られ',
    });
  });

  it('ignores a click that names no tag', () => {
    expect(
      ruleFromClick({ menuItemId: 'tagveil-link:mine', linkUrl: 'https://e-hentai.org/g/1/a/' }),
    ).toBeNull();
    expect(ruleFromClick({ menuItemId: 'tagveil-link' })).toBeNull();
  });

  it('shows on every site’s tag links', () => {
    expect(tagLinkPatterns()).toEqual(
      expect.arrayContaining(['https://archiveofourown.org/tags/*', 'https://nhentai.net/tag/*']),
    );
  });
});

describe('a menu click that cannot become a rule', () => {
  let told: string[];
  const feedback: MenuFeedback = {
    refused: async (tabId, message) => void told.push(`${tabId} refused: ${message}`),
    added: async (tabId) => void told.push(`${tabId} added`),
  };
  const rulesOf = async (id: string) =>
    (await loadSettings()).settings.lists.find((l) => l.id === id)?.patterns;

  beforeEach(async () => {
    fakeBrowser.reset();
    told = [];
    const settings = defaultSettings();
    settings.lists = [
      { id: 'mine', name: 'Mine', enabled: true, action: 'hide', patterns: ['guro'] },
      {
        id: 'sub',
        name: 'Shared',
        enabled: true,
        action: 'hide',
        patterns: ['ntr'],
        source: { url: 'https://lists.example/a.txt' },
      },
    ];
    await saveSettings(settings);
  });

  it('adds a tag, and says nothing is wrong', async () => {
    expect(
      await onMenuClick({ menuItemId: 'tagveil-selection:mine', selectionText: 'netorare' }, 5, feedback),
    ).toBe(true);
    expect(await rulesOf('mine')).toEqual(['guro', 'netorare']);
    expect(told).toEqual(['5 added']);
  });

  it('refuses a selection longer than a rule may be, rather than cutting it, and tells the tab', async () => {
    const selectionText = 'word '.repeat(120);
    expect(await onMenuClick({ menuItemId: 'tagveil-selection:mine', selectionText }, 5, feedback)).toBe(
      false,
    );
    expect(await rulesOf('mine')).toEqual(['guro']);
    expect(told).toEqual([
      `5 refused: Tagveil did not add “${'word '.repeat(12).trim()}…”: longer than 500 characters`,
    ]);
  });

  it('refuses a tag link whose tag is longer than a rule may be', async () => {
    const linkUrl = `https://archiveofourown.org/tags/${'x'.repeat(600)}/works`;
    expect(await onMenuClick({ menuItemId: 'tagveil-link:mine', linkUrl }, 8, feedback)).toBe(false);
    expect(await rulesOf('mine')).toEqual(['guro']);
    expect(told).toEqual([
      expect.stringMatching(/^8 refused: Tagveil did not add “x{59}…”: longer than 500 characters$/u),
    ]);
  });

  it('keeps a tag on one line, whatever the link or selection held', async () => {
    expect(
      ruleFromClick({
        menuItemId: 'tagveil-link:mine',
        linkUrl: 'https://archiveofourown.org/tags/Net%0Aorare/works',
      }),
    ).toEqual({ listId: 'mine', rule: 'Net orare', text: 'Net orare' });
  });

  it('adds nothing to a subscribed list, whose next update would drop it', async () => {
    await onMenuClick({ menuItemId: 'tagveil-selection:sub', selectionText: 'netorare' }, 5, feedback);
    expect(await rulesOf('sub')).toEqual(['ntr']);
  });
});

describe('"Hide this entry" in the context menu', () => {
  let told: string[];
  const feedback: MenuFeedback = {
    refused: async (tabId, message) => void told.push(`${tabId} refused: ${message}`),
    added: async (tabId) => void told.push(`${tabId} added`),
  };
  const pageUrl = 'https://archiveofourown.org/tags/Original%20Work/works';
  const answering =
    (answer: unknown): AskEntry =>
    async () =>
      answer;
  const lists = async () => (await loadSettings()).settings.lists;

  beforeEach(async () => {
    fakeBrowser.reset();
    told = [];
    await saveSettings(defaultSettings());
  });

  it('hides the entry the frame says was right-clicked, in a "Hidden one by one" list made for it', async () => {
    const asked: [number, number][] = [];
    const ask: AskEntry = async (tabId, frameId) => {
      asked.push([tabId, frameId]);
      return { site: 'ao3', id: '12345' };
    };
    expect(await onEntryMenuClick({ menuItemId: ENTRY_MENU, frameId: 3, pageUrl }, 5, ask, feedback)).toEqual(
      {
        site: 'ao3',
        id: '12345',
      },
    );
    expect(asked).toEqual([[5, 3]]);
    expect((await lists()).find((l) => l.id === 'hidden-one-by-one')).toMatchObject({
      action: 'hide',
      enabled: true,
      patterns: ['entry:ao3/12345'],
    });
    expect(told).toEqual(['5 added']);
  });

  it.each([
    ['no entry under the pointer', null],
    ['another site than the tab shows', { site: 'nhentai', id: '1' }],
    ['an id that would read as two terms', { site: 'ao3', id: '1 2' }],
    ['an id with a note in it', { site: 'ao3', id: '1#x' }],
    ['something else altogether', { type: 'tagveil:badge', count: 2 }],
    ['a site id that is not one', { site: 'AO3/../x', id: '1' }],
  ])('adds nothing for %s, and says so on the tab', async (_, answer) => {
    const before = await lists();
    expect(
      await onEntryMenuClick({ menuItemId: ENTRY_MENU, pageUrl }, 7, answering(answer), feedback),
    ).toBeNull();
    expect(await lists()).toEqual(before);
    expect(told).toEqual([expect.stringMatching(/^7 refused: /u)]);
  });

  it('on a site the user added, hides only that site’s entries', async () => {
    await saveSettings({
      ...defaultSettings(),
      customSites: [
        {
          id: 'custom-catalog-example',
          name: 'Catalog',
          origin: 'https://catalog.example',
          entrySelector: '.item',
          tagSelector: '.tag',
        },
      ],
    });
    const onAdded = { menuItemId: ENTRY_MENU, pageUrl: 'https://catalog.example/list' };
    // The page there names an AO3 work: not its own, refused (it was added: no built-in site to compare with).
    expect(await onEntryMenuClick(onAdded, 7, answering({ site: 'ao3', id: '1' }), feedback)).toBeNull();
    expect(
      await onEntryMenuClick(
        onAdded,
        7,
        answering({ site: 'custom-catalog-example', id: '/items/7' }),
        feedback,
      ),
    ).toEqual({ site: 'custom-catalog-example', id: '/items/7' });
    const hidden = (await lists()).find((l) => l.id === 'hidden-one-by-one');
    expect(hidden?.patterns).toEqual(['entry:custom-catalog-example//items/7']);
    // A page of no known site names nothing.
    const elsewhere = { menuItemId: ENTRY_MENU, pageUrl: 'https://elsewhere.example/' };
    expect(
      await onEntryMenuClick(elsewhere, 7, answering({ site: 'custom-catalog-example', id: '2' }), feedback),
    ).toBeNull();
  });

  it('adds nothing when the tab does not answer', async () => {
    const failing: AskEntry = async () => {
      throw new Error('Could not establish connection');
    };
    expect(await onEntryMenuClick({ menuItemId: ENTRY_MENU, pageUrl }, 7, failing, feedback)).toBeNull();
    expect((await lists()).some((l) => l.id === 'hidden-one-by-one')).toBe(false);
  });
});
