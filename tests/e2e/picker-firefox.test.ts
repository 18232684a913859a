import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@wxt-dev/browser';
import puppeteer, { type Browser as Firefox, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/find-browser';
import { defaultSettings } from '../../src/settings/schema';
import { planSync } from '../../src/settings/sync-layout';
import { MARK_VALUE } from './marks';

const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const ORIGIN = 'https://catalog.example';
const URL = `${ORIGIN}/stories`;
const HOST = 'tagveil-picker';

const STORIES: [string, string, string[]][] = [
  ['s1', 'A quiet summer', ['Slice of Life', 'Fluff']],
  ['s2', 'Borrowed wife', ['Drama', 'Netorare']],
  ['s3', 'Night shift', ['Romance']],
  ['s4', 'Two rooms', ['Drama', 'Comedy']],
];

/** The catalog of tests/e2e/picker.test.ts: a site Tagveil does not know. */
const PAGE = `<!doctype html><html lang="en"><head><title>Stories</title></head><body>
<header><nav><a href="#home">Home</a> <a href="#about">About</a></nav></header>
<main><h1>Stories</h1>
${STORIES.map(
  ([id, title, tags]) =>
    `<article class="story" id="${id}"><h2><a href="#${id}-read">${title}</a></h2><ul class="tags">${tags.map((t) => `<li><a href="#tag-${t.replace(/ /gu, '-')}">${t}</a></li>`).join('')}</ul></article>`,
).join('\n')}
</main>
<script>window.pageClicks = 0; document.addEventListener('click', () => { window.pageClicks++; });</script>
</body></html>`;

/** What the picker shows, read from its closed shadow root by a Tagveil content script (Firefox's `openOrClosedShadowRoot`). */
interface PickerView {
  text: string;
  entrySelector: string | null;
  tagSelector: string | null;
  entryBoxes: number;
  tagBoxes: number;
  /** Each button's label → its centre, in the page's viewport. */
  buttons: Record<string, [number, number]>;
}

/** The extension's own tab (the onboarding page it opens at install): WebDriver BiDi cannot open one, but sees it. */
async function extensionPage(browser: Firefox): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('onboarding')) return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the extension opened no page of its own');
}

