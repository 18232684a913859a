import { readFileSync } from 'node:fs';
import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagLinkPatterns } from '../../src/background/menus';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { planSync } from '../../src/settings/sync-layout';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { seriousViolations } from './axe';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  pageStateOf,
  readSettings,
  readVeil,
  servePages,
  storeSettings,
  tabIdOf,
} from './harness';
import { MARK_VALUE } from './marks';
import { worksPage } from './pages';

declare const chrome: typeof Browser;
const URL = 'https://archiveofourown.org/tags/Dysphoria/works';

/** Works on the real page that carry a tag (by its link text). */
function carriers(page: Page, tag: string) {
  return page.locator(`li.blurb:has(a.tag:text-is("${tag}"))`);
}

describe.skipIf(!HAVE_REAL_PAGES)('the user interface, end to end', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let options: Page;
  const base = () => `chrome-extension://${browser.extensionId}`;

  beforeAll(async () => {
    browser = await launchWithExtension({ keepOnboarding: true });
    await servePages(browser.context, { [URL]: realPage('ao3', 'tag_works_Dysphoria.html') });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('installing opens onboarding; choosing a preset and an action filters an AO3 page', async () => {
    const onboarding = browser.context.pages().find((p) => p.url() === `${base()}/onboarding.html`);
    if (!onboarding) throw new Error('no onboarding page opened on install');
    // Nothing is hidden before the user chooses.
    const stored = (await readSettings(browser.worker)) as Settings;
    expect(stored.lists.filter((l) => l.enabled && l.patterns.length > 0)).toEqual([]);
    await onboarding.getByRole('checkbox', { name: /Gore & guro/u }).check();
    await onboarding.getByRole('radio', { name: /^Hide/u }).check();
    await onboarding.getByRole('button', { name: 'Start filtering' }).click();
    await expect
      .poll(() => onboarding.locator('#done').textContent())
      .toMatch(/^Done: Gore & guro switched on/u);
    page = await browser.context.newPage();
    await page.goto(URL);
    const violent = carriers(page, 'Graphic Depictions Of Violence');
    expect(await violent.count()).toBe(3);
    await expect.poll(() => page.locator(`li.blurb[data-tagveil="${MARK_VALUE.hide}"]`).count()).toBe(3);
    expect(await violent.locator(`:scope:not([data-tagveil="${MARK_VALUE.hide}"])`).count()).toBe(0);
    await onboarding.close();
  });

  it('the toolbar badge counts the entries acted on in the tab', async () => {
    const tabId = await tabIdOf(browser.worker, page);
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('3');
  });

  it('"Pause for 1 hour" in the popup shows the page unfiltered until Resume', async () => {
    const tabId = await tabIdOf(browser.worker, page);
    const popup = await openPopup(browser, tabId);
    await popup.getByRole('button', { name: 'Pause for 1 hour' }).click();
    await expect.poll(() => page.locator('li.blurb[data-tagveil]').count()).toBe(0);
    await expect.poll(() => popup.locator('#paused').textContent()).toMatch(/^Paused until \d/u);
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('');
    await popup.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.locator(`li.blurb[data-tagveil="${MARK_VALUE.hide}"]`).count()).toBe(3);
    await popup.close();
  });

  it('the options rule editor shows a bad line’s error and explains a good one; Save keeps both, the page applies the good one and reports the bad', async () => {
    options = await browser.context.newPage();
    await options.goto(`${base()}/options.html`);
    const editor = options.getByLabel('Rules of My blocklist, one per line');
    await editor.fill('Body Swap\n/(a+)+$/');
    await expect
      .poll(() => options.locator('#errors-list-mine').textContent())
      .toMatch(/^Line 2, column \d+: .*\(\/\(a\+\)\+\$\/\)$/u);
    await editor.press('Control+Home');
    await expect
      .poll(() => options.locator('#explain-list-mine').textContent())
      .toBe('Hides entries tagged “body swap” in any namespace.');
    await options.getByRole('button', { name: 'Save rules of My blocklist' }).click();
    // The bad line is kept as the user wrote it (stored, flagged), not lost.
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toEqual(['Body Swap', '/(a+)+$/']);
    expect(await editor.inputValue()).toBe('Body Swap\n/(a+)+$/');
    const swapped = carriers(page, 'Body Swap');
    expect(await swapped.count()).toBeGreaterThan(0);
    await expect
      .poll(() => swapped.locator(`:scope:not([data-tagveil="${MARK_VALUE.hide}"])`).count())
      .toBe(0);
    // The page skips the line that does not read, and says so.
    await expect
      .poll(async () => (await pageStateOf(browser.worker, page)).problems.join('\n'))
      .toMatch(/^My blocklist, line 2, column \d+: /mu);
  });

  it('two options pages editing the same list at once lose neither edit, and each shows the other’s', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${base()}/options.html`);
    const here = options.getByLabel('Rules of My blocklist, one per line');
    const there = other.getByLabel('Rules of My blocklist, one per line');
    // Both start from the same rules; each adds one and saves without reloading.
    await here.fill(`${await here.inputValue()}\nfirst edit`);
    await there.fill(`${await there.inputValue()}\nsecond edit`);
    await options.getByRole('button', { name: 'Save rules of My blocklist' }).click();
    await other.getByRole('button', { name: 'Save rules of My blocklist' }).click();
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toEqual(expect.arrayContaining(['Body Swap', 'first edit', 'second edit']));
    // The first page shows the second page's rule without a reload.
    await expect.poll(() => here.inputValue()).toContain('second edit');
    await other.close();
    // Back to one rule for the tests that follow.
    await here.fill('Body Swap');
    await options.getByRole('button', { name: 'Save rules of My blocklist' }).click();
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toEqual(['Body Swap']);
  });

  it('the badge setting turns the count off, and on again', async () => {
    const tabId = await tabIdOf(browser.worker, page);
    const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await options.getByLabel('Show the number of entries acted on, on the toolbar button').uncheck();
    await expect.poll(badge).toBe('');
    await options.getByLabel('Show the number of entries acted on, on the toolbar button').check();
    await expect.poll(badge).toMatch(/^[1-9]\d*$/u);
  });

  it('"Test a tag" names the rule that would fire', async () => {
    await options.locator('#test-tags').fill('warning:Graphic Depictions Of Violence, fluff');
    await expect.poll(() => options.locator('#test-result').textContent()).toMatch(/^Would Hide\./u);
    expect(await options.locator('#test-result').textContent()).toContain(
      'warning:graphic depictions of violence',
    );
  });

  it('Chromium accepts the context menu’s tag-link patterns of every site', async () => {
    const error = await browser.worker.evaluate(
      (patterns) =>
        new Promise<string | null>((resolve) => {
          chrome.contextMenus.create(
            { id: 'probe', title: 'probe', contexts: ['link'], targetUrlPatterns: patterns },
            () => {
              const message = chrome.runtime.lastError?.message ?? null;
              void chrome.contextMenus.remove('probe').catch(() => undefined);
              resolve(message);
            },
          );
        }),
      tagLinkPatterns(),
    );
    expect(error).toBeNull();
  });

  it('the context menu’s "Hide entries with this tag" on a tag link blocks it, and the open tab re-judges', async () => {
    // Headless Chromium has no native menus: the test fires the browser's own onClicked event in the
    // service worker, with what Chromium passes when the user picks the item on an AO3 tag link.
    await browser.worker.evaluate(() => {
      const fire = chrome.contextMenus.onClicked as unknown as {
        dispatch(info: unknown, tab: unknown): void;
      };
      fire.dispatch(
        {
          menuItemId: 'tagveil-link:mine',
          parentMenuItemId: 'tagveil-link',
          linkUrl: 'https://archiveofourown.org/tags/Fluff/works',
          pageUrl: 'https://archiveofourown.org/tags/Dysphoria/works',
          editable: false,
        },
        { id: 1 },
      );
    });
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toContain('Fluff');
    const fluffy = carriers(page, 'Fluff');
    expect(await fluffy.count()).toBeGreaterThan(0);
    await expect
      .poll(() => fluffy.locator(`:scope:not([data-tagveil="${MARK_VALUE.hide}"])`).count())
      .toBe(0);
  });

  it('sizes stored settings exactly as storage.sync counts them', async () => {
    const settings = await readSettings(browser.worker);
    const used = await browser.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    expect(used).toBe(planSync(settings as Settings, Date.now()).bytes);
  });

  it('exports the settings, and importing the file back after a change filters the page as before', async () => {
    const before = await page.$$eval('li.blurb', (els) => els.map((el) => el.getAttribute('data-tagveil')));
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all settings' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; settings: Settings };
    expect(exported.format).toBe('tagveil');
    // Everything off: the page shows every work.
    const emptied = structuredClone(exported.settings);
    for (const list of emptied.lists) list.enabled = false;
    await storeSettings(browser.worker, emptied);
    await expect.poll(() => page.locator('li.blurb[data-tagveil]').count()).toBe(0);
    await options.locator('#import-file').setInputFiles(file);
    await options.getByLabel(/^Replace/u).check();
    await expect
      .poll(() => options.locator('#import-preview').textContent())
      .toContain('replace every other setting');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('#notice-import').textContent()).toMatch(/^Imported/u);
    await expect
      .poll(() => page.$$eval('li.blurb', (els) => els.map((el) => el.getAttribute('data-tagveil'))))
      .toEqual(before);
  });

  it('refuses an import that does not validate, naming the path, and changes nothing', async () => {
    const stored = await readSettings(browser.worker);
    await options.getByText('…or paste the text').click();
    const bad = JSON.stringify({
      format: 'tagveil',
      version: 2,
      lists: [{ id: 'x', name: 'X', enabled: true, action: 'remove', patterns: [] }],
    });
    await options.locator('#import-text').fill(bad);
    await options.locator('#import-text').blur();
    await expect
      .poll(() => options.locator('#import-errors').textContent())
      .toContain("lists[0].action: expected hide|collapse|blur|label, got 'remove'");
    expect(await options.locator('#import-apply').count()).toBe(0);
    expect(await readSettings(browser.worker)).toEqual(stored);
  });

  it('a list too big for browser sync is kept locally with a notice, and no rule is lost', async () => {
    const tags = Array.from({ length: 8000 }, (_, i) => `a rather long tag name number ${i}`);
    // Pasted at once (typing 270 KB through the automation's text input takes minutes).
    await options.locator('#import-text').evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, tags.join('\n'));
    await options.locator('#import-format').selectOption('plain');
    await options.getByLabel(/^Merge/u).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('#sync-fallback').count(), { timeout: 15_000 }).toBe(1);
    expect(await options.locator('#sync-fallback').textContent()).toMatch(/kept on this device only/u);
    const stored = await readSettings(browser.worker);
    expect(stored?.lists.find((l) => l.id === 'imported')?.patterns).toEqual(tags);
    // The page is still filtered from the local copy.
    await page.reload();
    await expect
      .poll(() => carriers(page, 'Fluff').locator(`:scope:not([data-tagveil="${MARK_VALUE.hide}"])`).count())
      .toBe(0);
  });

  it('popup, options and onboarding have no serious accessibility violations (axe-core)', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    expect(await seriousViolations(options)).toEqual([]);
    const onboarding = await browser.context.newPage();
    await onboarding.goto(`${base()}/onboarding.html`);
    expect(await seriousViolations(onboarding)).toEqual([]);
    await onboarding.close();
  });

  it('…in dark mode too (contrast included)', async () => {
    for (const path of ['popup.html', 'options.html', 'onboarding.html']) {
      const view = await browser.context.newPage();
      await view.emulateMedia({ colorScheme: 'dark' });
      await view.goto(`${base()}/${path}`);
      await view.waitForSelector('h1');
      expect(await seriousViolations(view), path).toEqual([]);
      await view.close();
    }
  });
});

describe('the Japanese user interface', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({ args: ['--lang=ja'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the popup, options and onboarding in Japanese', async () => {
    const base = `chrome-extension://${browser.extensionId}`;
    const popup = await browser.context.newPage();
    await popup.goto(`${base}/popup.html`);
    await expect.poll(() => popup.locator('#page-heading').textContent()).toBe('このページ');
    expect(await popup.locator('html').getAttribute('lang')).toBe('ja');
    const options = await browser.context.newPage();
    await options.goto(`${base}/options.html`);
    await expect.poll(() => options.locator('h1').textContent()).toBe('Tagveil の設定');
    // A fresh install in Japanese names its list in Japanese.
    const editor = options.getByLabel('マイブロックリスト のルール（1 行に 1 つ）');
    await editor.fill('寝取られ -純愛');
    await editor.press('Control+Home');
    await expect
      .poll(() => options.locator('#explain-list-mine').textContent())
      .toBe(
        '「寝取られ」タグ（名前空間を問わず）が付いた作品を非表示にします。ただし、「純愛」タグ（名前空間を問わず）が付いたものは除きます。',
      );
    expect(await seriousViolations(options)).toEqual([]);
    const onboarding = await browser.context.newPage();
    await onboarding.goto(`${base}/onboarding.html`);
    await expect.poll(() => onboarding.locator('h1').textContent()).toBe('Tagveil へようこそ');
  });

  it('says why an import is refused in Japanese', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#paste-details summary').click();
    await options.locator('#import-text').fill('{"format": "tagveil", "version": 2, "lists": [{"id": 1}]}');
    await options.locator('#import-text').dispatchEvent('change');
    await options.locator('#import-format').selectOption('tagveil');
    const errors = options.locator('#import-errors li');
    await expect.poll(() => errors.first().textContent()).toBe('lists[0].id: 文字列 が必要ですが、1 でした');
    // Not one English sentence among them.
    for (const text of await errors.allTextContents())
      expect(text).not.toMatch(/[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/u);
    await options.locator('#import-text').fill('{"lists": ');
    await options.locator('#import-text').dispatchEvent('change');
    await options.locator('#import-format').selectOption('tagveil');
    await expect
      .poll(() => errors.allTextContents())
      .toEqual(['JSON ではありません: ファイルが途中で終わっています']);
    await options.close();
  });

  it('writes the reason on a filtered page in Japanese, and the rules match as in English', async () => {
    const url = 'https://archiveofourown.org/works';
    await servePages(browser.context, { [url]: worksPage(20) });
    const settings = defaultSettings();
    settings.lists[0] = {
      id: 'mine',
      name: 'マイリスト',
      enabled: true,
      action: 'blur',
      patterns: ['netorare'],
    };
    await storeSettings(browser.worker, settings);
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('#work_0').getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    const veil = await readVeil(page, '#work_0');
    expect(veil?.text).toContain('注意：Netorare');
    expect(veil?.buttons).toEqual(['表示', 'これを隠す']);
  });
});
