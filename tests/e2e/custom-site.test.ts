import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/settings/schema';
import {
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

declare const chrome: typeof Browser;

const ORIGIN = 'https://catalog.example';
const URL = `${ORIGIN}/list`;

/** A catalog site Tagveil does not know, written for this test. */
const PAGE = `<!doctype html><html><head><title>Catalog</title></head><body><main>
${[
  ['s1', 'A quiet summer', ['Slice of Life', 'Fluff']],
  ['s2', 'Borrowed wife', ['Drama', 'Netorare']],
  ['s3', 'Night shift', ['Romance']],
]
  .map(
    ([id, title, tags]) =>
      `<article class="story" id="${id}"><h2>${title}</h2><ul class="tags">${(tags as string[]).map((t) => `<li><a href="/t/${t}">${t}</a></li>`).join('')}</ul></article>`,
  )
  .join('\n')}
</main></body></html>`;

describe('a site the user adds', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: GRANTED_EXTENSION_DIR });
    await servePages(browser.context, { [URL]: PAGE });
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('netorare');
    await storeSettings(browser.worker, settings);
    options = await browser.context.newPage();
    await options.goto(
      `chrome-extension://${browser.extensionId}/options.html?site=${encodeURIComponent(ORIGIN)}#custom-sites`,
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('on a site it does not know, the popup offers "Use Tagveil on this site" (the picker) or typing the selectors, which opens the form', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL);
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await expect.poll(() => popup.getByRole('button', { name: 'Use Tagveil on this site' }).count()).toBe(1);
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Type the selectors instead' }).click();
    const form = await opened;
    await form.waitForLoadState();
    expect(form.url()).toBe(
      `chrome-extension://${browser.extensionId}/options.html?site=${encodeURIComponent(ORIGIN)}#custom-sites`,
    );
    await form.close();
    await popup.close();
    await page.close();
  });

  it('refuses a selector that cannot be read, and adds nothing', async () => {
    await options.getByLabel('Each entry (CSS selector)').fill('article[');
    await options.getByLabel('Each tag inside an entry').fill('.tags a');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect
      .poll(() => options.locator('#notice-sites').textContent())
      .toMatch(/^Each entry \(CSS selector\): this selector cannot be read/u);
    expect((await readSettings(browser.worker))?.customSites).toEqual([]);
  });

  it('adds the site from the options page: the address comes from the popup, the selectors from the user', async () => {
    expect(await options.getByLabel('Site address (https://host)').inputValue()).toBe(ORIGIN);
    await options.getByLabel('Each entry (CSS selector)').fill('article.story');
    await options.getByLabel('Each tag inside an entry').fill('.tags a');
    await options.getByLabel('The title inside an entry (optional)').fill('h2');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect
      .poll(() => options.locator('#notice-sites').textContent())
      .toMatch(/^Added catalog\.example/u);
    await expect
      .poll(() =>
        browser.worker.evaluate(async () =>
          (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches]),
        ),
      )
      .toEqual([['custom-catalog-example', [`${ORIGIN}/*`]]]);
  });

  it('filters the site’s pages from then on, entry by entry, and the popup counts them', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL);
    await expect.poll(() => page.locator('#s2').getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(await page.locator('article.story[data-tagveil-seen]').count()).toBe(3);
    expect(await page.locator('#s1').getAttribute('data-tagveil')).toBeNull();
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await expect
      .poll(() => popup.locator('#counts').textContent())
      .toBe('1 hidden · 0 blurred · 0 labelled of 3 entries');
    await popup.close();
  });

  it('a site whose address was not granted waits for permission, and says so', async () => {
    const settings = await readSettings(browser.worker);
    if (!settings) throw new Error('no settings');
    settings.customSites.push({
      id: 'custom-other-example',
      name: 'other.example',
      origin: 'https://other.example',
      entrySelector: 'article',
      tagSelector: 'a',
    });
    await storeSettings(browser.worker, settings);
    await expect
      .poll(() => options.locator('#custom-sites').textContent())
      .toContain('other.example: waiting for permission to run there');
    expect(await options.locator('#custom-sites').textContent()).not.toContain('catalog.example: waiting');
    // Nothing runs there meanwhile.
    await expect
      .poll(() =>
        browser.worker.evaluate(async () =>
          (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
        ),
      )
      .toEqual(['custom-catalog-example']);
    await options.getByRole('button', { name: 'Remove other.example' }).click();
    await expect.poll(async () => (await readSettings(browser.worker))?.customSites.length).toBe(1);
  });

  it('removing the site stops it', async () => {
    await options.getByRole('button', { name: 'Remove catalog.example' }).click();
    await expect
      .poll(() =>
        browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
      )
      .toBe(0);
    const page = await browser.context.newPage();
    await page.goto(URL);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-tagveil]').count()).toBe(0);
    expect(await page.locator('[data-tagveil-seen]').count()).toBe(0);
  });
});
