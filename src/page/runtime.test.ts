// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishText } from '../../tests/locale-text';
import type { PageState } from '../messages';
import { defaultSettings, type Settings } from '../settings/schema';
import {
  type PageSettings,
  readSnapshot,
  SNAPSHOT_KEY,
  SNAPSHOT_REQUEST,
  snapshotOf,
} from '../settings/snapshot';
import { loadSettings, saveSettings } from '../settings/store';
import { ao3 } from '../sites/ao3';
import { customAdapter } from '../sites/custom';
import { PAGE_DATA_EVENT } from '../sites/page-data';
import { learnInto, type SiteAdapter } from '../sites/types';
import { ContentScriptContext, scriptStartedEvent } from './context';
import { pageDataSource } from './facts-page';
import { INTERSTITIAL_TAG } from './interstitial';
import { runCatalog, SETTINGS_TIMEOUT_MS } from './runtime';
import { EFFECTS_CSS, HELD_ATTR, holdEntriesCss, MARK_ATTR, MARK_VALUE, SEEN_ATTR } from './styles';
import { MAX_TIMER_MS } from './timer';
import { PAGE_UI } from './ui';

function page(...freeforms: string[][]): HTMLOListElement {
  const ol = document.createElement('ol');
  ol.className = 'work index group';
  freeforms.forEach((tags, i) => {
    const li = document.createElement('li');
    li.className = 'work blurb group';
    li.id = `work_${i}`;
    const ul = document.createElement('ul');
    ul.className = 'tags';
    for (const tag of tags) {
      const item = document.createElement('li');
      item.className = 'freeforms';
      const a = document.createElement('a');
      a.className = 'tag';
      a.textContent = tag;
      item.append(a);
      ul.append(item);
    }
    li.append(ul);
    ol.append(li);
  });
  document.body.append(ol);
  return ol;
}

/**
 * What the background does for pages (entrypoints/background.ts): a snapshot of the settings written at
 * every change, and the full read answered when a page asks.
 */
function fakeBackground(): void {
  const write = async () => {
    const snapshot = snapshotOf(await loadSettings());
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
    return snapshot;
  };
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' || (area === 'local' && !(SNAPSHOT_KEY in changes))) void write();
  });
  fakeBrowser.runtime.onMessage.addListener(((message: { type?: string }) =>
    message?.type === SNAPSHOT_REQUEST ? write() : undefined) as Parameters<
    typeof fakeBrowser.runtime.onMessage.addListener
  >[0]);
}

