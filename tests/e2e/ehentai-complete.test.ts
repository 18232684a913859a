import type { Browser } from '@wxt-dev/browser';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MIN_INTERVAL_MS } from '../../src/sites/lookups/ehentai-gdata';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, pageStateOf, storeSettings } from './harness';
import { MARK_VALUE } from './marks';

declare const chrome: typeof Browser;

const LIST = 'https://e-hentai.org/popular';
const LATE_LIST = 'https://e-hentai.org/popular?late';
const API = 'https://api.e-hentai.org/api.php';
const TILES = 'div.itg > .gl1t';

type ApiMode = 'ok' | 'slow' | 'error' | 'malformed' | 'silent';

/** The real page with its last tile held in a template, for the test to add once the first request has left. */
function withLateTile(html: string): string {
  const start = html.lastIndexOf('<div class="gl1t">');
  const end = html.indexOf('</div><table class="ptb"', start);
  if (start < 0 || end < 0) throw new Error('the saved E-Hentai page no longer has the expected tile markup');
  const late = `<template id="late">${html.slice(start, end)}</template>`;
  return html.slice(0, start) + html.slice(end).replace('</body>', `${late}</body>`);
}

describe.skipIf(!HAVE_REAL_PAGES)('completing E-Hentai rows with the site’s metadata API (opt-in)', () => {
  let browser: ExtensionBrowser;
  let mode: ApiMode = 'ok';
  let netorareGid = '';
  const calls: { gids: number; at: number }[] = [];
  /** Runs once when the next request reaches the site, before it is answered. */
  let onCall: (() => Promise<void>) | undefined;
  /** The page being opened, known before its first request. */
  let opening: Page | undefined;

  const answer = async (route: Route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as {
      method: string;
      gidlist: [number, string][];
    };
    calls.push({ gids: body.gidlist.length, at: Date.now() });
    await onCall?.();
    onCall = undefined;
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
      if (url === LATE_LIST)
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: withLateTile(html) });
      if (url === API) return answer(route);
      return route.fulfill({ status: 404, body: '' });
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(completeTags: boolean, url = LIST): Promise<Page> {
    await storeSettings(browser.worker, {
      enabled: true,
      completeTags,
      sites: {},
      lists: [{ id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] }],
    });
    const page = await browser.context.newPage();
    opening = page;
    await page.goto(url);
    return page;
  }

  const tile = () => `${TILES}:has(a[href*="/g/${netorareGid}/"])`;

  const cachedCount = async (): Promise<number> =>
    browser.worker.evaluate(async () => {
      const stored = await chrome.storage.local.get('completed-tags:ehentai');
      return Object.keys((stored['completed-tags:ehentai'] as object | undefined) ?? {}).length;
    });

  const clearCache = () =>
    browser.worker.evaluate(() => chrome.storage.local.remove('completed-tags:ehentai'));

  async function problems(page: Page): Promise<string[]> {
    return (await pageStateOf(browser.worker, page)).problems;
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
    await clearCache();
    calls.length = 0;
    mode = 'slow';
    const page = await open(true);
    await page.waitForSelector(TILES, { state: 'attached' });
    // While the answer is on its way, no row has been released (painted) yet.
    expect(await page.locator(`${TILES}[data-tagveil-seen]`).count()).toBe(0);
    await expect.poll(() => page.locator(tile()).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    // On a slow machine the parser can hand over the last rows after the first request left; they
    // go in a later one (at least a second apart), so wait for every row rather than count at once.
    await expect
      .poll(() => page.locator(`${TILES}:not([data-tagveil-seen])`).count(), { timeout: 10_000 })
      .toBe(0);
    expect(await page.locator(`${TILES}[data-tagveil]`).count()).toBe(1);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.gids).toBeLessThanOrEqual(25);
    // The cache is written after the rows are released; the next test relies on all of it.
    await expect.poll(cachedCount, { timeout: 10_000 }).toBe(25);
    await page.close();
  });

  it('uses its cache on the next visit instead of asking again', async () => {
    calls.length = 0;
    mode = 'ok';
    const page = await open(true);
    await expect.poll(() => page.locator(tile()).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(calls).toEqual([]);
    await page.close();
  });

  it('a row that arrives after a request left goes in the next one, a second later', async () => {
    await clearCache();
    calls.length = 0;
    mode = 'ok';
    onCall = async () => {
      await opening?.evaluate(() => {
        const late = document.getElementById('late') as HTMLTemplateElement;
        document.querySelector('div.itg')?.append(late.content.cloneNode(true));
      });
    };
    const page = await open(true, LATE_LIST);
    await expect
      .poll(() => page.locator(`${TILES}[data-tagveil-seen]`).count(), { timeout: 10_000 })
      .toBe(25);
    // The parser may hand over a few rows late too, so the split is [24, 1] or [23, 2]…: what holds is
    // every gallery asked once, the late one in a later request, and requests at least a second apart.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.reduce((sum, call) => sum + call.gids, 0)).toBe(25);
    // Seen from the test's side of the network the gap jitters by tens of milliseconds on a busy
    // machine; without the spacing it is one round trip (about 0.1 s), with it a second.
    for (let i = 1; i < calls.length; i++) {
      expect((calls[i]?.at ?? 0) - (calls[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(API_MIN_INTERVAL_MS / 2);
    }
    expect(await page.locator(tile()).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    await page.close();
  });

  it.each([
    ['error', 'the site answered 500'],
    ['malformed', 'JSON'],
    ['silent', 'no answer in time'],
  ] as const)(
    'when the API fails (%s): rows are released with what they show, and the popup says why',
    async (failure, message) => {
      await clearCache();
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
    },
  );
});
