import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  clickClosedButton,
  type ExtensionBrowser,
  launchWithExtension,
  readClosed,
  storeSettings,
} from './harness';
import { MARK_VALUE } from './marks';

const FIRST = 'https://archiveofourown.org/tags/Dysphoria/works';
/** The real first page's own "next" link, and the one after it. */
const SECOND = 'https://archiveofourown.org/tags/Dysphoria/works.html?view_adult=true&page=2';
const THIRD = 'https://archiveofourown.org/tags/Dysphoria/works.html?view_adult=true&page=3';

const settings = (refill: string) => ({
  enabled: true,
  refill,
  sites: {},
  lists: [
    {
      id: 'r',
      name: 'Ratings',
      enabled: true,
      action: 'hide',
      patterns: ['rating:mature', 'rating:explicit', 'rating:teen and up audiences'],
    },
  ],
});

describe.skipIf(!HAVE_REAL_PAGES)('refill: a list page mostly hidden is topped up from its next page', () => {
  let browser: ExtensionBrowser;
  const requested: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension();
    // The second page is another real page, with its own next link pointing at the third; the third fails.
    const second = realPage('ao3', 'tag_works_Worldbuilding.html').replace(
      /<li class="next"><a href="[^"]*"/u,
      '<li class="next"><a href="/tags/Dysphoria/works.html?view_adult=true&amp;page=3"',
    );
    await browser.context.route(/^https?:\/\//u, (route) => {
      const url = route.request().url();
      if (url === FIRST)
        return route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: realPage('ao3', 'tag_works_Dysphoria.html'),
        });
      requested.push(url);
      if (url === SECOND) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: second });
      if (url === THIRD) return route.fulfill({ status: 500, body: 'Retry later' });
      return route.fulfill({ status: 404, body: '' });
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const pageRequests = () => requested.filter((u) => u === SECOND || u === THIRD);

  it('off (the default): fetches nothing', async () => {
    await storeSettings(browser.worker, settings('off'));
    const page = await browser.context.newPage();
    await page.goto(FIRST);
    await page.waitForSelector(`li.blurb[data-tagveil="${MARK_VALUE.hide}"]`, { state: 'attached' });
    await page.waitForTimeout(300);
    expect(pageRequests()).toEqual([]);
    expect(await page.locator('tagveil-refill').count()).toBe(0);
    await page.close();
  });

  it('auto: loads the next pages one at a time, appends their entries, and reports a failure', async () => {
    await storeSettings(browser.worker, settings('auto'));
    const page: Page = await browser.context.newPage();
    await page.goto(FIRST);
    await expect.poll(() => page.locator('li.blurb').count()).toBe(40);
    await expect
      .poll(async () => (await readClosed(page, 'tagveil-refill'))?.text ?? '')
      .toContain('Could not load the next page: the site answered 500.');
    expect(pageRequests()).toEqual([SECOND, THIRD]);
    // The appended works were judged like the others: none that should be hidden shows.
    const shown = await page.$$eval('li.blurb:not([data-tagveil])', (els) =>
      els.map((el) => el.querySelector('span.rating')?.getAttribute('title')),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const rating of shown) expect(['General Audiences', 'Not Rated']).toContain(rating);
    await page.close();
  });

  it('offer: waits for the user to ask', async () => {
    requested.length = 0;
    await storeSettings(browser.worker, settings('offer'));
    const page = await browser.context.newPage();
    await page.goto(FIRST);
    await page.waitForSelector('tagveil-refill', { state: 'attached' });
    expect((await readClosed(page, 'tagveil-refill'))?.text).toContain(
      'Tagveil hid 18 of 20 entries on this page.',
    );
    expect(pageRequests()).toEqual([]);
    await clickClosedButton(page, 'tagveil-refill', 'Load entries from the next page');
    await expect.poll(() => page.locator('li.blurb').count()).toBe(40);
    expect(pageRequests()).toEqual([SECOND]);
    await page.close();
  });
});