/** The extension page whose address includes `part`, once the extension has opened it. */
async function pageAt(browser: Firefox, part: string): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    for (const page of await browser.pages())
      if ((await page.evaluate(() => location.href).catch(() => '')).includes(part)) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no page at …${part}`);
}

/** The extension's APIs in its own pages, where `ext.evaluate` callbacks run (Firefox's `browser`). */
type Api = typeof Browser;

/**
 * Firefox ESR over WebDriver BiDi, the release Firefox build as a temporary add-on. BiDi cannot click the
 * toolbar button, so the real popup is opened with `action.openPopup()` (allowed without a gesture by a
 * test pref) and its "Use Tagveil on this site" clicked: the popup injects the picker as for a user, with
 * `scripting.executeScript`. That click grants no activeTab here, so the site is granted first through
 * `permissions.request` on a click in an extension page (Firefox's prompt switched off by a test pref),
 * as the Chromium e2e uses a build holding the site. The picker's closed shadow root is read by a content
 * script (`openOrClosedShadowRoot`, Firefox's API for extensions); every click on the page and the panel
 * is a real (trusted) mouse or key event.
 */
describe('the picker in Firefox', () => {
  let firefox: Firefox;
  let ext: Page;

  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
      throw new Error('run "npm run build:firefox" (or build:all) first');
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findBrowser('firefox'),
      headless: true,
      protocol: 'webDriverBiDi',
      extraPrefsFirefox: {
        'extensions.openPopupWithoutUserGesture.enabled': true,
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    await firefox.installExtension(FIREFOX_BUILD);
    ext = await extensionPage(firefox);
    const settings = defaultSettings();
    settings.lists[0]?.patterns.push('netorare');
    await ext.evaluate(
      (items) => (globalThis as unknown as { browser: Api }).browser.storage.sync.set(items),
      planSync(settings, Date.now()).items as Record<string, unknown>,
    );
    // The site, granted as a user allows it: a click on an extension page asks the browser.
    await ext.evaluate((origin) => {
      const { browser } = globalThis as unknown as { browser: Api };
      const button = document.createElement('button');
      button.id = 'grant-for-test';
      button.textContent = 'grant';
      button.style.cssText = 'position:fixed;top:0;left:0;z-index:99999';
      button.onclick = () => {
        void browser.permissions.request({ origins: [`${origin}/*`] }).then((granted: boolean) => {
          button.dataset.granted = String(granted);
        });
      };
      document.body.append(button);
    }, ORIGIN);
    await ext.bringToFront();
    await ext.click('#grant-for-test');
    await ext.waitForSelector('#grant-for-test[data-granted="true"]');
  });

  afterAll(async () => {
    await firefox?.close();
  });

  async function catalogTab(): Promise<Page> {
    const page = await firefox.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === URL)
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
      else void request.respond({ status: 404, body: '' });
    });
    await page.goto(URL);
    await page.bringToFront();
    return page;
  }

  /** The popup, over the catalog's tab (the active one): "Use Tagveil on this site". */
  async function startPicker(page: Page): Promise<void> {
    await page.bringToFront();
    await ext.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: Api };
      await browser.action.openPopup();
      for (let i = 0; i < 100; i++) {
        const popup = browser.extension.getViews({ type: 'popup' })[0] as Window | undefined;
        const button = popup?.document.getElementById('add-site');
        if (button) {
          button.click();
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the popup offered no "Use Tagveil on this site"');
    });
    await page.waitForSelector(HOST);
  }

  async function view(page: Page): Promise<PickerView | null> {
    await page.bringToFront();
    return ext.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: Api };
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const [answer] = await browser.scripting.executeScript({
        target: { tabId: tab?.id ?? -1 },
        func: () => {
          const host = document.querySelector('tagveil-picker') as
            | (Element & { openOrClosedShadowRoot?: ShadowRoot | null })
            | null;
          const root = host?.openOrClosedShadowRoot;
          if (!root) return null;
          const input = (id: string) => (root.getElementById(id) as HTMLInputElement | null)?.value ?? null;
          const buttons: Record<string, [number, number]> = {};
          for (const b of root.querySelectorAll('button')) {
            const r = b.getBoundingClientRect();
            buttons[b.textContent ?? ''] = [r.left + r.width / 2, r.top + r.height / 2];
          }
          return {
            text: root.querySelector('.panel')?.textContent ?? '',
            entrySelector: input('entry-selector'),
            tagSelector: input('tag-selector'),
            entryBoxes: root.querySelectorAll('.box.entry').length,
            tagBoxes: root.querySelectorAll('.box.tag').length,
            buttons,
          };
        },
      });
      return (answer?.result as PickerView | null | undefined) ?? null;
    });
  }

  const text = async (page: Page) => (await view(page))?.text ?? '';

  async function clickButton(page: Page, name: string): Promise<void> {
    const at = (await view(page))?.buttons[name];
    if (!at) throw new Error(`no "${name}" button in the picker`);
    await page.mouse.click(at[0], at[1]);
  }

  it('starts from the popup, picks an entry and a tag with clicks, counts them live, and Escape leaves the page as it was', async () => {
    const page = await catalogTab();
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await startPicker(page);
    await expect.poll(() => text(page)).toContain('Click one entry of the list');
    await page.click('#s2 h2 a');
    // The page's own click handlers and links got nothing.
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    expect(page.url()).toBe(URL);
    await expect.poll(() => text(page)).toContain('Now click one of its tags');
    await page.click('#s2 li:nth-child(2) a');
    await expect.poll(() => text(page)).toContain('4 entries, 7 tags');
    const shown = await view(page);
    expect(shown?.entrySelector).toBe('article');
    expect(shown?.tagSelector).toBe('ul.tags a');
    expect(shown?.entryBoxes).toBe(4);
    expect(shown?.tagBoxes).toBe(7);

    // The page adds an entry of its own: counted and outlined.
    await page.evaluate(() => {
      const more = document.createElement('article');
      more.className = 'story';
      more.innerHTML = '<h2><a href="#s5">Late</a></h2><ul class="tags"><li><a href="#t">Drama</a></li></ul>';
      document.querySelector('main')?.append(more);
    });
    await expect.poll(() => text(page)).toContain('5 entries, 8 tags');
    await expect.poll(async () => (await view(page))?.entryBoxes).toBe(5);
    await page.evaluate(() => document.querySelector('main > article:last-child')?.remove());
    await expect.poll(() => text(page)).toContain('4 entries, 7 tags');

    // The panel's buttons work with the mouse.
    await clickButton(page, 'Wider entry');
    await expect.poll(() => text(page)).toContain('1 entry, 7 tags');
    await clickButton(page, 'Narrower entry');
    await expect.poll(() => text(page)).toContain('4 entries, 7 tags');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.$$eval(HOST, (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.click('#s1 h2 a');
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(1);
    await page.close();
  });

  it('saves: the options form comes filled in, Add site adds it, and the tab is filtered without a reload by hand', async () => {
    const page = await catalogTab();
    await startPicker(page);
    await page.click('#s2 h2 a');
    await page.click('#s2 li:nth-child(2) a');
    await expect.poll(() => text(page)).toContain('4 entries, 7 tags');
    await clickButton(page, 'Save');
    const options = await pageAt(firefox, 'options.html');
    await expect.poll(() => page.$$eval(HOST, (els) => els.length)).toBe(0);
    await options.bringToFront();
    await options.waitForSelector('#custom-site-form input[name="entry"]');
    expect(await options.$eval('#custom-site-form input[name="origin"]', (el) => el.value)).toBe(ORIGIN);
    expect(await options.$eval('#custom-site-form input[name="entry"]', (el) => el.value)).toBe('article');
    expect(await options.$eval('#custom-site-form input[name="tags"]', (el) => el.value)).toBe('ul.tags a');
    await options.click('#custom-site-form button[type="submit"]');
    await options.waitForFunction(() =>
      /^Added catalog\.example/u.test(document.getElementById('notice-sites')?.textContent ?? ''),
    );
    // The extension reloads the picked tab once the site's script is registered.
    await page.waitForFunction(
      (hide) => document.getElementById('s2')?.getAttribute('data-tagveil') === hide,
      { timeout: 10_000 },
      MARK_VALUE.hide,
    );
    expect(await page.$$eval('article[data-tagveil-seen]', (els) => els.length)).toBe(4);
    expect(await page.$$eval('[data-tagveil]', (els) => els.length)).toBe(1);
  });
});
