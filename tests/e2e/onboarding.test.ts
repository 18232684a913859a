import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/rules/presets';
import { SITES } from '../../src/sites/registry';
import { type ExtensionBrowser, launchWithExtension } from './harness';

describe('the first-run page', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every rule of a preset in words, "+N more", the sites, and "open one of them now"', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/onboarding.html`);
    const ntr = PRESETS.find((p) => p.id === 'ntr');
    const rules = page.getByRole('list', { name: 'What NTR & cheating blocks' });
    const shown = await rules.locator('li').allTextContents();
    const more = page.locator('.card', { has: rules }).locator('details.more');
    const hidden = ntr ? ntr.patterns.length - shown.length : 0;
    expect(hidden).toBeGreaterThan(0);
    expect(await more.locator('summary').textContent()).toBe(`+${hidden} more`);
    await more.locator('summary').click();
    const all = [...shown, ...(await more.locator('li').allTextContents())];
    expect(all).toHaveLength(ntr?.patterns.length ?? -1);
    // Words, not syntax: no wildcard or regular expression reaches a new user.
    for (const preset of PRESETS)
      for (const text of await page
        .getByRole('list', { name: `What ${preset.name} blocks` })
        .locator('li')
        .allTextContents())
        expect(text).not.toMatch(/[*/\\]/u);
    expect(all).toContain('tags ending in “cheating”');
    // Where Tagveil works, each a link to the site.
    const sites = page.locator('#sites a');
    expect(await sites.allTextContents()).toEqual(SITES.map((s) => s.name));
    expect(await sites.first().getAttribute('href')).toBe('https://archiveofourown.org/');
    expect(await page.locator('#sites-heading').textContent()).toBe('Where Tagveil works');
    await page.getByRole('button', { name: 'Start filtering' }).click();
    await expect.poll(() => page.locator('#sites-heading').textContent()).toMatch(/^Now open one of them/u);
  });
});
