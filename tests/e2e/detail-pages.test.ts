import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ao3WorkPage, booruPostPage } from '../detail-pages';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  clickClosedButton,
  type ExtensionBrowser,
  launchWithExtension,
  readClosed,
  servePages,
  storeSettings,
} from './harness';

const EHENTAI = 'https://e-hentai.org/g/2267880/abcdef0123/';
const NHENTAI = 'https://nhentai.net/g/305392/';
const COVER = 'tagveil-interstitial';
const AO3_WORK = 'https://archiveofourown.org/works/424242';
const DANBOORU_POST = 'https://danbooru.donmai.us/posts/9';

describe.skipIf(!HAVE_REAL_PAGES)('a warning before a gallery page that carries a blocked tag', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [EHENTAI]: realPage('ehentai', 'sxj_ehentai_gallery_detail_2023.html'),
      [NHENTAI]: realPage('nhentai', 'nhentai_gallery_305392.html'),
      'https://nhentai.net/': '<p>home</p>',
      [AO3_WORK]: ao3WorkPage(
        { rating: ['Mature'], freeform: ['Overwatch Spoilers', 'Artbook'] },
        'Synthetic work',
      ),
      [DANBOORU_POST]: booruPostPage('1girl artbook', 's'),
    });
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        { id: 'p', name: 'No Overwatch', enabled: true, action: 'blur', patterns: ['parody:overwatch'] },
        { id: 'a', name: 'No artbooks', enabled: true, action: 'hide', patterns: ['artbook'] },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector(COVER, { state: 'attached' });
    return page;
  }

  it('E-Hentai: covers the gallery with the reason, and Show anyway uncovers it', async () => {
    const page = await open(EHENTAI);
    expect(await readClosed(page, COVER)).toMatchObject({
      text: expect.stringContaining('Tagged overwatch — list No Overwatch.'),
      buttons: ['Back', 'Show anyway'],
    });
    await clickClosedButton(page, COVER, 'Show anyway');
    await expect.poll(() => page.locator(COVER).count()).toBe(0);
    expect(await page.locator('#gn').isVisible()).toBe(true);
    await page.close();
  });

  it('nhentai: covers the gallery, and Back leaves it', async () => {
    const start = await browser.context.newPage();
    await start.goto('https://nhentai.net/');
    await start.goto(NHENTAI);
    await start.waitForSelector(COVER, { state: 'attached' });
    expect((await readClosed(start, COVER))?.text).toContain('Tagged artbook — list No artbooks.');
    await clickClosedButton(start, COVER, 'Back');
    await expect.poll(() => start.url()).toBe('https://nhentai.net/');
    await start.close();
  });

  it.each([
    [AO3_WORK, 'Tagged Artbook — list No artbooks.'],
    [DANBOORU_POST, 'Tagged artbook — list No artbooks.'],
  ])('%s (synthetic page): covered the same way', async (url, reason) => {
    const page = await open(url);
    expect((await readClosed(page, COVER))?.text).toContain(reason);
    await page.close();
  });

  it('gains and loses its warning as the rules change, without reload', async () => {
    const page = await open(AO3_WORK);
    const withArtbooks = {
      enabled: true,
      sites: {},
      lists: [{ id: 'a', name: 'No artbooks', enabled: true, action: 'hide', patterns: ['artbook'] }],
    };
    await storeSettings(browser.worker, {
      ...withArtbooks,
      lists: [{ ...withArtbooks.lists[0], patterns: [] }],
    });
    await expect.poll(() => page.locator(COVER).count()).toBe(0);
    expect(await page.locator('#chapters').isVisible()).toBe(true);
    await storeSettings(browser.worker, withArtbooks);
    await expect.poll(() => page.locator(COVER).count()).toBe(1);
    expect((await readClosed(page, COVER))?.text).toContain('Tagged Artbook — list No artbooks.');
    // Tagveil switched off for the site: the warning goes.
    await storeSettings(browser.worker, { ...withArtbooks, sites: { ao3: false } });
    await expect.poll(() => page.locator(COVER).count()).toBe(0);
    await page.close();
  });

  it('a gallery without a blocked tag shows as it is', async () => {
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [{ id: 'x', name: 'X', enabled: true, action: 'hide', patterns: ['vanilla'] }],
    });
    const page = await browser.context.newPage();
    await page.goto(EHENTAI);
    await expect.poll(() => page.locator('#gn').isVisible()).toBe(true);
    expect(await page.locator(COVER).count()).toBe(0);
    await page.close();
  });
});
