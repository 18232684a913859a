import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, NTR_LIST_ID, type Settings } from '../../src/settings/schema';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, readVeil, servePages, storeSettings } from './harness';

const URL = 'https://archiveofourown.org/tags/Dysphoria/works';

/** The real page, with freeforms added to some works (work number → tags), as AO3 writes freeforms. */
function derivedPage(added: Record<number, string[]>): string {
  let html = realPage('ao3', 'tag_works_Dysphoria.html');
  // From the last work to the first, so earlier offsets stay right.
  for (const [n, tags] of Object.entries(added).sort(([a], [b]) => Number(b) - Number(a))) {
    const start = [...html.matchAll(/<li id="work_\d+"/gu)][Number(n) - 1]?.index ?? -1;
    const tagsEnd = html.indexOf('</ul>', html.indexOf('<ul class="tags commas">', start));
    const items = tags
      .map((tag) => `<li class='freeforms'><a class="tag" href="/tags/x/works">${tag}</a></li>`)
      .join('');
    html = html.slice(0, tagsEnd) + items + html.slice(tagsEnd);
  }
  return html;
}

const work = (n: number) => `li.blurb:nth-child(${n} of li.blurb)`;

/** The shipped NTR preset switched on, as a new user gets it: its exceptions copied into the list. */
function ntrOn(): Settings {
  const settings = defaultSettings();
  const ntr = settings.lists.find((l) => l.id === NTR_LIST_ID) as Settings['lists'][number];
  ntr.enabled = true;
  return settings;
}

describe.skipIf(!HAVE_REAL_PAGES)('the NTR preset on a real AO3 listing', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [URL]: derivedPage({ 1: ['No Cheating'], 2: ['Cheating', 'No Cheating'], 4: ['Cheating Husband'] }),
    });
    await storeSettings(browser.worker, ntrOn());
    page = await browser.context.newPage();
    await page.goto(URL);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('blurs works tagged "Cheating" and "Cheating Husband", even beside "No Cheating"', async () => {
    await expect.poll(() => page.locator(work(2)).getAttribute('data-tagveil')).toBe('blur');
    expect(await page.locator(work(4)).getAttribute('data-tagveil')).toBe('blur');
    expect((await readVeil(page, work(2)))?.text).toContain('Cheating');
  });

  it('leaves the work tagged only "No Cheating" visible: the preset’s exception spares it', async () => {
    const first = page.locator(work(1));
    expect(await first.getAttribute('data-tagveil')).toBeNull();
    expect(await first.isVisible()).toBe(true);
    const filter = await first.locator('ul.tags').evaluate((el) => getComputedStyle(el).filter);
    expect(filter).toBe('none');
  });
});
