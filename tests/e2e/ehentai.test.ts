import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  clickVeilButton,
  type ExtensionBrowser,
  launchWithExtension,
  readVeil,
  servePages,
  storeSettings,
} from './harness';
import { actionOfMark, MARK_VALUE } from './marks';

const COMPACT = 'https://e-hentai.org/?f_search=touhou';
const THUMBNAILS = 'https://exhentai.org/popular';

const settings = {
  enabled: true,
  sites: {},
  lists: [
    { id: 'ntr', name: 'NTR & cheating', enabled: true, action: 'hide', patterns: ['netorare'] },
    {
      id: 'es',
      name: 'Not today',
      enabled: true,
      action: 'blur',
      patterns: ['language:spanish', 'title:touhou'],
    },
  ],
};

async function marks(page: Page, selector: string): Promise<(string | null)[]> {
  return (await page.$$eval(selector, (els) => els.map((el) => el.getAttribute('data-tagveil')))).map(
    actionOfMark,
  );
}

describe.skipIf(!HAVE_REAL_PAGES)('Tagveil on real E-Hentai lists', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [COMPACT]: realPage('ehentai', 'sxj_ehentai_compact_2021.html'),
      [THUMBNAILS]: realPage('ehentai', 'seven332_list_EThumbnail.html').replaceAll(
        'e-hentai.org',
        'exhentai.org',
      ),
    });
    await storeSettings(browser.worker, settings);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('compact list: hides the netorare gallery and blurs the Spanish ones, reason in the title cell', async () => {
    await page.goto(COMPACT);
    const rows = 'table.itg > tbody > tr:has(.glname)';
    await page.waitForSelector(`${rows}[data-tagveil-seen]`, { state: 'attached' });
    const netorare = page.locator(`${rows}:has(.gt[title="female:netorare"])`);
    expect(await netorare.getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(await netorare.isVisible()).toBe(false);
    // What each row should get, from the row's own markup.
    const expected = await page.$$eval(rows, (els) =>
      els.map((el) => {
        if (el.querySelector('.gt[title="female:netorare"]')) return 'hide';
        const spanish = el.querySelector('.gt[title="language:spanish"]');
        return spanish || /touhou/iu.test(el.querySelector('.glink')?.textContent ?? '') ? 'blur' : null;
      }),
    );
    expect(expected.filter((m) => m === 'blur').length).toBeGreaterThan(1);
    expect(await marks(page, rows)).toEqual(expected);

    const first = `${rows}:has(.gt[title="language:spanish"]) >> nth=0`;
    const firstId = await page.locator(first).locator('.glname a').first().getAttribute('href');
    const row = `${rows}:has(a[href="${firstId}"])`;
    expect(await page.locator(`${row} td.glname > tagveil-veil`).count()).toBe(1);
    expect((await readVeil(page, `${row} td.glname`))?.text).toContain('Content warning: spanish');
    const cellFilter = await page.locator(`${row} td.gl1c`).evaluate((el) => getComputedStyle(el).filter);
    expect(cellFilter).toContain('blur');
    await clickVeilButton(page, `${row} td.glname`, 'Show');
    await expect.poll(() => page.locator(row).getAttribute('data-tagveil-shown')).toBe('');
  });

  it('thumbnail list on ExHentai: judges each tile by its title', async () => {
    await page.goto(THUMBNAILS);
    const tiles = 'div.itg > .gl1t';
    await page.waitForSelector(`${tiles}[data-tagveil-seen]`, { state: 'attached' });
    const titles = await page.$$eval(`${tiles} .gl4t`, (els) => els.map((el) => el.textContent ?? ''));
    const expected = titles.map((t) => (/touhou/iu.test(t) ? 'blur' : null));
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    expect(await marks(page, tiles)).toEqual(expected);
  });
});
