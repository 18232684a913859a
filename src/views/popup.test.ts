// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageEntries, PageState } from '../messages';
import { defaultSettings, MAX_PATTERN_LENGTH, type Settings } from '../settings/schema';
import type { LoadedSettings } from '../settings/store';
import { Popup } from './popup';
import { type PopupDeps, PopupStore } from './popup-store';

const PAGE: PageState = {
  site: { id: 'ao3', name: 'Archive of Our Own' },
  active: true,
  audit: false,
  entries: 20,
  counts: { hide: 0, collapse: 0, blur: 2, label: 0 },
  rules: [{ listName: 'My blocklist', rule: 'Fluff', action: 'blur', tags: ['Fluff'], entries: 2 }],
  tags: [
    { tag: 'freeform:Fluff', entries: 2 },
    { tag: 'freeform:Angst', entries: 1 },
  ],
  timing: {
    startupMs: 1,
    totalMs: 2,
    lastPassMs: 1,
    lastPassEntries: 20,
    lastBatchMs: 1,
    lastBatchEntries: 20,
  },
  problems: [],
};

const ENTRIES: PageEntries = {
  site: 'ao3',
  total: 3,
  entries: [
    { id: '1', title: 'Work 1' },
    { id: '2', title: 'Work 2' },
    { id: '3', title: '' },
  ],
};

