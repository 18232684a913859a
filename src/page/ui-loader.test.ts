import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_UI, PAGE_UI_KEY, type PageUi } from './ui';
import { injectedPageUi, PAGE_UI_REQUEST } from './ui-loader';

const scope = globalThis as { [PAGE_UI_KEY]?: PageUi };

describe('an added site’s page UI (Chromium)', () => {
  afterEach(() => {
    fakeBrowser.reset();
    delete scope[PAGE_UI_KEY];
  });

  it('asks the background once to put page-ui.js into the frame, then uses what it left there', async () => {
    const asked: unknown[] = [];
    // The background's part (entrypoints/background.ts pageUiFor): the file runs in this world.
    fakeBrowser.runtime.onMessage.addListener(((message: unknown) => {
      asked.push(message);
      scope[PAGE_UI_KEY] = PAGE_UI;
      return Promise.resolve(undefined);
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
    expect(await injectedPageUi()).toBe(PAGE_UI);
    expect(await injectedPageUi()).toBe(PAGE_UI);
    expect(asked).toEqual([{ type: PAGE_UI_REQUEST }]);
  });

  it('says so when the file left nothing (the popup is told, the marks stay)', async () => {
    fakeBrowser.runtime.onMessage.addListener((() => Promise.resolve(undefined)) as Parameters<
      typeof fakeBrowser.runtime.onMessage.addListener
    >[0]);
    await expect(injectedPageUi()).rejects.toThrow('page-ui.js is empty');
  });
});
