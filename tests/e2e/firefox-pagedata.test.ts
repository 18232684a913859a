import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';

const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const LISTING = 'https://www.pixiv.net/en/tags/GuP/artworks';
const SEARCH_API = 'https://www.pixiv.net/ajax/search/artworks/GuP?word=GuP&p=1';
/** A work no answer of the page carries: its card waits the whole bound (3 s) for facts that never come. */
const UNKNOWN = '1';

/** FIREFOX_PATH, else Debian's Firefox ESR; a clear message when there is none. */
function findFirefox(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}. Install it (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

/**
 * pixiv's listing as in tests/e2e/pixiv.test.ts: the page's script fetches its own answer and draws one
 * card per work (no tags in the markup), plus one card of a work no answer carries. It notes when each
 * card was added and when the extension first marked it seen, and what the page's world heard.
 */
const SHELL = `<!doctype html><html><head><meta charset="utf-8"><title>pixiv</title></head><body>
<ul id="grid"></ul>
<script>
const heard = [];
for (const name of ['tagveil-page-data', 'tagveil-page-data-hello', 'tagveil-page-data-reader'])
  document.addEventListener(name, (e) => heard.push({ name, detail: e.detail }));
window.heard = () => heard;
const added = new Map();
const seen = new Map();
new MutationObserver(() => {
  for (const li of document.querySelectorAll('#grid > li[data-tagveil-seen]'))
    if (!seen.has(li.dataset.id)) seen.set(li.dataset.id, performance.now() - added.get(li.dataset.id));
}).observe(document.getElementById('grid'), { attributes: true, subtree: true });
window.delays = () => Object.fromEntries(seen);
const card = (id) => {
  const li = document.createElement('li');
  li.dataset.id = id;
  li.innerHTML = '<a href="/en/artworks/' + id + '"><img alt=""></a>';
  added.set(id, performance.now());
  return li;
};
fetch('/ajax/search/artworks/GuP?word=GuP&p=1').then((r) => r.json()).then((a) => {
  const grid = document.getElementById('grid');
  grid.append(...a.body.illustManga.data.map((w) => card(w.id)), card('${UNKNOWN}'));
});
</script></body></html>`;

/** Firefox over WebDriver BiDi: the MAIN-world reader on a pixiv listing, the add-on as a temporary add-on. */
describe.skipIf(!HAVE_REAL_PAGES)('Tagveil in Firefox: the page’s own data', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
      throw new Error('run "npm run build:firefox" first');
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      protocol: 'webDriverBiDi',
    });
    await browser.installExtension(FIREFOX_BUILD);
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url === LISTING)
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: SHELL });
      else if (url === SEARCH_API)
        void request.respond({
          status: 200,
          contentType: 'application/json',
          body: realPage('pixiv', 'search-artworks-gup.json'),
        });
      else void request.respond({ status: 404, body: '' });
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The lists cannot be set here (WebDriver BiDi refuses moz-extension:// pages), so the proof is what the
  // reader hands over and when the cards are released: at once with their facts, after the bound without.
  it('reads the answer in the page’s world and hands its works to the content script, which releases their cards', async () => {
    await page.goto(LISTING);
    const works: { id: string }[] = JSON.parse(realPage('pixiv', 'search-artworks-gup.json')).body.illustManga
      .data;
    await page.waitForFunction(
      (n) => document.querySelectorAll('#grid > li').length === n,
      {},
      works.length + 1,
    );
    await page.waitForFunction(
      () => document.querySelectorAll('#grid > li:not([data-tagveil-seen])').length === 0,
      { timeout: 10_000 },
    );

    const heard = (await page.evaluate(() =>
      (window as unknown as { heard(): { name: string; detail: unknown }[] }).heard(),
    )) as { name: string; detail: unknown }[];
    // The reader handed the answer's works over (only once the content script had said hello, at start,
    // before this page's own script listened); any hand-shake heard carries nothing.
    expect(heard.filter((h) => h.name !== 'tagveil-page-data').every((h) => h.detail === null)).toBe(true);
    const handed = heard
      .filter((h) => h.name === 'tagveil-page-data')
      .flatMap(
        (h) =>
          (JSON.parse(String(h.detail)) as { site: string; works: { id: string; tags: unknown[] }[] }).works,
      );
    expect(new Set(handed.map((w) => w.id))).toEqual(new Set(works.map((w) => w.id)));
    expect(handed.every((w) => w.tags.length > 0)).toBe(true);

    // Cards whose works came with the answer are released with their facts, long before the 3 s bound; the
    // card no answer carries waits it out.
    const delays = (await page.evaluate(() =>
      (window as unknown as { delays(): Record<string, number> }).delays(),
    )) as Record<string, number>;
    const known = works.map((w) => delays[w.id] ?? Number.POSITIVE_INFINITY);
    expect(Math.max(...known)).toBeLessThan(2_000);
    expect(delays[UNKNOWN]).toBeGreaterThanOrEqual(2_900);
  });
});