/** The popup against settings in memory, a page that answers counts from a table, and a clock run by hand. */
function mount(page: PageState | null = PAGE, entries: PageEntries | null = ENTRIES) {
  let settings: Settings = defaultSettings();
  (settings.lists[0] as Settings['lists'][number]).patterns = ['Fluff'];
  const watchers: ((l: LoadedSettings) => void)[] = [];
  const asked: string[] = [];
  const timers: (() => void)[] = [];
  const loaded = (): LoadedSettings => ({
    settings,
    problems: [],
    where: 'sync',
    savedAt: 0,
    source: 'sync',
    lineage: [],
  });
  const deps: PopupDeps = {
    loadSettings: async () => loaded(),
    watchSettings: (fn) => {
      watchers.push(fn);
      return () => undefined;
    },
    changeSettings: async (change) => {
      settings = structuredClone(settings);
      change(settings);
      // As the real writer does: a rule over the length limit is left out and said so.
      const cut: string[] = [];
      for (const list of settings.lists) {
        const long = list.patterns.filter((p) => p.length > MAX_PATTERN_LENGTH);
        list.patterns = list.patterns.filter((p) => p.length <= MAX_PATTERN_LENGTH);
        cut.push(...long.map((p) => `a rule of ${p.length} characters left out`));
      }
      for (const w of watchers) w(loaded());
      return { cut };
    },
    askPage: async () => page,
    listEntries: async () => {
      asked.push('list-entries');
      return entries;
    },
    countMatches: async (rule) => ({ entries: 20, matches: rule.toLowerCase() === 'angst' ? 1 : 0 }),
    dictionary: async () => undefined,
    tabOrigin: null,
    openOptions: () => undefined,
    openOptionsPage: () => undefined,
    now: () => 1_700_000_000_000,
    later: (fn) => void timers.push(fn),
  };
  const store = new PopupStore(deps);
  const root = document.createElement('main');
  document.body.append(root);
  render(h(Popup, { store }), root);
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  };
  const runTimers = async () => {
    for (const fn of timers.splice(0)) fn();
    await flush();
  };
  const type = async (text: string) => {
    const input = root.querySelector('input[name="tag"]') as HTMLInputElement;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
  };
  const click = async (el: Element | null | undefined) => {
    (el as HTMLElement).click();
    await flush();
  };
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find(
      (b) => b.textContent === name || b.getAttribute('aria-label') === name,
    );
  /** Another write's stored copy arriving, as storage would announce it. */
  const arrive = (stored: Settings) => {
    for (const w of watchers)
      w({ settings: stored, problems: [], where: 'sync', savedAt: 0, source: 'sync', lineage: [] });
  };
  return {
    store,
    root,
    flush,
    runTimers,
    type,
    click,
    button,
    arrive,
    settings: () => settings,
    deps,
    asked,
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the popup', () => {
  it('counts the typed tag on the page once typing pauses, and says when nothing has it', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.flush();
    await ui.type('Angst');
    expect(ui.root.querySelector('#match-count')?.textContent).toBe('');
    await ui.runTimers();
    expect(ui.root.querySelector('#match-count')?.textContent).toBe(
      'Matches 1 of the 20 entries on this page.',
    );
    await ui.type('Anst');
    await ui.runTimers();
    const status = ui.root.querySelector('#match-count')?.textContent ?? '';
    expect(status).toMatch(/^Nothing here has this tag\.Closest on this page: freeform:Angst/u);
  });

  it('Block adds the tag, says so with Undo, and Undo takes it out', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.type('Angst');
    await ui.runTimers();
    await ui.click(ui.root.querySelector('#block-button'));
    expect(ui.settings().lists[0]?.patterns).toEqual(['Fluff', 'Angst']);
    expect(ui.root.querySelector('#notice')?.textContent).toBe(
      'Blocked “Angst” in My blocklist. 1 entries on this page carry it.Undo',
    );
    await ui.click(ui.button('Undo'));
    expect(ui.settings().lists[0]?.patterns).toEqual(['Fluff']);
    expect(ui.root.querySelector('#notice')?.textContent).toBe(
      'Undone: “Angst” is out of My blocklist again.',
    );
  });

  it('never says "Blocked" for a tag the settings writer had to leave out', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.type('x'.repeat(MAX_PATTERN_LENGTH + 100));
    await ui.click(ui.root.querySelector('#block-button'));
    expect(ui.settings().lists[0]?.patterns).toEqual(['Fluff']);
    const notice = ui.root.querySelector('#notice')?.textContent ?? '';
    expect(notice).toMatch(/^Not saved: /u);
    expect(notice).not.toMatch(/Blocked/u);
  });

  it('keeps the typed tag and says so when the chosen list was deleted elsewhere meanwhile', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.type('Angst');
    await ui.store.block('no-such-list');
    await ui.flush();
    expect(ui.root.querySelector('#notice')?.textContent).toMatch(/^That list is gone/u);
    expect((ui.root.querySelector('input[name="tag"]') as HTMLInputElement).value).toBe('Angst');
  });

  it('keeps what the user typed while the block was being saved', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.type('Angst');
    const saving = ui.store.block('mine');
    ui.store.setText('Angst and more');
    await saving;
    await ui.flush();
    expect(ui.settings().lists[0]?.patterns).toEqual(['Fluff', 'Angst']);
    expect(ui.store.text.value).toBe('Angst and more');
  });

  it('keeps the notice, the typed text and the very input element through a settings change', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.type('Angst');
    await ui.click(ui.root.querySelector('#block-button'));
    await ui.type('half');
    const input = ui.root.querySelector('input[name="tag"]');
    ui.store.notice.value = { text: 'kept', error: false };
    await ui.deps.changeSettings((s) => {
      s.badge = false;
    });
    await ui.flush();
    expect(ui.root.querySelector('input[name="tag"]')).toBe(input);
    expect((input as HTMLInputElement).value).toBe('half');
    expect(ui.root.querySelector('#notice')?.textContent).toBe('kept');
  });

  it('groups reasons and unblocks with ×', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.flush();
    await ui.click(ui.root.querySelector('#rule-counts button'));
    expect(ui.settings().lists[0]?.patterns).toEqual([]);
    expect(ui.root.querySelector('#notice')?.textContent).toBe('Unblocked “Fluff” in My blocklist.Undo');
  });

  it('a tag row turns into "Blocked · Undo" in place', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.flush();
    await ui.click(ui.button('Block freeform:Angst in My blocklist'));
    const row = [...ui.root.querySelectorAll('#tags-seen li')].find((li) =>
      li.textContent?.startsWith('freeform:Angst'),
    );
    expect(row?.textContent).toBe('freeform:Angst ×1BlockedUndo');
    await ui.click(ui.button('Undo blocking freeform:Angst'));
    expect(ui.settings().lists[0]?.patterns).toEqual(['Fluff']);
  });

  it('off a catalog page, offers the options', async () => {
    const ui = mount(null);
    await ui.store.start();
    await ui.flush();
    expect(ui.root.querySelector('#add-site')?.textContent).toBe('Supported sites and options');
    expect(ui.root.querySelector('#complete-tags')).toBeNull();
  });

  it('a flipped switch stays flipped when a copy stored before the flip comes in', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.flush();
    const audit = ui.root.querySelector('#audit-toggle') as HTMLInputElement;
    audit.click();
    await ui.flush();
    expect(ui.settings().audit).toBe(true);
    // The echo of an earlier write (audit still off) arrives after the click.
    ui.arrive({ ...ui.settings(), audit: false });
    await ui.flush();
    expect(audit.checked).toBe(true);
  });
});

