/**
 * The no-flash scenarios, shared by the end-to-end test (which asserts 0 leaked frames) and the page
 * benchmark (which prints the counts): the real AO3 page and a 10,000-work page streamed over 2 s, and a
 * page whose own script adds 10 infinite-scroll batches of 100 works and then re-renders like a
 * single-page app. LEAK_RECORDER (pages.ts) counts, in the page, frames that showed an entry unfiltered.
 */
import type { Page } from 'playwright-core';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { blurb, worksPage } from './pages';
import { chunked, type Streamed } from './site-server';

export const REAL_PATH = '/tags/Dysphoria/works';
export const HUGE_PATH = '/tags/Huge/works';
export const DYNAMIC_PATH = '/tags/Dynamic/works';
export const HUGE_COUNT = 10_000;
export const STREAM_MS = 2_000;

/** Settings the scenarios are judged with: "Netorare" hidden, two tags blurred. */
export const LEAK_SETTINGS = {
  enabled: true,
  sites: {},
  lists: [
    { id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] },
    { id: 'b', name: 'Blur', enabled: true, action: 'blur', patterns: ['filler tag 399', 'Body Swap'] },
  ],
};

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
    // Leaks are counted here, before the re-render takes these cards away, then it goes on.
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

/** The scenarios' pages by path, for the local site server (the real page only where it is present). */
export function leakPages(): Map<string, Streamed> {
  const pages = new Map<string, Streamed>();
  if (HAVE_REAL_PAGES) pages.set(REAL_PATH, chunked(derivedRealPage(), 30, STREAM_MS));
  pages.set(HUGE_PATH, chunked(worksPage(HUGE_COUNT), 40, STREAM_MS));
  // blurb() is shared with the page so its inserts look like the site's own markup.
  const blurbSource = `window.__blurb = ${blurb.toString()}; const FILLER_TAGS = Array.from({ length: 400 }, (_, i) => 'Filler Tag ' + i); function escapeHtml(t) { return t; }`;
  pages.set(DYNAMIC_PATH, { chunks: [worksPage(20, `${blurbSource}\n${DYNAMIC_SCRIPT}`)], intervalMs: 0 });
  return pages;
}

export interface Leaks {
  frames: number;
  leakedFrames: number;
  leakedEntries: string[];
}

/** The page's leak count so far, after two more frames. */
export async function countLeaks(page: Page): Promise<Leaks> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => (window as unknown as { __tagveilLeaks(): Leaks }).__tagveilLeaks());
}

/**
 * Runs the dynamic page: leaks after the 10 batches (`atScrolled` may look at the page then), and after
 * the re-render.
 */
export async function scrollThenRerender(
  page: Page,
  atScrolled: () => Promise<void> = async () => undefined,
): Promise<{ afterScroll: Leaks; afterRerender: Leaks }> {
  await page.bringToFront();
  await page.goto(`https://archiveofourown.org${DYNAMIC_PATH}`);
  await page.waitForFunction(() => (window as unknown as { __scrolled?: boolean }).__scrolled === true);
  await atScrolled();
  const afterScroll = await countLeaks(page);
  await page.evaluate(() => {
    (window as unknown as { __proceed: boolean }).__proceed = true;
  });
  await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, null, {
    timeout: 20_000,
  });
  return { afterScroll, afterRerender: await countLeaks(page) };
}
