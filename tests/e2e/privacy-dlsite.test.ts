import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  type ExtensionBrowser,
  isExtensionFile,
  launchWithExtension,
  servePages,
  storeSettings,
} from './harness';

const SEARCH = 'https://www.dlsite.com/maniax/fsr/=/keyword_creater/%22x%22/per_page/100/show_type/3';
const WORK = 'https://www.dlsite.com/maniax/work/=/product_id/RJ01393393.html';
const WORK_2022 = 'https://www.dlsite.com/maniax/work/=/product_id/RJ173248.html';

describe.skipIf(!HAVE_REAL_PAGES)('privacy on DLsite: Tagveil makes no request of its own', () => {
  let browser: ExtensionBrowser;
  const pages: Record<string, string> = {};
  /** Requests from the pages, with whether extension code started them (its scripts in the initiator's stack). */
  const requests: { url: string; byExtension: boolean }[] = [];
  /** Requests of the extension's service worker. */
  const workerRequests: string[] = [];

  beforeAll(async () => {
    pages[SEARCH] = realPage('dlsite', 'fsr-search-keyword_creater-2025-07.html');
    pages[WORK] = realPage('dlsite', 'work-RJ01393393-2025-07.html');
    pages[WORK_2022] = realPage('dlsite', 'work-RJ173248-2022.html');
    browser = await launchWithExtension();
    browser.context.on('request', (request: Request) => {
      if (request.serviceWorker()) workerRequests.push(request.url());
    });
    await servePages(browser.context, pages);
    // Every opt-in that may ask a site for something is on: DLsite needs none of them.
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      completeTags: true,
      lists: [
        { id: 'l', name: 'L', enabled: true, action: 'blur', patterns: ['レイプ', '寝取られ', '逆レ'] },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('while it filters the search results and work pages, every opt-in on', async () => {
    const page = await browser.context.newPage();
    // The DevTools protocol names who started each request: the page's own scripts (DLsite loads its
    // analytics from inline code) or a script of the extension.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: unknown }) => {
      requests.push({
        url: event.request.url,
        byExtension: JSON.stringify(event.initiator).includes('chrome-extension://'),
      });
    });
    for (const url of [SEARCH, WORK, WORK_2022]) {
      await page.goto(url);
      await page.waitForSelector('[data-tagveil-seen], tagveil-interstitial', { state: 'attached' });
    }
    await page.waitForTimeout(1_500);
    const own = (url: string) => isExtensionFile(url, browser.extensionId);
    expect(requests.filter((r) => r.url.startsWith('https://www.dlsite.com/')).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(requests.filter((r) => r.byExtension && !own(r.url))).toEqual([]);
    expect(workerRequests.filter((url) => !own(url))).toEqual([]);
    await page.close();
  });
});
