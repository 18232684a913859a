import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  GRANTED_EXTENSION_DIR,
  launchWithExtension,
  readVeil,
  servePages,
  storeSettings,
} from './harness';
import { MARK_VALUE } from './marks';
import { worksPage } from './pages';

/**
 * What a page's own scripts can do to Tagveil: search for the user's words, read its marks, switch it
 * off. docs/privacy.md says what a page can and cannot learn.
 */
const LIST = 'Quiet Shelf Umbra';
const NOTE = 'Moonlit Quokka';
const URL = 'https://archiveofourown.org/tags/Quiet/works';
const WORK_0 = '#work_0'; // carries "Netorare" (every 7th work does)

describe('a page cannot read, search or switch off Tagveil (Chromium)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, { [URL]: worksPage(30) });
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [{ id: 'q', name: LIST, enabled: true, action: 'blur', patterns: [`netorare # ${NOTE}`] }],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(URL);
    await page.waitForSelector(`${WORK_0}[data-tagveil]`, { state: 'attached' });
    return page;
  }

  it('window.find() does not find a list name or a note, while the user still sees and hears the reason', async () => {
    const page = await open();
    // What the user sees (drawn in the closed veil) and what a screen reader reads (the accessibility tree).
    expect((await readVeil(page, WORK_0))?.text).toBe(
      `Content warning: ${NOTE} — list ${LIST} Show Hide this one`,
    );
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { name?: { value?: string } }[];
    };
    await cdp.detach();
    const spoken = nodes.map((n) => n.name?.value ?? '').join('\n');
    expect(spoken).toContain(NOTE);
    // What the page finds: nothing of the user's words, nor any single letter of them (the probe that
    // read them one character at a time).
    const found = await page.evaluate(
      ({ words }) => {
        const find = (text: string) => {
          getSelection()?.removeAllRanges();
          return (window as unknown as { find: (s: string) => boolean }).find(text);
        };
        return {
          words: words.map(find),
          probe: find('Content warning'),
          selection: (() => {
            getSelection()?.selectAllChildren(document.documentElement);
            return getSelection()?.toString() ?? '';
          })(),
        };
      },
      { words: [LIST, NOTE, 'Quokka', 'Umbra'] },
    );
    expect(found.words).toEqual([false, false, false, false]);
    expect(found.probe).toBe(false);
    expect(found.selection).not.toContain(NOTE);
    expect(found.selection).not.toContain(LIST);
    await page.close();
  });

  it('the marks name no action', async () => {
    const page = await open();
    const marks = await page.$$eval('[data-tagveil]', (els) =>
      els.map((el) => el.getAttribute('data-tagveil')),
    );
    expect(new Set(marks)).toEqual(new Set([MARK_VALUE.blur]));
    for (const action of ['hide', 'collapse', 'blur', 'label']) {
      expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(
        `data-tagveil="${action}"`,
      );
    }
    await page.close();
  });

  it('removing or switching off its stylesheet, or a guard attribute, does not stop it', async () => {
    const page = await open();
    const blurred = () =>
      page.$eval(`${WORK_0} > .header`, (el) => getComputedStyle(el).filter.includes('blur'));
    expect(await blurred()).toBe(true);
    await page.evaluate(() => {
      document.documentElement.setAttribute('data-tagveil-running', '');
      for (const style of document.querySelectorAll('style')) style.remove();
    });
    await expect.poll(blurred).toBe(true);
    await page.evaluate(() => {
      for (const sheet of document.styleSheets) sheet.disabled = true;
    });
    // A sheet switched off through the CSSOM is seen at the next judging pass: the page adds an entry.
    await page.evaluate(() => {
      const list = document.querySelector('ol.work');
      const copy = document.querySelector('#work_7')?.cloneNode(true) as HTMLElement;
      copy.id = 'work_late';
      list?.append(copy);
    });
    await expect.poll(blurred).toBe(true);
    await expect
      .poll(() => page.$eval('#work_late > .header', (el) => getComputedStyle(el).filter.includes('blur')))
      .toBe(true);
    await page.close();
  });

  it('WXT’s "newer instance" event, fired by the page, does not stop it', async () => {
    const page = await open();
    await page.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:catalog:wxt:content-script-started`, {
          detail: { contentScriptName: 'catalog', messageId: 'forged' },
        }),
      );
    }, browser.extensionId);
    await page.waitForTimeout(200);
    expect(await page.locator(`${WORK_0}[data-tagveil]`).count()).toBe(1);
    // Still judging what comes.
    await page.evaluate(() => {
      const copy = document.querySelector('#work_7')?.cloneNode(true) as HTMLElement;
      copy.id = 'work_late';
      document.querySelector('ol.work')?.append(copy);
    });
    await expect.poll(() => page.locator('#work_late[data-tagveil]').count()).toBe(1);
    await page.close();
  });
});

describe('an added site’s selectors, crafted, from stored settings (Chromium, granted build)', () => {
  const ORIGIN = 'https://catalog.example';
  const PAGE_URL = `${ORIGIN}/list`;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: GRANTED_EXTENSION_DIR });
    await servePages(browser.context, {
      [PAGE_URL]: `<!doctype html><html><body><main><article class="story"><h2>One</h2>
        <ul class="tags"><li><a>Fluff</a></li></ul></article></main></body></html>`,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('are refused, and inject no CSS into the page', async () => {
    // As an import or a damaged sync copy could carry them: a selector that ends the rule and adds one.
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['netorare'] }],
      customSites: [
        {
          id: 'custom-catalog-example',
          name: 'catalog.example',
          origin: ORIGIN,
          entrySelector: 'article.story) {} body { display: none !important } x:is(article',
          tagSelector: '.tags a',
        },
      ],
    });
    // The background has had its chance to register the site's script.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const page = await browser.context.newPage();
    await page.goto(PAGE_URL);
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');
    const css = await page.$$eval('style', (els) => els.map((el) => el.textContent ?? '').join('\n'));
    expect(css).not.toContain('display: none !important } x');
    await page.close();
  });
});
