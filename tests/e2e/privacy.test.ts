import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  type ExtensionBrowser,
  isExtensionFile,
  launchWithExtension,
  openPopup,
  servePages,
  storeSettings,
  tabIdOf,
} from './harness';

const AO3 = 'https://archiveofourown.org/tags/Dysphoria/works';
const EHENTAI = 'https://e-hentai.org/';

describe.skipIf(!HAVE_REAL_PAGES)('privacy: the extension makes no request of its own', () => {
  let browser: ExtensionBrowser;
  const pages: Record<string, string> = {};
  const requests: { url: string; from: string }[] = [];

  beforeAll(async () => {
    pages[AO3] = realPage('ao3', 'tag_works_Dysphoria.html');
    pages[EHENTAI] = realPage('ehentai', 'sxj_ehentai_compact_2021.html');
    browser = await launchWithExtension();
    const record = (request: Request) => {
      const worker = request.serviceWorker();
      const from = worker ? `service worker ${worker.url()}` : (request.frame().url() ?? '');
      requests.push({ url: request.url(), from });
    };
    browser.context.on('request', record);
    await servePages(browser.context, pages);
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        {
          id: 'l',
          name: 'L',
          enabled: true,
          action: 'blur',
          patterns: ['netorare', 'Body Swap', 'language:spanish'],
        },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('while it filters real pages, and the popup, options, import and export are used', async () => {
    const page = await browser.context.newPage();
    for (const url of [AO3, EHENTAI]) {
      await page.goto(url);
      await page.waitForSelector('[data-tagveil]', { state: 'attached' });
    }
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByLabel('Filter E-Hentai').uncheck();
    await popup.getByLabel('Filter E-Hentai').check();
    await popup.getByLabel('Tag to block').fill('female:glasses');
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await popup.locator('#notice').waitFor();
    // The options page: edit rules, test a tag, export, import a file back, a foreign list too.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Rules of L, one per line').fill('netorare\nBody Swap\ngore');
    await options.getByRole('button', { name: 'Save rules of L' }).click();
    await options.locator('#test-tags').fill('netorare');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all settings' }).click();
    await options.locator('#import-file').setInputFiles(await (await download).path());
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.locator('#notice-import').waitFor();
    await options.locator('#import-file').setInputFiles({
      name: 'ao3_savior_config.js',
      mimeType: 'text/javascript',
      buffer: Buffer.from(
        "window.ao3SaviorConfig = { tagBlacklist: ['gore'], authorBlacklist: ['someone'] };",
      ),
    });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForTimeout(500);

    const html = Object.values(pages).join('\n');
    const foreign = requests.filter(({ url }) => {
      if (isExtensionFile(url, browser.extensionId) || url.startsWith('data:') || pages[url] !== undefined)
        return false;
      // The page's own subresources: same origin as a served page, or named in its markup.
      const parsed = new URL(url);
      if (Object.keys(pages).some((p) => new URL(p).origin === parsed.origin)) return false;
      return !html.includes(parsed.host + parsed.pathname);
    });
    expect(requests.length).toBeGreaterThan(2);
    expect(foreign).toEqual([]);
  });

  it("tells the page's own scripts nothing: no message to the page, no extension id in its markup", async () => {
    const page = await browser.context.newPage();
    // Runs in the page's world before its scripts, as a page's analytics or fingerprinting would.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__messages', { value: seen });
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)), true);
    });
    await page.goto(AO3);
    await page.waitForSelector('[data-tagveil]', { state: 'attached' });
    await page.waitForTimeout(300);
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(browser.extensionId);
    await page.close();
  });
});
