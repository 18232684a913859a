import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  readSettings,
  servePages,
  storeSettings,
  tabIdOf,
} from './harness';
import { MARK_VALUE } from './marks';
import { worksPage } from './pages';

// The popup on a 20-work AO3 listing where works 0, 7 and 14 carry "Netorare" (tests/e2e/pages.ts).
const URL = 'https://archiveofourown.org/tags/Original%20Work/works';
/** The most a browser gives a popup (Chromium and Firefox alike). */
const POPUP_MAX_HEIGHT = 600;

function settingsWith(change: (s: Settings) => void): Settings {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

/** The popup as the browser would size it: 360 px wide, as tall as its content, up to 600 px. */
async function popupHeights(popup: Page) {
  await popup.setViewportSize({ width: 360, height: POPUP_MAX_HEIGHT });
  return popup.evaluate(() => ({
    content: document.documentElement.scrollHeight,
    blockBottom:
      (document.querySelector('#block')?.getBoundingClientRect().bottom ?? Infinity) + window.scrollY,
  }));
}

async function launch(args: string[] = []): Promise<{ browser: ExtensionBrowser; page: Page }> {
  const browser = await launchWithExtension({ args });
  await servePages(browser.context, { [URL]: worksPage(20) });
  await storeSettings(
    browser.worker,
    settingsWith((s) => {
      const mine = s.lists[0];
      if (mine) Object.assign(mine, { action: 'blur', patterns: ['Filler Tag 3'] });
      // A snoozed list: on, but paused for an hour.
      s.lists.push({
        id: 'later',
        name: 'Snoozed list',
        enabled: true,
        action: 'hide',
        patterns: ['Filler Tag 5'],
        snoozedUntil: Date.now() + 3_600_000,
      });
    }),
  );
  const page = await browser.context.newPage();
  await page.goto(URL);
  await page.waitForSelector('li.blurb[data-tagveil-seen]', { state: 'attached' });
  return { browser, page };
}

describe('the popup', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    ({ browser, page } = await launch());
    popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fits the 600 px a browser gives a popup, with "Block a tag" in view', async () => {
    const { content, blockBottom } = await popupHeights(popup);
    expect(content).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(blockBottom).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  });

  it('says, as the user types, how many entries on this page the tag matches', async () => {
    await popup.getByLabel('Tag to block').fill('netorare');
    await expect
      .poll(() => popup.locator('#match-count').textContent())
      .toBe('Matches 3 of the 20 entries on this page.');
  });

  it('a tag nothing here has says so, and offers the closest tags on the page and in the presets', async () => {
    await popup.getByLabel('Tag to block').fill('netorere');
    await expect
      .poll(() => popup.locator('#match-count').textContent())
      .toMatch(/^Nothing here has this tag\./u);
    const suggested = popup.locator('#match-count .suggest').first().getByRole('button');
    expect(await suggested.allTextContents()).toContain('freeform:Netorare');
    // A suggestion fills the box, and the count follows.
    await suggested.filter({ hasText: /^freeform:Netorare$/u }).click();
    expect(await popup.getByLabel('Tag to block').inputValue()).toBe('freeform:Netorare');
    await expect
      .poll(() => popup.locator('#match-count').textContent())
      .toBe('Matches 3 of the 20 entries on this page.');
  });

  it('the typed text is one tag, quoted as needed: "Fic #2" is not a comment, "a b" not two tags', async () => {
    await popup.getByLabel('Tag to block').fill('Fic #2');
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await expect
      .poll(() => popup.locator('#notice').textContent())
      .toMatch(/^Blocked “"Fic #2"” in My blocklist/u);
    expect((await readSettings(browser.worker))?.lists[0]?.patterns).toEqual(['Filler Tag 3', '"Fic #2"']);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toEqual(['Filler Tag 3']);
  });

  it('Block says "Blocked" with Undo in place; the page filters at once; Undo takes it back', async () => {
    await popup.getByLabel('Tag to block').fill('Netorare');
    await expect.poll(() => popup.locator('#match-count').textContent()).toMatch(/^Matches 3/u);
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await expect
      .poll(() => popup.locator('#notice').textContent())
      .toBe('Blocked “Netorare” in My blocklist. 3 entries on this page carry it.Undo');
    expect(await popup.getByLabel('Tag to block').inputValue()).toBe('');
    await expect.poll(() => page.locator('#work_7').getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => popup.locator('#notice').textContent())
      .toBe('Undone: “Netorare” is out of My blocklist again.');
    await expect.poll(() => page.locator('#work_7').getAttribute('data-tagveil')).toBeNull();
  });

  it('a notice and a half-typed tag survive a settings change made elsewhere', async () => {
    await popup.getByLabel('Tag to block').fill('Filler Tag 9');
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await expect.poll(() => popup.locator('#notice').textContent()).toMatch(/^Blocked “Filler Tag 9”/u);
    await popup.getByText(/^Tags on this page/u).click();
    // Another page (the options) changes a setting: the popup redraws from storage.
    const stored = (await readSettings(browser.worker)) as Settings;
    stored.badge = !stored.badge;
    await storeSettings(browser.worker, stored);
    await popup.waitForTimeout(300);
    expect(await popup.locator('#notice').textContent()).toMatch(/^Blocked “Filler Tag 9”/u);
    expect(await popup.locator('#tags-seen').getAttribute('open')).toBe('');
    // And text typed into the box stays through another change, caret and all.
    const box = popup.getByLabel('Tag to block');
    await box.fill('half typ');
    await box.press('ArrowLeft');
    stored.badge = !stored.badge;
    await storeSettings(browser.worker, stored);
    await popup.waitForTimeout(300);
    expect(await box.inputValue()).toBe('half typ');
    expect(await box.evaluate((el) => (el as HTMLInputElement).selectionStart)).toBe(7);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('');
  });

  it('reasons are grouped by tag and list, and × unblocks one (with Undo)', async () => {
    const reasons = popup.locator('#rule-counts li');
    await expect
      .poll(() => reasons.allTextContents())
      .toContainEqual(expect.stringMatching(/^Filler Tag 3 — My blocklist/u));
    const labels = (await reasons.allTextContents()).map((r) => r.split(' — ')[0]);
    expect(new Set(labels).size).toBe(labels.length);
    await popup.getByRole('button', { name: /^Unblock Filler Tag 3 in My blocklist/u }).click();
    await expect
      .poll(() => popup.locator('#notice').textContent())
      .toBe('Unblocked “Filler Tag 3” in My blocklist.Undo');
    expect((await readSettings(browser.worker))?.lists[0]?.patterns).not.toContain('Filler Tag 3');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toContain('Filler Tag 3');
  });

  it('a snoozed list is shown paused, not on', async () => {
    await popup.getByText(/^Blocklists/u).click();
    const row = popup.locator('#lists li', { hasText: 'Snoozed list' });
    expect(await row.textContent()).toMatch(/Paused until \d/u);
    expect(await popup.locator('#lists-details summary').textContent()).toBe('Blocklists (1 of 3 on)');
  });

  it('shows E-Hentai’s tag completion only on E-Hentai', async () => {
    expect(await popup.locator('#complete-tags').count()).toBe(0);
  });

  it('lists every tag on the page, with a filter', async () => {
    const rows = popup.locator('#tags-seen ul.tags li');
    const all = await rows.count();
    expect(all).toBeGreaterThan(100);
    await popup.getByLabel('Filter tags').fill('filler tag 1');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain('filler tag 1');
  });
});

describe('the popup in Japanese', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ browser } = await launch(['--lang=ja']));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fits 600 px too, with "Block a tag" in view', async () => {
    const page = browser.context.pages().find((p) => p.url() === URL) as Page;
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#counts');
    expect(await popup.locator('#block-heading').textContent()).toBe('タグをブロック');
    const { content, blockBottom } = await popupHeights(popup);
    expect(content).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(blockBottom).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
  });
});
