import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, storeSettings } from './harness';
import {
  countLeaks,
  HUGE_COUNT,
  HUGE_PATH,
  LEAK_SETTINGS,
  leakPages,
  REAL_PATH,
  scrollThenRerender,
} from './leak-scenarios';
import { MARK_VALUE } from './marks';
import { LEAK_RECORDER } from './pages';
import { LOCAL_SITE_ARGS, startSiteServer } from './site-server';

describe('no flash: an entry that ends hidden or blurred is never painted unfiltered', () => {
  let browser: ExtensionBrowser;
  let server: { close(): void };

  beforeAll(async () => {
    const pages = leakPages();
    server = await startSiteServer((url) =>
      url.hostname === 'archiveofourown.org' ? (pages.get(url.pathname) ?? null) : null,
    );
    browser = await launchWithExtension({ args: LOCAL_SITE_ARGS });
    await browser.context.addInitScript(LEAK_RECORDER);
    await storeSettings(browser.worker, LEAK_SETTINGS);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.skipIf(!HAVE_REAL_PAGES)('the real AO3 page, streamed over 2 s', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://archiveofourown.org${REAL_PATH}`, { waitUntil: 'load' });
    expect(await page.locator(`li.blurb[data-tagveil="${MARK_VALUE.hide}"]`).count()).toBe(4);
    const result = await countLeaks(page);
    expect(result.frames).toBeGreaterThan(20);
    expect(result).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.close();
  });

  it(`a generated page of ${HUGE_COUNT} works, streamed over 2 s`, { timeout: 180_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://archiveofourown.org${HUGE_PATH}`, { waitUntil: 'load', timeout: 170_000 });
    expect(await page.locator('li.blurb[data-tagveil-seen]').count()).toBe(HUGE_COUNT);
    expect(await page.locator(`li.blurb[data-tagveil="${MARK_VALUE.hide}"]`).count()).toBe(
      Math.ceil(HUGE_COUNT / 7),
    );
    const result = await countLeaks(page);
    expect(result.frames).toBeGreaterThan(10);
    expect(result).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.close();
  });

  it('infinite-scroll batches and a single-page-app re-render', async () => {
    const page = await browser.context.newPage();
    const { afterScroll, afterRerender } = await scrollThenRerender(page, async () => {
      expect(await page.locator('li.blurb').count()).toBe(1020);
    });
    expect(afterScroll.frames).toBeGreaterThan(10);
    expect(afterScroll).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    const marks = await page.$$eval('li.blurb', (els) =>
      els.map((el) => [el.id, el.getAttribute('data-tagveil')]),
    );
    expect(marks).toHaveLength(51);
    expect(marks[0]).toEqual(['work_1', MARK_VALUE.hide]);
    expect(afterRerender.frames).toBeGreaterThan(20);
    expect(afterRerender).toMatchObject({ leakedFrames: 0, leakedEntries: [] });
    await page.close();
  });
});