describe('the popup’s entries hidden one by one', () => {
  it('lists the page’s entries hidden by id, apart from the tag reasons, and Undo brings one back', async () => {
    const page: PageState = {
      ...PAGE,
      counts: { hide: 1, collapse: 0, blur: 2, label: 0 },
      rules: [
        ...PAGE.rules,
        {
          listName: 'Hidden one by one',
          rule: 'entry:ao3/12345',
          action: 'hide',
          tags: ['12345'],
          entries: 1,
        },
      ],
    };
    const ui = mount(page);
    await ui.store.start();
    await ui.flush();
    await ui.store.change((s) => {
      s.lists.push({
        id: 'hidden-one-by-one',
        name: 'Hidden one by one',
        enabled: true,
        action: 'hide',
        patterns: ['entry:ao3/12345'],
      });
    });
    await ui.flush();
    const section = ui.root.querySelector('#hidden-one');
    expect(section?.querySelector('li')?.textContent).toBe('the AO3 work 12345Undo');
    expect(ui.root.querySelector('#rule-counts')?.textContent).not.toContain('12345');
    await ui.click(ui.button('Undo hiding the AO3 work 12345'));
    expect(ui.settings().lists.find((l) => l.id === 'hidden-one-by-one')?.patterns).toEqual([]);
    expect(ui.root.textContent).toContain('the AO3 work 12345 is shown again.');
    await ui.click(ui.button('Undo'));
    expect(ui.settings().lists.find((l) => l.id === 'hidden-one-by-one')?.patterns).toEqual([
      'entry:ao3/12345',
    ]);
  });
});

describe('the popup’s entries of this page', () => {
  const open = async (ui: ReturnType<typeof mount>) => {
    await ui.store.start();
    await ui.flush();
    const details = ui.root.querySelector('#entries-on-page') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await ui.flush();
    return details;
  };
  const hidden = (ui: ReturnType<typeof mount>) =>
    ui.settings().lists.find((l) => l.id === 'hidden-one-by-one')?.patterns;

  it('asks the page for its entries only when opened, and lists each by title and id', async () => {
    const ui = mount();
    await ui.store.start();
    await ui.flush();
    expect(ui.asked).toEqual([]);
    const details = await open(ui);
    expect(ui.asked).toEqual(['list-entries']);
    const rows = [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(rows).toEqual(['Work 1 · 1Hide', 'Work 2 · 2Hide', '(no title) · 3Hide']);
    expect(details.querySelector('summary')?.textContent).toBe('Entries on this page (3)');
  });

  it('Hide puts the entry in the "Hidden entries" list by its id, with its title; the same button then undoes it', async () => {
    const ui = mount();
    const details = await open(ui);
    const hide = ui.button('Hide Work 2 on every visit, without a tag rule') as HTMLButtonElement;
    hide.focus();
    await ui.click(hide);
    expect(hidden(ui)).toEqual(['entry:ao3/2 # Work 2']);
    expect(ui.settings().lists.find((l) => l.id === 'hidden-one-by-one')).toMatchObject({
      name: 'Hidden entries',
      action: 'hide',
      enabled: true,
    });
    const row = details.querySelector('li[data-entry="2"]');
    expect(row?.textContent).toBe('Work 2 · 2HiddenUndo');
    // The button the user pressed is still there, focused, and now says Undo.
    expect(document.activeElement).toBe(hide);
    expect(hide.getAttribute('aria-label')).toBe('Undo hiding Work 2');
    await ui.click(hide);
    expect(hidden(ui)).toEqual([]);
    expect(row?.textContent).toBe('Work 2 · 2Hide');
    expect(ui.root.querySelector('#notice')?.textContent).toBe('Work 2 is shown again.Undo');
  });

  it('an entry without a title is named in words for its button', async () => {
    const ui = mount();
    await open(ui);
    await ui.click(ui.button('Hide the AO3 work 3 on every visit, without a tag rule'));
    expect(hidden(ui)).toEqual(['entry:ao3/3']);
  });

  it('says so when the list an entry went to does not act here (switched off)', async () => {
    const ui = mount();
    const details = await open(ui);
    await ui.click(ui.button('Hide Work 1 on every visit, without a tag rule'));
    await ui.store.change((s) => {
      const list = s.lists.find((l) => l.id === 'hidden-one-by-one');
      if (list) list.enabled = false;
    });
    await ui.flush();
    expect(details.querySelector('li[data-entry="1"]')?.textContent).toBe(
      'Work 1 · 1In “Hidden entries”, which is not on hereUndo',
    );
  });

  it('a page of many entries gets a filter, by title or id', async () => {
    const many: PageEntries = {
      site: 'ao3',
      total: 40,
      entries: Array.from({ length: 40 }, (_, i) => ({ id: String(i), title: `Work ${i}` })),
    };
    const ui = mount(PAGE, many);
    const details = await open(ui);
    const filter = details.querySelector('#entry-filter') as HTMLInputElement;
    filter.value = 'work 3';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    await ui.flush();
    expect([...details.querySelectorAll('li')].map((li) => li.dataset.entry)).toEqual([
      '3',
      '30',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
      '37',
      '38',
      '39',
    ]);
  });

  it('says when the page has no entry it can name', async () => {
    const ui = mount(PAGE, { site: 'ao3', total: 0, entries: [] });
    const details = await open(ui);
    expect(details.textContent).toContain('Tagveil reads no entry with an id on this page.');
  });
});