const effectStyles = () =>
  [...document.querySelectorAll('style')].filter((s) => s.textContent === EFFECTS_CSS);
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('runCatalog lifetime', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    fakeBackground();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('netorare');
    await saveSettings(settings);
  });
  afterEach(() => {
    document.body.replaceChildren();
    for (const s of document.querySelectorAll('style')) s.remove();
  });

  it('a second copy of the same version (a double injection) is turned away; the first keeps working', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const first = new ContentScriptContext('catalog');
    runCatalog(first, ao3, { ui: PAGE_UI });
    await settled();
    const second = new ContentScriptContext('catalog');
    runCatalog(second, ao3, { ui: PAGE_UI });
    // Started again in the same context: refused too.
    runCatalog(first, ao3, { ui: PAGE_UI });
    await settled();
    expect(first.isInvalid).toBe(false);
    expect(effectStyles()).toHaveLength(1);
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    // Nothing on the page says Tagveil runs: the guard is the content script's own.
    expect(document.documentElement.attributes).toHaveLength(0);
    first.notifyInvalidated();
    second.notifyInvalidated();
  });

  it('an update (the old copy’s extension context gone) hands the page to the new copy', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const old = new ContentScriptContext('catalog');
    runCatalog(old, ao3, { ui: PAGE_UI });
    await settled();
    // The old copy's runtime is gone when the new copy starts and announces itself.
    fakeBrowser.runtime.id = undefined as unknown as string;
    const next = new ContentScriptContext('catalog');
    expect(old.isInvalid).toBe(true);
    fakeBrowser.runtime.id = 'test-extension-id';
    runCatalog(next, ao3, { ui: PAGE_UI });
    await settled();
    expect(effectStyles()).toHaveLength(1);
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    next.notifyInvalidated();
  });

  it('a page cannot stop it: not by the "newer instance" event, its style removed, or a guard attribute', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    // A page's guess at a guard (the attribute an older version used) changes nothing.
    document.documentElement.setAttribute('data-tagveil-running', '');
    const ctx = new ContentScriptContext('catalog');
    runCatalog(ctx, ao3, { ui: PAGE_UI });
    await settled();
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    // The "newer instance" event, as a page can fire it (its name: the extension's id, the script's name).
    document.dispatchEvent(
      new CustomEvent(scriptStartedEvent('catalog'), {
        detail: { contentScriptName: 'catalog', messageId: 'forged' },
      }),
    );
    expect(ctx.isInvalid).toBe(false);
    for (const style of effectStyles()) style.remove();
    await settled();
    expect(effectStyles()).toHaveLength(1);
    // Edited or switched off: put back as it was.
    const [style] = effectStyles();
    if (style) style.textContent = '';
    await settled();
    expect(effectStyles()).toHaveLength(1);
    // Entries added afterwards are still judged.
    ol.append(page(['Netorare']).children[0] as Element);
    await settled();
    expect(ol.lastElementChild?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    ctx.notifyInvalidated();
    document.documentElement.removeAttribute('data-tagveil-running');
  });

  it('when its context ends, every mark, style and listener goes with it', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const ctx = new ContentScriptContext('catalog');
    runCatalog(ctx, ao3, { ui: PAGE_UI });
    await settled();
    expect(ol.querySelectorAll(`[${SEEN_ATTR}]`)).toHaveLength(2);
    ctx.notifyInvalidated();
    expect(effectStyles()).toHaveLength(0);
    expect(ol.querySelectorAll(`[${SEEN_ATTR}], [${MARK_ATTR}]`)).toHaveLength(0);
    // A new instance can start afterwards (an extension update).
    const next = new ContentScriptContext('catalog');
    runCatalog(next, ao3, { ui: PAGE_UI });
    await settled();
    expect(ol.children[0]?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    next.notifyInvalidated();
  });

  it('re-judges the page when settings change, without reload', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const ctx = new ContentScriptContext('catalog');
    runCatalog(ctx, ao3, { ui: PAGE_UI });
    await settled();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('fluff');
    await saveSettings(settings);
    await settled();
    expect([...ol.children].map((el) => el.getAttribute(MARK_ATTR))).toEqual([null, MARK_VALUE.hide]);
    ctx.notifyInvalidated();
  });

  it('judges nothing again when a change leaves the rules as they were (the badge, another site)', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    let reads = 0;
    const counting = {
      ...ao3,
      read: (...args: Parameters<typeof ao3.read>) => {
        reads++;
        return ao3.read(...args);
      },
    };
    const ctx = new ContentScriptContext('catalog');
    runCatalog(ctx, counting, { ui: PAGE_UI });
    await settled();
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('netorare');
    const before = reads;
    await saveSettings({ ...settings, badge: false, sites: { 'e-hentai': false } });
    await settled();
    expect(reads).toBe(before);
    // A rule added: judged again, from the facts kept for each entry (nothing read again).
    settings.lists[0]?.patterns.push('fluff');
    await saveSettings(settings);
    await settled();
    expect(reads).toBe(before);
    expect([...ol.children].map((el) => el.getAttribute(MARK_ATTR))).toEqual([
      MARK_VALUE.hide,
      MARK_VALUE.hide,
    ]);
    ctx.notifyInvalidated();
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;
const marks = (ol: Element) => [...ol.children].map((el) => el.getAttribute(MARK_ATTR));
const blocking = (...patterns: string[]): Settings => {
  const settings = defaultSettings();
  settings.lists[0]?.patterns.push(...patterns);
  return settings;
};
/** Asks the page as the popup does; the answer comes through sendResponse, maybe after the page UI loaded. */
async function ask(message: unknown): Promise<unknown> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (
    message: unknown,
    sender: unknown,
    sendResponse: (answer: unknown) => void,
  ) => Promise<unknown[]>;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the page did not answer')), 2_000);
    void trigger(message, { id: fakeBrowser.runtime.id }, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

/** Settings as a page reads them from the background's snapshot. */
async function loadPageSettingsOf(settings: Settings): Promise<PageSettings> {
  await saveSettings(settings);
  await settled();
  const stored = await fakeBrowser.storage.local.get(SNAPSHOT_KEY);
  const read = readSnapshot(stored[SNAPSHOT_KEY]);
  if (!read) throw new Error('no snapshot');
  return read;
}

/** AO3's adapter that counts how often it reads the page for spellings to learn. */
function learningAo3(): { learning: SiteAdapter; learned: () => number } {
  let count = 0;
  const learning: SiteAdapter = {
    ...ao3,
    learnDictionary: () => {
      count++;
      return {};
    },
  };
  return { learning, learned: () => count };
}

async function pageState(): Promise<PageState> {
  return (await ask({ type: 'tagveil:get-page-state' })) as PageState;
}

describe('runCatalog under faults', () => {
  let ctx: ContentScriptContext;
  beforeEach(async () => {
    fakeBrowser.reset();
    fakeBackground();
    await saveSettings(blocking('netorare'));
    ctx = new ContentScriptContext('catalog');
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    vi.restoreAllMocks();
    document.body.replaceChildren();
    for (const s of document.querySelectorAll('style')) s.remove();
  });

  it('a first read of the settings that resolves after a newer one is dropped: the newest rules stay', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    const older = await loadSettings();
    let resolveFirst: (loaded: PageSettings) => void = () => undefined;
    const first = new Promise<PageSettings>((resolve) => {
      resolveFirst = resolve;
    });
    runCatalog(ctx, ao3, { ui: PAGE_UI }, document, first);
    // Entries are held back (unpainted) while no settings are in.
    expect([...ol.children].every((el) => el.hasAttribute(HELD_ATTR))).toBe(true);
    await saveSettings(blocking('fluff'));
    await settled();
    expect(marks(ol)).toEqual([null, MARK_VALUE.hide]);
    expect(ol.querySelectorAll(`[${HELD_ATTR}]`)).toHaveLength(0);
    resolveFirst({ ...older, regex: {}, parsed: {} });
    await settled();
    expect(marks(ol)).toEqual([null, MARK_VALUE.hide]);
  });

  it.each([
    ['a pause', (s: Settings, at: number) => Object.assign(s, { pausedUntil: at })],
    ['a snooze', (s: Settings, at: number) => Object.assign(s.lists[0] ?? {}, { snoozedUntil: at }) && s],
  ])('%s 40 days away arms no timer past 2^31-1 ms and does not fire early', async (_, set) => {
    const delays: number[] = [];
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return real(fn, Math.min(ms ?? 0, MAX_TIMER_MS));
    }) as typeof setTimeout);
    await saveSettings(set(blocking('netorare'), Date.now() + 40 * DAY_MS));
    const ol = page(['Netorare'], ['Fluff']);
    runCatalog(ctx, ao3, { ui: PAGE_UI });
    await new Promise((resolve) => real(resolve, 100));
    expect(marks(ol)).toEqual([null, null]);
    expect(delays.filter((ms) => ms > MAX_TIMER_MS)).toEqual([]);
    // One wake-up armed, not one after another.
    expect(delays.filter((ms) => ms === MAX_TIMER_MS)).toHaveLength(1);
  });

  it('one entry that cannot be read is shown as written and reported once; the rest are judged', async () => {
    const ol = page(['Netorare'], ['Odd'], ['Netorare']);
    const odd: SiteAdapter = {
      ...ao3,
      read(entry, needs) {
        if (entry.id === 'work_1') throw new Error('unexpected markup');
        return ao3.read(entry, needs);
      },
    };
    runCatalog(ctx, odd, { ui: PAGE_UI });
    await settled();
    expect(marks(ol)).toEqual([MARK_VALUE.hide, null, MARK_VALUE.hide]);
    expect(ol.querySelectorAll(`[${HELD_ATTR}]`)).toHaveLength(0);
    // Judged again (a rule added): still one entry, said once.
    await saveSettings(blocking('netorare', 'fluff'));
    await settled();
    const problems = (await pageState()).problems
      .map(englishText)
      .filter((p) => p.includes('unexpected markup'));
    expect(problems).toEqual([expect.stringContaining('1 entries')]);
  });

  it('a page UI that cannot load: the popup still gets the page’s problems, that one first, and no counts', async () => {
    // A rule that does not read: a problem of its own, said after the page UI's.
    await saveSettings(blocking('netorare', '/(/'));
    const ol = page(['Netorare'], ['Fluff']);
    const blocked = () => Promise.reject(new Error('blocked by the page'));
    runCatalog(ctx, ao3, { ui: blocked });
    await settled();
    // Filtered by the marks all the same.
    expect(marks(ol)).toEqual([MARK_VALUE.hide, null]);
    const state = await pageState();
    expect(state.active).toBe(true);
    expect(state.entries).toBe(2);
    expect(state.counts).toEqual({ hide: 0, collapse: 0, blur: 0, label: 0 });
    expect(state.problems.map(englishText)).toContainEqual(
      expect.stringContaining('The veils could not be drawn on this page (blocked by the page)'),
    );
    expect(state.problems).toHaveLength(2);
    expect(englishText(state.problems[0] as (typeof state.problems)[number])).toContain(
      'The veils could not be drawn',
    );
    // A typed rule's count cannot be answered: the popup shows none rather than a wrong one.
    expect(await ask({ type: 'tagveil:count-matches', rule: 'netorare' })).toBeNull();
  });

  it('the site\u2019s data (nhentai\u2019s names) is in before the first pass, however late it comes', async () => {
    const ol = page(['Wife Swap X'], ['Fluff']);
    const dictionary = new Map<string, string>();
    let bring: () => void = () => undefined;
    const siteData = () =>
      new Promise<undefined>((resolve) => {
        bring = () => {
          learnInto(dictionary, { 'wife swap x': 'netorare' });
          resolve(undefined);
        };
      });
    runCatalog(ctx, { ...ao3, dictionary }, { ui: PAGE_UI, siteData });
    await settled();
    // The settings are in; the names are not: nothing judged yet, every entry held back.
    expect(marks(ol)).toEqual([null, null]);
    expect([...ol.children].every((el) => el.hasAttribute(HELD_ATTR))).toBe(true);
    // A change of the settings meanwhile waits for the names too (and is the one applied).
    await saveSettings(blocking('netorare', 'fluff'));
    await settled();
    expect([...ol.children].every((el) => el.hasAttribute(HELD_ATTR))).toBe(true);
    bring();
    await settled();
    expect(marks(ol)).toEqual([MARK_VALUE.hide, MARK_VALUE.hide]);
    expect((await pageState()).problems).toEqual([]);
  });

  it('cards that show their tags are judged before the page-data reader comes, and again with it; cards with an id only wait', async () => {
    const works = JSON.stringify({
      site: 'ao3',
      works: [{ id: 'work_1', tags: [{ name: 'Netorare' }], title: '', creators: [] }],
    });
    for (const holdCards of [false, true]) {
      document.body.replaceChildren();
      const ol = page(['Fluff'], ['Angst']);
      const c = new ContentScriptContext('catalog');
      try {
        let bring: () => void = () => undefined;
        const siteData = () =>
          new Promise<typeof pageDataSource>((resolve) => {
            bring = () => resolve(pageDataSource);
          });
        runCatalog(c, { ...ao3, pageData: { holdCards } }, { ui: PAGE_UI, siteData });
        await settled();
        // The settings are in, the reader is not: judged by the cards (hitomi.la), or held (pixiv, MangaDex).
        const held = [...ol.children].map((el) => el.hasAttribute(HELD_ATTR) || !el.hasAttribute(SEEN_ATTR));
        expect(held, `holdCards ${holdCards}`).toEqual([holdCards, holdCards]);
        bring();
        await settled();
        // The page's world hands its works over once the reader says hello.
        document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: works }));
        await settled();
        expect(marks(ol), `holdCards ${holdCards}`).toEqual([null, MARK_VALUE.hide]);
      } finally {
        c.notifyInvalidated();
      }
    }
  });

  it('site data that cannot load: the page is judged without it, and the popup told so while the page is open', async () => {
    const ol = page(['Netorare'], ['Wife Swap X']);
    const siteData = () => Promise.reject(new Error('blocked by the browser'));
    runCatalog(ctx, { ...ao3, name: 'nhentai', dictionary: new Map() }, { ui: PAGE_UI, siteData });
    await settled();
    expect(marks(ol)).toEqual([MARK_VALUE.hide, null]);
    const said = async () => (await pageState()).problems.map(englishText);
    expect(await said()).toEqual([
      'Part of what Tagveil needs for nhentai could not be loaded (Error: blocked by the browser): its entries are judged without it (nhentai: by the few tag names Tagveil carries itself; pixiv, hitomi.la, MangaDex: by what their cards show). Reload the page to try again.',
    ]);
    await saveSettings(blocking('fluff', 'netorare'));
    await settled();
    expect(await said()).toHaveLength(1);
  });

  it('a "Hide this one" the background could not save is said, and still said after the rules change', async () => {
    await saveSettings({
      ...blocking(),
      lists: [{ id: 'b', name: 'Blur', enabled: true, action: 'blur', patterns: ['netorare'] }],
    });
    const ol = page(['Netorare'], ['Fluff']);
    let hideOne: (() => void) | undefined;
    const ui = {
      ...PAGE_UI,
      applyVerdict: (...args: Parameters<typeof PAGE_UI.applyVerdict>) => {
        hideOne ??= args[2].onHideOne;
        PAGE_UI.applyVerdict(...args);
      },
    };
    runCatalog(ctx, ao3, { ui });
    await settled();
    expect(marks(ol)).toEqual([MARK_VALUE.blur, null]);
    const send = fakeBrowser.runtime.sendMessage;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type?: string }) =>
      message?.type === 'tagveil:hide-entry'
        ? Promise.reject(new Error('storage is full'))
        : send(message)) as typeof send);
    hideOne?.();
    await settled();
    const said = async () => (await pageState()).problems.map(englishText).join('\n');
    expect(await said()).toContain('storage is full');
    // A change of rules applies new settings: the failed click is still said.
    await saveSettings(blocking('fluff'));
    await settled();
    expect(marks(ol)).toEqual([null, MARK_VALUE.hide]);
    expect(await said()).toContain('storage is full');
  });

  it('says when a listing shows no entries (the layout may have changed), and not when it shows some', async () => {
    const layout = (problems: PageState['problems']) =>
      problems.map(englishText).filter((p) => p.includes('found no entries'));
    const ol = page();
    runCatalog(ctx, ao3, { ui: PAGE_UI });
    await settled();
    expect(layout((await pageState()).problems)).toEqual([
      "This Archive of Our Own page looks like a list, but Tagveil found no entries on it: the site's layout may have changed.",
    ]);
    ol.append(page(['Fluff']).firstElementChild as Element);
    await settled();
    expect(layout((await pageState()).problems)).toEqual([]);
  });

  it('answers the popup once the page UI is in, and checks its messages first', async () => {
    page(['Netorare'], ['Fluff']);
    let arrive: (ui: typeof PAGE_UI) => void = () => undefined;
    runCatalog(ctx, ao3, { ui: () => new Promise((resolve) => (arrive = resolve)) });
    await settled();
    const answer = pageState();
    arrive(PAGE_UI);
    expect((await answer).counts.hide).toBe(1);
    // A message that does not read gets no answer it could misread.
    expect(await ask({ type: 'tagveil:count-matches', rule: 7 })).toBeNull();
    expect(await ask({ type: 'tagveil:list-entries' })).toMatchObject({ site: 'ao3', total: 2 });
  });

  it('a detail page gains and loses its warning as the rules change', async () => {
    document.body.innerHTML = `<dl class="work meta group"><dt>Additional Tags:</dt><dd class="freeform tags">
      <ul class="commas"><li><a class="tag">Netorare</a></li></ul></dd></dl><h2 class="title">A work</h2>`;
    const work: SiteAdapter = {
      ...ao3,
      detail: { read: ao3.detail?.read ?? (() => null), isDetailPage: () => true },
    };
    const warning = () => document.querySelectorAll(INTERSTITIAL_TAG).length;
    runCatalog(ctx, work, { ui: PAGE_UI });
    await settled();
    expect(warning()).toBe(1);
    await saveSettings(blocking('fluff'));
    await settled();
    expect(warning()).toBe(0);
    await saveSettings(blocking('netorare'));
    await settled();
    expect(warning()).toBe(1);
    // Tagveil switched off for the site: the warning goes.
    await saveSettings({ ...blocking('netorare'), sites: { ao3: false } });
    await settled();
    expect(warning()).toBe(0);
    for (const el of document.querySelectorAll(INTERSTITIAL_TAG)) el.remove();
  });

  it('a built-in site holds its entries by its own selector until the first pass, reading none meanwhile', async () => {
    const ol = page(['Netorare'], ['Fluff']);
    let reads = 0;
    const counting: SiteAdapter = {
      ...ao3,
      read: (...args: Parameters<typeof ao3.read>) => {
        reads++;
        return ao3.read(...args);
      },
    };
    let arrive: (loaded: PageSettings) => void = () => undefined;
    const first = new Promise<PageSettings>((resolve) => {
      arrive = resolve;
    });
    runCatalog(ctx, counting, { ui: PAGE_UI, holdBySelector: true }, document, first);
    const holds = () =>
      [...document.querySelectorAll('style')].filter(
        (s) => s.textContent === holdEntriesCss(ao3.entrySelector),
      );
    // No settings yet: the stylesheet holds them, no script touched them (and more may stream in).
    expect(holds()).toHaveLength(1);
    ol.append(page(['Netorare']).children[0] as Element);
    await settled();
    expect(reads).toBe(0);
    expect(ol.querySelectorAll(`[${HELD_ATTR}], [${SEEN_ATTR}]`)).toHaveLength(0);
    // The effects' stylesheet comes with the first pass: nothing but the hold is in the page before.
    expect(effectStyles()).toHaveLength(0);
    arrive(await loadPageSettingsOf(blocking('netorare')));
    await settled();
    // The first pass judged every entry, the one added meanwhile too; the hold went with it.
    expect(marks(ol)).toEqual([MARK_VALUE.hide, null, MARK_VALUE.hide]);
    expect(holds()).toHaveLength(0);
    expect(effectStyles()).toHaveLength(1);
    // Entries that come later are judged as they come, as on any page.
    ol.append(page(['Netorare']).children[0] as Element);
    await settled();
    expect(ol.lastElementChild?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
  });

  it('a built-in site listens to the page from its first settings (or their failure), and to the popup at once', async () => {
    page(['Netorare'], ['Fluff']);
    const pageListeners = vi.spyOn(document, 'addEventListener');
    let arrive: (loaded: PageSettings) => void = () => undefined;
    const first = new Promise<PageSettings>((resolve) => {
      arrive = resolve;
    });
    runCatalog(ctx, ao3, { ui: PAGE_UI, holdBySelector: true }, document, first);
    await settled();
    // While the page parses before its settings: the holds, the settings' read and the popup's listener.
    expect(pageListeners.mock.calls.map(([type]) => type)).not.toContain('contextmenu');
    // A popup opened meanwhile is answered (not told the page is no catalog): nothing judged yet.
    expect(await pageState()).toMatchObject({ site: { id: 'ao3' }, active: false });
    arrive(await loadPageSettingsOf(blocking('netorare')));
    await settled();
    expect(pageListeners.mock.calls.map(([type]) => type)).toContain('contextmenu');
    expect((await pageState()).counts.hide).toBe(1);
    pageListeners.mockRestore();
  });

  it('settings that come while the page parses: what waits for the end of the parse runs then, once', async () => {
    page(['Netorare'], ['Fluff']);
    const { learning, learned } = learningAo3();
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    try {
      runCatalog(
        ctx,
        learning,
        { ui: PAGE_UI, holdBySelector: true },
        document,
        loadPageSettingsOf(blocking('netorare')),
      );
      await settled();
      expect(learned()).toBe(0);
    } finally {
      state.mockRestore();
    }
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(learned()).toBe(1);
  });

  it('a copy whose extension goes away before its settings come sets up no listener and learns nothing when they fail', async () => {
    page(['Netorare'], ['Fluff']);
    const pageListeners = vi.spyOn(document, 'addEventListener');
    // Its context's listeners are refused by the context itself; what it would still do is read the page
    // for spellings to learn (and save them) with its extension gone.
    const { learning, learned } = learningAo3();
    let fail: (error: Error) => void = () => undefined;
    const first = new Promise<PageSettings>((_, reject) => {
      fail = reject;
    });
    const old = new ContentScriptContext('catalog');
    runCatalog(old, learning, { ui: PAGE_UI, holdBySelector: true }, document, first);
    old.notifyInvalidated();
    fail(new Error('Extension context invalidated.'));
    await settled();
    expect(pageListeners.mock.calls.map(([type]) => type)).not.toContain('contextmenu');
    expect(learned()).toBe(0);
    pageListeners.mockRestore();
  });

  it('settings that never come: the popup is still answered, and told why nothing was filtered', async () => {
    const pageListeners = vi.spyOn(document, 'addEventListener');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      page(['Netorare'], ['Fluff']);
      runCatalog(ctx, ao3, { ui: PAGE_UI, holdBySelector: true }, document, new Promise(() => {}));
      vi.advanceTimersByTime(SETTINGS_TIMEOUT_MS);
    } finally {
      vi.useRealTimers();
    }
    const state = await pageState();
    expect(state.active).toBe(false);
    expect(state.problems.map(englishText)).toContainEqual(
      expect.stringContaining('Settings did not load in time'),
    );
    // The page's listeners come with the time-out, as they would with the settings.
    expect(pageListeners.mock.calls.map(([type]) => type)).toContain('contextmenu');
    pageListeners.mockRestore();
  });

  it('settings that cannot be read: the page is shown as written, the popup told why, the page listened to', async () => {
    const pageListeners = vi.spyOn(document, 'addEventListener');
    const ol = page(['Netorare'], ['Fluff']);
    const unreadable = Promise.reject<PageSettings>(new Error('storage is damaged'));
    runCatalog(ctx, ao3, { ui: PAGE_UI, holdBySelector: true }, document, unreadable);
    await settled();
    expect(marks(ol)).toEqual([null, null]);
    const state = await pageState();
    expect(state.problems.map(englishText)).toContainEqual(expect.stringContaining('storage is damaged'));
    expect(pageListeners.mock.calls.map(([type]) => type)).toContain('contextmenu');
    pageListeners.mockRestore();
  });

  it.each([
    ['the site switched off', (s: Settings) => Object.assign(s, { sites: { ao3: false } })],
    ['everything paused', (s: Settings) => Object.assign(s, { pausedUntil: Date.now() + DAY_MS })],
  ])('%s: the selector hold goes and the entries are shown untouched', async (_, set) => {
    await saveSettings(set(blocking('netorare')));
    const ol = page(['Netorare'], ['Fluff']);
    runCatalog(ctx, ao3, { ui: PAGE_UI, holdBySelector: true });
    await settled();
    expect(marks(ol)).toEqual([null, null]);
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).not.toContain(ao3.entrySelector);
    expect(ol.querySelectorAll(`[${HELD_ATTR}], [${SEEN_ATTR}]`)).toHaveLength(0);
  });

  it('settings that never come: the selector hold is let go with everything else', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const ol = page(['Netorare'], ['Fluff']);
      runCatalog(ctx, ao3, { ui: PAGE_UI, holdBySelector: true }, document, new Promise(() => {}));
      expect(document.querySelectorAll('style')).not.toHaveLength(0);
      vi.advanceTimersByTime(SETTINGS_TIMEOUT_MS);
      const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
      expect(css).not.toContain(ao3.entrySelector);
      expect(marks(ol)).toEqual([null, null]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an added site’s selectors never go into a stylesheet', async () => {
    const entrySelector = 'li.work[data-kind="story"]';
    const ol = page(['Netorare'], ['Fluff']);
    for (const li of ol.children) li.setAttribute('data-kind', 'story');
    const site = customAdapter({
      id: 'custom-catalog-example',
      name: 'catalog.example',
      origin: 'https://catalog.example',
      entrySelector,
      tagSelector: 'a.tag',
    });
    runCatalog(ctx, site, { ui: PAGE_UI });
    await settled();
    expect(marks(ol)).toEqual([MARK_VALUE.hide, null]);
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).not.toContain('data-kind');
  });
});
