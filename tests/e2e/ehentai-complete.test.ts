import type { Browser } from '@wxt-dev/browser';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageState } from '../../src/messages';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, storeSettings, tabIdOf } from './harness';

declare const chrome: typeof Browser;

const LIST = 'https://e-hentai.org/popular';
const API = 'https://api.e-hentai.org/api.php';
const TILES = 'div.itg > .gl1t';

type ApiMode = 'ok' | 'slow' | 'error' | 'malformed' | 'silent';

describe.skipIf(!HAVE_REAL_PAGES)('completing E-Hentai rows with the site’s metadata API (opt-in)', () => {
  let browser: ExtensionBrowser;
  let mode: ApiMode = 'ok';
  let netorareGid = '';
  const calls: { gids: number; at: number }[] = [];

  const answer = async (route: Route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as {
      method: string;
      gidlist: [number, string][];
    };
    calls.push({ gids: body.gidlist.length, at: Date.now() });
    const headers = {
      'access-control-allow-origin': 'https://e-hentai.org',
      'content-type': 'application/json',
    };
    if (mode === 'silent') return; // never answers: the extension gives up
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 800));
    if (mode === 'error') return route.fulfill({ status: 500, headers, body: 'Internal error' });
    if (mode === 'malformed') return route.fulfill({ status: 200, headers, body: '{"gmetadata": [' });
    const gmetadata = body.gidlist.map(([gid, token]) => ({
      gid,
      token,
      tags: String(gid) === netorareGid ? ['language:english', 'female:netorare'] : ['language:english'],
    }));
    return route.fulfill({ status: 200, headers, body: JSON.stringify({ gmetadata }) });
  };

  beforeAll(async () => {
    browser = await launchWithExtension();
    const html = realPage('ehentai', 'seven332_list_EThumbnail.html');
    netorareGid = /\/g\/(\d+)\//u.exec(html.slice(html.indexOf('class="gl1t"')))?.[1] ?? '';
    await browser.context.route(/^https?:\/\//u, (route) => {
      const url = route.request().url();
      if (url === LIST) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      if (url === API) return answer(route);
      return route.fulfill({ status: 404, body: '' });
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(completeTags: boolean): Promise<Page> {
    await storeSettings(browser.worker, {
      enabled: true,
      completeTags,
      sites: {},
      lists: [{ id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] }],
    });
    const page = await browser.context.newPage();
    await page.goto(LIST);
    return page;
  }

  const tile = () => `${TILES}:has(a[href*="/g/${netorareGid}/"])`;

  async function problems(page: Page): Promise<string[]> {
    const tab = await tabIdOf(browser.worker, page);
    const state = (await browser.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'tagveil:get-page-state' }),
      tab,
    )) as PageState;
    return state.problems;
  }

  it('off by default: asks nothing, judges the rows as they are', async () => {
    calls.length = 0;
    const page = await open(false);
    await page.waitForSelector(`${TILES}[data-tagveil-seen]`, { state: 'attached' });
    await page.waitForTimeout(500);
    expect(calls).toEqual([]);
    expect(await page.locator(`${TILES}[data-tagveil]`).count()).toBe(0);
    await page.close();
  });

  it('on: holds rows back while it asks, in batches of at most 25, then hides by the full tags', async () => {
    calls.length = 0;
    mode = 'slow';
    const page = await open(true);
    await page.waitForSelector(TILES, { state: 'attached' });
    // While the answer is on its way, no row has been released (painted) yet.
    expect(await page.locator(`${TILES}[data-tagveil-seen]`).count()).toBe(0);
    await expect.poll(() => page.locator(tile()).getAttribute('data-tagveil')).toBe('hide');
    expect(await page.locator(`${TILES}[data-tagveil]`).count()).toBe(1);
    expect(await page.locator(`${TILES}:not([data-tagveil-seen])`).count()).toBe(0);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.gids).toBeLessThanOrEqual(25);
    await page.close();
  });

  it('uses its cache on the next visit instead of asking again', async () => {
    calls.length = 0;
    mode = 'ok';
    const page = await open(true);
    await expect.poll(() => page.locator(tile()).getAttribute('data-tagveil')).toBe('hide');
    expect(calls).toEqual([]);
    await page.close();
    await browser.worker.evaluate(() => chrome.storage.local.remove('completed-tags:ehentai'));
  });

  it.each([
    ['error', 'the site answered 500'],
    ['malformed', 'JSON'],
    ['silent', 'no answer in time'],
  ] as const)(
    'when the API fails (%s): rows are released with what they show, and the popup says why',
    async (failure, message) => {
      calls.length = 0;
      mode = failure;
      const page = await open(true);
      await expect
        .poll(() => page.locator(`${TILES}[data-tagveil-seen]`).count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => page.locator(`${TILES}:not([data-tagveil-seen])`).count(), { timeout: 10_000 })
        .toBe(0);
      expect(await page.locator(`${TILES}[data-tagveil]`).count()).toBe(0);
      await expect.poll(async () => (await problems(page)).join(' '), { timeout: 10_000 }).toContain(message);
      await page.close();
      await browser.worker.evaluate(() => chrome.storage.local.remove('completed-tags:ehentai'));
    },
  );
});
