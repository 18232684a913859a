import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postList } from '../booru-pages';
import { type ExtensionBrowser, launchWithExtension, servePages, storeSettings } from './harness';
import { actionOfMark } from './marks';

const DANBOORU = 'https://danbooru.donmai.us/posts?tags=1girl';
const E621 = 'https://e621.net/posts';

describe('Tagveil on booru post lists (synthetic pages in their markup)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [DANBOORU]: postList('article class="post-preview"'),
      [E621]: postList('article class="thumbnail"'),
    });
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        { id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['netorare'] },
        { id: 'r', name: 'Explicit', enabled: true, action: 'blur', patterns: ['rating:explicit'] },
        // e621's s is safe; Danbooru's s is sensitive (since 2022): the same letter, not the same word.
        { id: 's', name: 'Safe', enabled: true, action: 'label', patterns: ['rating:safe'] },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [DANBOORU, 'article.post-preview', null],
    [E621, 'article.thumbnail', 'label'],
  ])(
    '%s: hides by tag, blurs by rating, labels rating:safe as the site means it',
    async (url, selector, safe) => {
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForSelector(`${selector}[data-tagveil-seen]`, { state: 'attached' });
      const marks = await page.$$eval(selector, (els) => els.map((el) => el.getAttribute('data-tagveil')));
      expect(marks.map(actionOfMark)).toEqual([null, 'hide', null, 'blur', safe, null]);
      expect(await page.locator(`${selector}[data-id="102"]`).isVisible()).toBe(false);
      await page.close();
    },
  );
});
