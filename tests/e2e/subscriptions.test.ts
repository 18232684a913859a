import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/settings/schema';
import {
  type ExtensionBrowser,
  GRANTED_EXTENSION_DIR,
  launchWithExtension,
  readSettings,
  storeSettings,
} from './harness';

declare const chrome: typeof Browser;

const LIST_URL = 'https://catalog.example/lists/ntr.txt';

describe('a subscribed list', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let served = 'netorare\ncheating\n';
  let status = 200;
  const fetched: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionDir: GRANTED_EXTENSION_DIR });
    // The service worker's own fetch, answered here like the list's server would.
    await browser.context.route(/^https:\/\/catalog\.example\//u, (route) => {
      fetched.push(route.request().url());
      return route.fulfill({ status, contentType: 'text/plain', body: served });
    });
    await storeSettings(browser.worker, defaultSettings());
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#subscriptions`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const subscribed = async () => (await readSettings(browser.worker))?.lists.find((l) => l.source);

  it('is fetched as soon as the user subscribes, and its rules apply', async () => {
    await options.getByLabel('Address of the list (https://)').fill(LIST_URL);
    await options.locator('#subscriptions').getByLabel('List name').fill('Shared NTR');
    await options.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(async () => (await subscribed())?.patterns).toEqual(['netorare', 'cheating']);
    expect(fetched).toEqual([LIST_URL]);
    const list = await subscribed();
    expect(list).toMatchObject({ name: 'Shared NTR', source: { url: LIST_URL } });
    expect(list?.source?.updatedAt).toBeGreaterThan(0);
    // A daily alarm keeps it up to date; it exists only while some list is a subscription.
    await expect
      .poll(() =>
        browser.worker.evaluate(
          async () => (await chrome.alarms.get('tagveil-subscriptions'))?.periodInMinutes,
        ),
      )
      .toBe(24 * 60);
    // Its rules are shown, read-only, with the last update.
    await expect
      .poll(() => options.getByLabel('Rules of Shared NTR, one per line').inputValue())
      .toBe('netorare\ncheating');
    expect(
      await options.getByLabel('Rules of Shared NTR, one per line').getAttribute('readonly'),
    ).not.toBeNull();
  });

  it('keeps the last good rules when an update fails, and says why', async () => {
    status = 500;
    await options.getByRole('button', { name: 'Update now' }).click();
    // Kept as a message (key and values), shown in the interface's language.
    await expect
      .poll(async () => (await subscribed())?.source?.problem)
      .toEqual({
        key: 'subServerAnswered',
        params: [500],
      });
    expect((await subscribed())?.patterns).toEqual(['netorare', 'cheating']);
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: 'the server answered 500' }).count())
      .toBe(1);
  });

  it('takes the new rules on the next good update', async () => {
    status = 200;
    served = 'netorare\nnetori\n';
    await options.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => (await subscribed())?.patterns).toEqual(['netorare', 'netori']);
    expect((await subscribed())?.source?.problem).toBeUndefined();
  });

  it('leaves out the rules of an AO3 Savior file that cannot be used, and says which', async () => {
    const long = `Tag ${'x'.repeat(600)}`;
    served = JSON.stringify({ tagBlacklist: [long, 'Netorare', 'Cheating'], showPlaceholders: false });
    await options.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => (await subscribed())?.patterns).toEqual(['Netorare', 'Cheating']);
    const note =
      'left out 1 of its rules and applied the other 2. “"Tag xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”: longer than 500 characters';
    expect((await subscribed())?.source?.problem?.key).toBe('subRulesLeftOut');
    await expect.poll(() => options.getByRole('alert').filter({ hasText: note }).count()).toBe(1);
  });
});
