import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { seriousViolations } from './axe';
import {
  clickVeilButton,
  type ExtensionBrowser,
  GRANTED_EXTENSION_DIR,
  launchWithExtension,
  openPopup,
  readSettings,
  servePages,
  storeSettings,
  tabIdOf,
} from './harness';
import { MARK_VALUE } from './marks';
import { worksPage } from './pages';

declare const chrome: typeof Browser;

// "Hide this one" end to end: from a veil, from the popup's list of entries, on a site the user added;
// written by the background only; listed in words in the options; undone from both.

const URL = 'https://archiveofourown.org/tags/Original%20Work/works';
const POPUP_MAX_HEIGHT = 600;

/** Runs `expression` in the world of Tagveil's content script on `page`, as a page that took it over could. */
async function inContentScript(browser: ExtensionBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`,
    );
    if (!world) throw new Error('no content script world');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Counts, in the content script's world, every storage write it makes from now on. */
const COUNT_WRITES = `(() => {
  globalThis.__writes = [];
  for (const [areaName, area] of [['sync', chrome.storage.sync], ['local', chrome.storage.local]]) {
    for (const name of ['set', 'remove', 'clear']) {
      const original = area[name].bind(area);
      area[name] = (...args) => {
        const keys = typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? Object.keys(args[0]) : args[0];
        globalThis.__writes.push(areaName + ' ' + name + ' ' + JSON.stringify(keys));
        return original(...args);
      };
    }
  }
  return true;
})()`;

const SEND = (message: object) => `chrome.runtime.sendMessage(${JSON.stringify(message)}).then(
  (answer) => ({ answer: answer ?? null }),
  (error) => ({ refused: String(error?.message ?? error) }),
)`;

const entryRules = (s: Settings | null | undefined) =>
  (s?.lists ?? []).flatMap((l) => l.patterns).filter((p) => p.startsWith('entry:'));

async function popupHeight(popup: Page): Promise<number> {
  await popup.setViewportSize({ width: 360, height: POPUP_MAX_HEIGHT });
  return popup.evaluate(() => document.documentElement.scrollHeight);
}

async function launch(args: string[] = []): Promise<{ browser: ExtensionBrowser; page: Page }> {
  const browser = await launchWithExtension({ args });
  await servePages(browser.context, { [URL]: worksPage(20) });
  const settings = defaultSettings();
  const mine = settings.lists[0];
  // Works 0, 7 and 14 carry "Netorare": blurred, each with Show and "Hide this one".
  if (mine) Object.assign(mine, { action: 'blur', patterns: ['Netorare'] });
  await storeSettings(browser.worker, settings);
  const page = await browser.context.newPage();
  await page.goto(URL);
  await page.waitForSelector('li.blurb[data-tagveil-seen]', { state: 'attached' });
  return { browser, page };
}

describe('"Hide this one" on AO3', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launch());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a veil’s "Hide this one" hides the work by its id, written by the background, not the page’s script', async () => {
    await expect.poll(() => page.locator('#work_7').getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    expect(await inContentScript(browser, page, COUNT_WRITES)).toBe(true);
    await clickVeilButton(page, '#work_7', 'Hide this one');
    await expect.poll(() => page.locator('#work_7').getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    const settings = await readSettings(browser.worker);
    expect(settings?.lists.find((l) => l.id === 'hidden-one-by-one')).toMatchObject({
      name: 'Hidden entries',
      action: 'hide',
      patterns: ['entry:ao3/7'],
    });
    // Its only writes are the store's own copy of the settings it read (this device's last good copy).
    const writes = (await inContentScript(browser, page, 'globalThis.__writes')) as string[];
    expect(writes.filter((w) => !/^local set \["settings-last-good"/u.test(w))).toEqual([]);
  });

  it('a content script asking to hide another site’s entry, or to add a rule, is refused and nothing is written', async () => {
    const before = await readSettings(browser.worker);
    expect(
      await inContentScript(browser, page, SEND({ type: 'tagveil:hide-entry', site: 'e621', id: '1' })),
    ).toEqual({ refused: expect.stringContaining('cannot hide an entry of e621') });
    expect(
      await inContentScript(
        browser,
        page,
        SEND({ type: 'tagveil:hide-entry', site: 'ao3', id: '1 netorare' }),
      ),
    ).toEqual({ answer: null });
    expect(
      await inContentScript(
        browser,
        page,
        SEND({ type: 'tagveil:add-rule', listId: 'my-blocklist', rule: 'Fluff' }),
      ),
    ).toEqual({ answer: null });
    await page.waitForTimeout(300);
    expect(await readSettings(browser.worker)).toEqual(before);
  });

  it('the popup lists the page’s entries under a closed <details>, and still fits 600 px', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    expect(await popup.locator('#entries-on-page summary').textContent()).toBe('Entries on this page (20)');
    expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await popup.close();
  });

  it('Hide in the popup’s list hides that work on the page at once; Undo, on the same button, shows it again', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    await popup.getByText(/^Entries on this page/u).click();
    const row = popup.locator('#entries li[data-entry="3"]');
    await expect.poll(() => row.textContent()).toBe('Work 3 · 3Hide');
    // Hidden already by its veil: it says so, with Undo.
    expect(await popup.locator('#entries li[data-entry="7"]').textContent()).toBe('Work 7 · 7HiddenUndo');
    const hide = popup.getByRole('button', { name: 'Hide Work 3 on every visit, without a tag rule' });
    await hide.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => page.locator('#work_3').getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    await expect.poll(() => row.textContent()).toBe('Work 3 · 3HiddenUndo');
    expect(entryRules(await readSettings(browser.worker))).toEqual(['entry:ao3/7', 'entry:ao3/3 # Work 3']);
    // Focus stayed on the button the user pressed, which now undoes.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Undo hiding Work 3',
    );
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('Enter');
    await expect.poll(() => page.locator('#work_3').getAttribute('data-tagveil')).toBeNull();
    await expect.poll(() => row.textContent()).toBe('Work 3 · 3Hide');
    await popup.close();
  });

  it('the filter finds an entry among many', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    await popup.getByText(/^Entries on this page/u).click();
    await popup.getByLabel('Filter entries by title or id').fill('work 1');
    await expect
      .poll(() =>
        popup.locator('#entries li').evaluateAll((li) => li.map((l) => l.getAttribute('data-entry'))),
      )
      .toEqual(['1', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19']);
    await popup.close();
  });

  it('the options page lists the hidden work in words, and Show again brings it back on the page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#hidden`);
    const rows = options.locator('#hidden-entries li');
    await expect.poll(() => rows.allTextContents()).toEqual(['the AO3 work 7Show again']);
    expect(await seriousViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'Show again: the AO3 work 7' }).click();
    await expect
      .poll(() => options.locator('#notice-hidden').textContent())
      .toBe('the AO3 work 7 is shown again.Undo');
    await expect.poll(() => page.locator('#work_7').getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('#work_7').getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    await options.close();
  });
});

