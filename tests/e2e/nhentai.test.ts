import type { Browser } from '@wxt-dev/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchWithExtension, readVeil, servePages, storeSettings } from './harness';
import { actionOfMark, MARK_VALUE } from './marks';

declare const chrome: typeof Browser;

const LISTING = 'https://nhentai.net/tag/ahegao/';
const GALLERY = 'https://nhentai.net/g/305392/';

/** The real listing; the first gallery not in English also carries tag id 27378 ("artbook", named only on gallery pages). */
function derivedListing(): string {
  let done = false;
  return realPage('nhentai', 'nhentai_tag_ahegao_listing_2025.html').replace(
    /<div class="gallery" data-tags="([^"]*)"/gu,
    (all, ids: string) => {
      if (done || ids.split(' ').includes('12227')) return all;
      done = true;
      return `<div class="gallery" data-tags="${ids} 27378"`;
    },
  );
}

describe.skipIf(!HAVE_REAL_PAGES)('Tagveil on a real nhentai listing', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [LISTING]: derivedListing(),
      [GALLERY]: realPage('nhentai', 'nhentai_gallery_305392.html'),
    });
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        { id: 'en', name: 'Not in English', enabled: true, action: 'hide', patterns: ['english'] },
        { id: 'art', name: 'No artbooks', enabled: true, action: 'blur', patterns: ['artbook'] },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides galleries by the name of a tag the listing writes only as an id', async () => {
    const page = await browser.context.newPage();
    await page.goto(LISTING);
    const galleries = 'div.gallery[data-tags]';
    await page.waitForSelector(`${galleries}[data-tagveil-seen]`, { state: 'attached' });
    const expected = await page.$$eval(galleries, (els) =>
      els.map((el) => ((el.getAttribute('data-tags') ?? '').split(' ').includes('12227') ? 'hide' : null)),
    );
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    const marks = await page.$$eval(galleries, (els) => els.map((el) => el.getAttribute('data-tagveil')));
    expect(marks.map(actionOfMark)).toEqual(expected);
    await page.close();
  });

  it('learns tag names from a gallery page and uses them on the listing', async () => {
    const page = await browser.context.newPage();
    await page.goto(LISTING);
    await page.waitForSelector('div.gallery[data-tagveil-seen]', { state: 'attached' });
    expect(await page.locator('div.gallery[data-tags$=" 27378"]').getAttribute('data-tagveil')).toBeNull();
    await page.goto(GALLERY);
    await page.goto(LISTING);
    const artbook = 'div.gallery[data-tags$=" 27378"]';
    await page.waitForSelector(`${artbook}[data-tagveil-seen]`, { state: 'attached' });
    expect(await page.locator(artbook).getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    expect((await readVeil(page, artbook))?.text).toContain('Content warning: artbook — list No artbooks');
    const learned = await browser.worker.evaluate(
      async () => (await chrome.storage.local.get('learned-tags:nhentai'))['learned-tags:nhentai'],
    );
    expect(learned).toMatchObject({ '27378': 'artbook' });
    await page.close();
  });
});
