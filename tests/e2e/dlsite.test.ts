import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, readClosed, servePages, storeSettings } from './harness';
import type { Leaks } from './leak-scenarios';
import { actionOfMark } from './marks';
import { LEAK_RECORDER } from './pages';

const SEARCH =
  'https://www.dlsite.com/maniax/fsr/=/language/jp/sex_category%5B0%5D/male/keyword_creater/%22x%22/per_page/100/show_type/3';
const WORK = 'https://www.dlsite.com/maniax/work/=/product_id/RJ01393393.html';
const ENTRY = 'li.search_result_img_box_inner';
const COVER = 'tagveil-interstitial';

/** The leak recorder of the no-flash tests, counting DLsite's grid cards instead of AO3's blurbs. */
const RECORDER = LEAK_RECORDER.replaceAll("'li.blurb'", JSON.stringify(ENTRY));

/** The real search page; its first card also carries DLsite's own hidden-items mark (`_filter`). */
function derivedSearch(): string {
  return realPage('dlsite', 'fsr-search-keyword_creater-2025-07.html').replace(
    'class="search_result_img_box_inner ',
    'class="search_result_img_box_inner _filter ',
  );
}

/** Which cards carry a genre id in their hidden attributes (the page's own oracle). */
async function carrying(page: Page, id: string): Promise<(string | null)[]> {
  return page.$$eval(
    ENTRY,
    (els, genre) =>
      els.map((el) =>
        (el.querySelector('input.__product_attributes')?.getAttribute('value') ?? '')
          .split(',')
          .includes(genre)
          ? 'hide'
          : null,
      ),
    id,
  );
}

async function marks(page: Page): Promise<(string | null)[]> {
  return page
    .$$eval(ENTRY, (els) => els.map((el) => el.getAttribute('data-tagveil')))
    .then((marks) => marks.map(actionOfMark));
}

async function leaks(page: Page): Promise<Leaks> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => (window as unknown as { __tagveilLeaks(): Leaks }).__tagveilLeaks());
}

describe.skipIf(!HAVE_REAL_PAGES)('Tagveil on DLsite (real pages at their real addresses)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [SEARCH]: derivedSearch(),
      [WORK]: realPage('dlsite', 'work-RJ01393393-2025-07.html'),
    });
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        // Old names only: the pages show 合意なし and 逆レ.
        { id: 'nc', name: 'Non-consent', enabled: true, action: 'hide', patterns: ['レイプ'] },
        { id: 'rr', name: 'Reverse', enabled: true, action: 'blur', patterns: ['逆レイプ'] },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides, by its old name, every work carrying the renamed genre, with no frame showing one', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(RECORDER);
    await page.goto(SEARCH);
    await page.waitForSelector(`${ENTRY}[data-tagveil-seen]`, { state: 'attached' });
    await expect.poll(() => page.locator(`${ENTRY}[data-tagveil-seen]`).count()).toBe(100);
    const expected = await carrying(page, '113');
    const reverse = await carrying(page, '115');
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    expect(await marks(page)).toEqual(expected.map((e, i) => e ?? (reverse[i] ? 'blur' : null)));
    expect((await leaks(page)).leakedFrames).toBe(0);
    // DLsite's own mark stays the page's; Tagveil's is its own attribute.
    expect(await page.locator(ENTRY).first().getAttribute('class')).toContain('_filter');
    await page.close();
  });

  it('judges results the page fetches again (filter, sort, next page) as they replace the list', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(RECORDER);
    await page.goto(SEARCH);
    await expect.poll(() => page.locator(`${ENTRY}[data-tagveil-seen]`).count()).toBe(100);
    // New results, as the page's script writes them: other cards (reversed, renumbered), five of them
    // now with genre 113 among their hidden ids.
    await page.evaluate(() => {
      const box = document.querySelector('#search_result_img_box') as HTMLElement;
      const cards = [...box.children].map((li) => li.outerHTML).reverse();
      box.innerHTML = cards
        .slice(0, 40)
        .map((html, i) =>
          html
            .replace(/RJ0(\d+)/gu, 'RJ9$1')
            .replace(/(class="__product_attributes"[^>]*value="[^"]*)"/u, i < 5 ? '$1,113"' : '$1"'),
        )
        .join('');
    });
    await expect.poll(() => page.locator(`${ENTRY}[data-tagveil-seen]`).count()).toBe(40);
    const expected = await carrying(page, '113');
    expect(expected.slice(0, 5)).toEqual(['hide', 'hide', 'hide', 'hide', 'hide']);
    const reverse = await carrying(page, '115');
    expect(await marks(page)).toEqual(expected.map((e, i) => e ?? (reverse[i] ? 'blur' : null)));
    expect((await leaks(page)).leakedFrames).toBe(0);
    await page.close();
  });

  it('covers a work page whose renamed genre a rule names by its old name', async () => {
    const page = await browser.context.newPage();
    await page.goto(WORK);
    await page.waitForSelector(COVER, { state: 'attached' });
    expect((await readClosed(page, COVER))?.text).toContain('逆レイプ — list Reverse');
    await page.close();
  });
});