describe('the popup’s entries in Japanese', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launch(['--lang=ja']));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fits 600 px with the list of entries, closed', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    expect(await popup.locator('#entries-on-page summary').textContent()).toBe('このページの項目（20）');
    expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  });
});

describe('"Hide this one" on a site the user added', () => {
  const ORIGIN = 'https://catalog.example';
  const LIST = `${ORIGIN}/list`;
  const PAGE = `<!doctype html><html><head><title>Catalog</title></head><body><main>
${[
  ['/stories/1', 'A quiet summer', 'Fluff'],
  ['/stories/2#top', 'Borrowed wife', 'Netorare'],
  ['/stories/3', 'Night shift', 'Romance'],
]
  .map(
    ([href, title, tag]) =>
      `<article class="story"><h2><a href="${href}">${title}</a></h2><ul class="tags"><li><a href="/t/${tag}">${tag}</a></li></ul></article>`,
  )
  .join('\n')}
</main></body></html>`;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: GRANTED_EXTENSION_DIR });
    await servePages(browser.context, { [LIST]: PAGE });
    const settings = defaultSettings();
    const mine = settings.lists[0];
    if (mine) Object.assign(mine, { action: 'blur', patterns: ['netorare'] });
    settings.customSites.push({
      id: 'custom-catalog-example',
      name: 'Catalog',
      origin: ORIGIN,
      entrySelector: 'article.story',
      tagSelector: '.tags a',
      titleSelector: 'h2',
    });
    await storeSettings(browser.worker, settings);
    // The background registers the added site's script once it reads the settings.
    for (let tries = 0; tries < 50; tries++) {
      const scripts = await browser.worker.evaluate(
        async () => (await chrome.scripting.getRegisteredContentScripts()).length,
      );
      if (scripts > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    page = await browser.context.newPage();
    await page.goto(LIST);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides an entry by its first link from its veil, and the options name it by the site’s name', async () => {
    const second = 'article.story:nth-of-type(2)';
    await expect.poll(() => page.locator(second).getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    await clickVeilButton(page, second, 'Hide this one');
    await expect.poll(() => page.locator(second).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(entryRules(await readSettings(browser.worker))).toEqual([
      'entry:custom-catalog-example//stories/2',
    ]);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#hidden`);
    await expect
      .poll(() => options.locator('#hidden-entries li').allTextContents())
      .toEqual(['the Catalog entry /stories/2Show again']);
    await options.close();
  });

  it('and from the popup’s list of entries', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    await popup.getByText(/^Entries on this page/u).click();
    await popup.getByRole('button', { name: 'Hide Night shift on every visit, without a tag rule' }).click();
    await expect
      .poll(() => page.locator('article.story:nth-of-type(3)').getAttribute('data-tagveil'))
      .toBe(MARK_VALUE.hide);
    expect(entryRules(await readSettings(browser.worker))).toContain(
      'entry:custom-catalog-example//stories/3 # Night shift',
    );
  });
});
