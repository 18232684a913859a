// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageState } from '../messages';
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

/** The popup against settings in memory, a page that answers counts from a table, and a clock run by hand. */
function mount(page: PageState | null = PAGE) {
  let settings: Settings = defaultSettings();
  (settings.lists[0] as Settings['lists'][number]).patterns = ['Fluff'];
  const watchers: ((l: LoadedSettings) => void)[] = [];
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
  return { store, root, flush, runTimers, type, click, button, arrive, settings: () => settings, deps };
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
