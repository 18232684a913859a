import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, storeSettings } from './harness';
import { blurb, LEAK_RECORDER, worksPage } from './pages';
import { chunked, LOCAL_SITE_ARGS, type Streamed, startSiteServer } from './site-server';

const REAL = '/tags/Dysphoria/works';
const HUGE = '/tags/Huge/works';
const DYNAMIC = '/tags/Dynamic/works';
const HUGE_COUNT = 10_000;
const STREAM_MS = 2_000;

/** The real page with "Netorare" added to a few works, derived here from the saved page. */
function derivedRealPage(): string {
  let html = realPage('ao3', 'tag_works_Dysphoria.html');
  const starts = [...html.matchAll(/<li id="work_\d+"/gu)].map((m) => m.index);
  for (const n of [16, 10, 4, 1]) {
    const at = html.indexOf('</ul>', html.indexOf('<ul class="tags commas">', starts[n]));
    html = `${html.slice(0, at)}<li class='freeforms'><a class="tag" href="/tags/Netorare/works">Netorare</a></li>${html.slice(at)}`;
  }
  return html;
}

/** The page's own script: 10 infinite-scroll batches of 100 works, then a single-page-app re-render. */
const DYNAMIC_SCRIPT = `
const list = document.querySelector('ol.work');
const make = (i) => { const t = document.createElement('template'); t.innerHTML = window.__blurb(i); return t.content.firstElementChild; };
let batch = 0;
const scroll = setInterval(() => {
  for (let i = 0; i < 100; i++) list.append(make(1000 + batch * 100 + i));
  if (++batch === 10) {
    clearInterval(scroll);
    // The test counts leaks here, before the re-render takes these cards away, then lets it go on.
    setTimeout(() => { window.__scrolled = true; }, 300);
    const waitForTest = setInterval(() => {
      if (!window.__proceed) return;
      clearInterval(waitForTest);
      // Re-render: new cards replace the list, and one kept card has its tag edited in place.
      const kept = list.children[1];
      list.replaceChildren(kept, ...Array.from({ length: 50 }, (_, i) => make(5000 + i)));
      kept.querySelector('a.tag').textContent = 'Netorare';
      history.pushState({}, '', '/tags/Dynamic/works?page=2');
      setTimeout(() => { window.__done = true; }, 300);
    }, 50);
  }
}, 150);`;

describe('no flash: an entry that ends hidden or blurred is never painted unfiltered', () => {
  let browser: ExtensionBrowser;
  let server: { close(): void };
  const pages = new Map<string, Streamed>();

  beforeAll(async () => {
    if (HAVE_REAL_PAGES) pages.set(REAL, chunked(derivedRealPage(), 30, STREAM_MS));
    pages.set(HUGE, chunked(worksPage(HUGE_COUNT), 40, STREAM_MS));
    // blurb() is shared with the page so its inserts look like the site's own markup.
    const blurbSource = `window.__blurb = ${blurb.toString()}; const FILLER_TAGS = Array.from({ length: 400 }, (_, i) => 'Filler Tag ' + i); function escapeHtml(t) { return t; }`;
    pages.set(DYNAMIC, { chunks: [worksPage(20, `${blurbSource}\n${DYNAMIC_SCRIPT}`)], intervalMs: 0 });
    server = await startSiteServer((url) =>
      url.hostname === 'archiveofourown.org' ? (pages.get(url.pathname) ?? null) : null,
    );
    browser = await launchWithExtension({ args: LOCAL_SITE_ARGS });
    await browser.context.addInitScript(LEAK_RECORDER);
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        { id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] },
        { id: 'b', name: 'Blur', enabled: true, action: 'blur', patterns: ['filler tag 399', 'Body Swap'] },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function leaks(page: Page) {
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    return page.evaluate(() =>
      (
        window as unknown as {
          __tagveilLeaks(): { frames: number; leakedFrames: number; leakedEntries: string[] };
        }
      ).__tagveilLeaks(),
    );
  }

  it.skipIf(!HAVE_REAL_PAGES)('the real AO3 page, streamed over 2 s', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://archiveofourown.org${REAL}`, { waitUntil: 'load' });
    expect(await page.locator('li.blurb[data-tagveil="hide"]').count()).toBe(4);
    const result = await leaks(page);
    expect(result.frames).toBeGreaterThan(20);
    expect(result).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.close();
  });

  it(`a generated page of ${HUGE_COUNT} works, streamed over 2 s`, { timeout: 180_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://archiveofourown.org${HUGE}`, { waitUntil: 'load', timeout: 170_000 });
    expect(await page.locator('li.blurb[data-tagveil-seen]').count()).toBe(HUGE_COUNT);
    expect(await page.locator('li.blurb[data-tagveil="hide"]').count()).toBe(Math.ceil(HUGE_COUNT / 7));
    const result = await leaks(page);
    expect(result.frames).toBeGreaterThan(10);
    expect(result).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.close();
  });

  it('infinite-scroll batches and a single-page-app re-render', async () => {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(`https://archiveofourown.org${DYNAMIC}`);
    await page.waitForFunction(() => (window as unknown as { __scrolled?: boolean }).__scrolled === true);
    expect(await page.locator('li.blurb').count()).toBe(1020);
    const afterScroll = await leaks(page);
    expect(afterScroll.frames).toBeGreaterThan(10);
    expect(afterScroll).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.evaluate(() => {
      (window as unknown as { __proceed: boolean }).__proceed = true;
    });
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, null, {
      timeout: 20_000,
    });
    const marks = await page.$$eval('li.blurb', (els) =>
      els.map((el) => [el.id, el.getAttribute('data-tagveil')]),
    );
    expect(marks).toHaveLength(51);
    expect(marks[0]).toEqual(['work_1', 'hide']);
    const result = await leaks(page);
    expect(result.frames).toBeGreaterThan(20);
    expect(result).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.close();
  });
});
