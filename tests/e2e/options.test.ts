import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { type ExtensionBrowser, launchWithExtension, readSettings, storeSettings } from './harness';

const EDITOR = 'Rules of My blocklist, one per line';
const SAVE = 'Save rules of My blocklist';

describe('the options page keeps what the user wrote and was told', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const settings = defaultSettings();
    (settings.lists[0] as Settings['lists'][number]).patterns = ['alpha', 'beta', 'gamma'];
    await storeSettings(browser.worker, settings);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('saving keeps the user’s line order, and keeps a bad line as written, marked', async () => {
    const editor = options.getByLabel(EDITOR);
    await expect.poll(() => editor.inputValue()).toBe('alpha\nbeta\ngamma');
    await editor.fill('alpha\nbeta edited\n/(a+)+$/\ngamma');
    await options.getByRole('button', { name: SAVE }).click();
    await expect
      .poll(async () => (await readSettings(browser.worker))?.lists[0]?.patterns)
      .toEqual(['alpha', 'beta edited', '/(a+)+$/', 'gamma']);
    await expect
      .poll(() => options.locator('#notice-list-mine').textContent())
      .toMatch(/^Saved 3 rules and 1 lines/u);
    expect(await options.locator('#gutter-list-mine li.bad').allTextContents()).toEqual(['!']);
  });

  it('the notice is still there after a settings change made elsewhere', async () => {
    const stored = (await readSettings(browser.worker)) as Settings;
    stored.badge = !stored.badge;
    await storeSettings(browser.worker, stored);
    await expect
      .poll(() =>
        options.getByLabel('Show the number of entries acted on, on the toolbar button').isChecked(),
      )
      .toBe(stored.badge);
    expect(await options.locator('#notice-list-mine').textContent()).toMatch(/^Saved 3 rules and 1 lines/u);
  });

  it('after a reload the bad line is still there, flagged, and a click on its error goes to it', async () => {
    await options.reload();
    const editor = options.getByLabel(EDITOR);
    await expect.poll(() => editor.inputValue()).toBe('alpha\nbeta edited\n/(a+)+$/\ngamma');
    await expect
      .poll(() => options.locator('#errors-list-mine').textContent())
      .toMatch(/^Line 3, column \d+:/u);
    await options.locator('#errors-list-mine button').first().click();
    const selection = await editor.evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      return [document.activeElement === area, area.value.slice(area.selectionStart, area.selectionEnd)];
    });
    expect(selection).toEqual([true, '/(a+)+$/']);
  });

  it('a half-typed line and its caret survive a settings change made elsewhere', async () => {
    const editor = options.getByLabel(EDITOR);
    await editor.fill('alpha\nbeta edited\n/(a+)+$/\ngamma\nhalf typ');
    await editor.press('ArrowLeft');
    const stored = (await readSettings(browser.worker)) as Settings;
    stored.audit = !stored.audit;
    await storeSettings(browser.worker, stored);
    await expect
      .poll(() => options.getByLabel('Audit: outline what rules would do, hide nothing').isChecked())
      .toBe(stored.audit);
    expect(await editor.inputValue()).toBe('alpha\nbeta edited\n/(a+)+$/\ngamma\nhalf typ');
    expect(
      await editor.evaluate((el) => [
        document.activeElement === el,
        (el as HTMLTextAreaElement).selectionStart,
      ]),
    ).toEqual([true, 'alpha\nbeta edited\n/(a+)+$/\ngamma\nhalf typ'.length - 1]);
  });

  it('the import previews as the text is typed, keeps it, and reports what it did as previewed (0 says 0)', async () => {
    await options.getByText('…or paste the text').click();
    const paste = options.locator('#import-text');
    await options.locator('#import-format').selectOption('plain');
    await paste.pressSequentially('delta\nepsilon', { delay: 10 });
    await expect
      .poll(() => options.locator('#import-preview').textContent())
      .toContain('add list “Imported tags” (2 rules)');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('#notice-import').textContent()).toBe('Imported (1 changes).');
    expect(await options.locator('#import-report li').allTextContents()).toEqual([
      'add list “Imported tags” (2 rules)',
    ]);
    // The same text again: the preview says nothing is new, and the import says 0.
    await paste.press('End');
    await paste.press('Space');
    await paste.press('Backspace');
    await expect
      .poll(() => options.locator('#import-preview').textContent())
      .toContain('already has every rule');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('#notice-import').textContent()).toBe('Imported (0 changes).');
    // The source stays where the user can see it.
    expect(await paste.inputValue()).toBe('delta\nepsilon');
  });
});
