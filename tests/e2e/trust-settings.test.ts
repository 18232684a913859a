// The settings part of the "Trust" issue in the built extension: damaged settings in real storage, a real
// AO3 listing, the real popup.
import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/chromium';
import { readSnapshot, storedStamp } from '../../src/settings/snapshot';
import { decodeSync } from '../../src/settings/sync-layout';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  pageStateOf,
  servePages,
  storeSettings,
  tabIdOf,
} from './harness';
import { MARK_VALUE } from './marks';

declare const chrome: typeof Browser;

const URL = 'https://archiveofourown.org/tags/Dysphoria/works';
/** A tag longer than a rule may be (500 characters), blocked the way an older popup did: unchecked. */
const LONG_TAG = `A tag that is really a whole summary ${'and then some more '.repeat(32)}`.trim();

function list(patterns: string[]) {
  return { id: 'mine', name: 'My blocklist', enabled: true, action: 'hide', patterns };
}

/** Works on the page carrying a tag (by its link text), and those of them Tagveil hid. */
function hidden(page: Page, tag: string) {
  return page.locator(`li.blurb:has(a.tag:text-is("${tag}"))[data-tagveil="${MARK_VALUE.hide}"]`);
}

async function syncItems(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return browser.worker.evaluate(() => chrome.storage.sync.get(null));
}

/** When the copy this browser keeps as its last good one was saved. */
async function lastGoodStamp(browser: ExtensionBrowser): Promise<number | undefined> {
  const stamp = await browser.worker.evaluate(
    async () => (await chrome.storage.local.get('settings-last-good-stamp'))['settings-last-good-stamp'],
  );
  return (stamp as { t?: number } | undefined)?.t;
}

describe.skipIf(!HAVE_REAL_PAGES)('settings a user can trust, in the built extension', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, { [URL]: realPage('ao3', 'tag_works_Dysphoria.html') });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('1. an over-long rule in storage: the page is filtered by the other rules, the popup opens and says what was cut', async () => {
    expect(LONG_TAG.length).toBeGreaterThan(500);
    await storeSettings(browser.worker, { enabled: true, sites: {}, lists: [list([LONG_TAG, 'Body Swap'])] });
    await page.goto(URL);
    await expect.poll(() => hidden(page, 'Body Swap').count()).toBeGreaterThan(0);
    const state = await pageStateOf(browser.worker, page);
    expect(state.problems.join('\n')).toMatch(
      /lists\[0\]\.patterns\[0\]: a rule of \d+ characters \(at most 500\) left out/u,
    );

    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#master-toggle');
    expect(await popup.locator('#counts').isVisible()).toBe(true);
    await expect
      .poll(() => popup.locator('.problem').allTextContents())
      .toContainEqual(
        expect.stringMatching(/^Settings repaired: lists\[0\]\.patterns\[0\]: a rule of \d+ characters/u),
      );
    // The original, over-long rule included, is kept as a settings file to download.
    const backups = await browser.worker.evaluate(
      async () => (await chrome.storage.local.get('settings-backups'))['settings-backups'],
    );
    expect(JSON.stringify(backups)).toContain(LONG_TAG.slice(0, 60));

    // The popup saves again: a switch stores the settings without the rule, and the notice goes.
    await popup.locator('#audit-toggle').check();
    await waitFor(async () => {
      const decoded = decodeSync(await syncItems(browser));
      return decoded.kind === 'ok' && (decoded.raw as { audit?: boolean }).audit === true;
    }, 'the switch to be saved');
    const decoded = decodeSync(await syncItems(browser));
    expect(
      decoded.kind === 'ok' && (decoded.raw as { lists: { patterns: string[] }[] }).lists[0]?.patterns,
    ).toEqual(['Body Swap']);
    await popup.close();
  });

  it('2. a missing sync chunk: the page stays filtered with the last good copy, and a popup switch does not write defaults', async () => {
    const many = Array.from({ length: 800 }, (_, i) => `a fairly long tag name that nobody uses ${i}`);
    await storeSettings(browser.worker, { enabled: true, sites: {}, lists: [list(['Body Swap', ...many])] });
    const items = await syncItems(browser);
    expect(Object.keys(items).filter((k) => k.startsWith('tagveil.')).length).toBeGreaterThan(2);
    // The extension reads the new copy (the background does on the change) and keeps it as the last good one.
    const savedAt = Number((items.tagveil as { t: string }).t);
    await waitFor(async () => (await lastGoodStamp(browser)) === savedAt, 'the last good copy to be kept');

    // Another device's save, half arrived: its second part is missing.
    await browser.worker.evaluate(() => chrome.storage.sync.remove('tagveil.1'));
    await page.reload();
    await expect.poll(() => hidden(page, 'Body Swap').count()).toBeGreaterThan(0);
    // The page may start from the snapshot written before the part went missing; the background's next
    // one, with the problem, reaches it a moment later.
    await expect
      .poll(async () => (await pageStateOf(browser.worker, page)).problems.join('\n'))
      .toMatch(/cannot be read \(part 2 of \d+ of the settings is missing\)/u);

    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#master-toggle');
    await expect
      .poll(() => popup.locator('.problem').allTextContents())
      .toContainEqual(expect.stringMatching(/last good copy/u));
    await popup.locator('#audit-toggle').check();
    await waitFor(async () => decodeSync(await syncItems(browser)).kind === 'ok', 'the switch to be saved');
    const decoded = decodeSync(await syncItems(browser));
    const saved =
      decoded.kind === 'ok' ? (decoded.raw as { audit: boolean; lists: { patterns: string[] }[] }) : null;
    expect(saved?.audit).toBe(true);
    expect(saved?.lists[0]?.patterns).toHaveLength(801);
    await popup.close();
  });

  it('3. the snapshot pages start from reads back from the browser’s own storage as the background wrote it', async () => {
    // Rule lines are keys of the snapshot's parses: full-width letters, characters beyond U+FFFF and digits
    // order differently by UTF-16 unit, by code point and as integers.
    const lines = ['Body Swap', '/^dys/', 'ＮＴＲ', 'ﾈﾄﾗﾚ', '😀', '𠮷野家', '8653', '10'];
    await storeSettings(browser.worker, { enabled: true, sites: {}, lists: [list(lines)] });
    // Chromium gives an object's keys back in its own order: the sum must still match (snapshot.ts).
    const stored = async () =>
      browser.worker.evaluate(async () => {
        const local = await chrome.storage.local.get(['settings-snapshot', 'settings-last-good-stamp']);
        const sync = await chrome.storage.sync.get('tagveil');
        return {
          snapshot: local['settings-snapshot'],
          lastGood: local['settings-last-good-stamp'],
          meta: sync.tagveil,
        };
      });
    await expect
      .poll(async () => {
        const { snapshot } = await stored();
        return (snapshot as { settings?: { lists?: { patterns: string[] }[] } })?.settings?.lists?.[0]
          ?.patterns;
      })
      .toEqual(lines);
    const { snapshot, lastGood, meta } = await stored();
    const read = readSnapshot(snapshot, storedStamp(meta, lastGood));
    expect(read?.settings.lists[0]?.patterns).toEqual(lines);
    expect(Object.keys(read?.regex ?? {})).toEqual(['/^dys/']);
    await page.goto(URL);
    await expect.poll(() => hidden(page, 'Body Swap').count()).toBeGreaterThan(0);
  });
});
