import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const URL = 'https://archiveofourown.org/tags/Dysphoria/works';
const CRAFTED_URL = `${URL}?page=2`;

/** The real listing, with freeform tags added to the works at the given places (0-based). */
function withTags(extra: Record<number, string[]>): string {
  let html = realPage('ao3', 'tag_works_Dysphoria.html');
  const starts = [...html.matchAll(/<li id="work_\d+"/gu)].map((m) => m.index ?? 0);
  // From the last work up, so that earlier offsets stay right.
  for (const [index, tags] of Object.entries(extra).sort(([a], [b]) => Number(b) - Number(a))) {
    const start = starts[Number(index)] ?? -1;
    const end = html.indexOf('</ul>', html.indexOf('<ul class="tags commas">', start));
    const items = tags.map((t) => `<li class='freeforms'><a class="tag" href="/tags/x/works">${t}</a></li>`);
    html = html.slice(0, end) + items.join('') + html.slice(end);
  }
  return html;
}

/** "Incest" as a page can write it so that it looks the same but is not the same string. */
const INVISIBLE_INCEST = [
  'In\u200Bce\u00ADst', // zero-width space, soft hyphen
  'Inc\u200Dest\uFE0F', // zero-width joiner, variation selector
  '\u2066Incest\u2069', // bidi isolate
];

/**
 * Tags built to stall an expression: a run of 296 letters the look-ahead then refuses, distinct so that
 * none is answered from the matcher's cache. 20 works × 12.
 */
const crafted = (work: number) =>
  Array.from({ length: 12 }, (_, i) => `${'a'.repeat(296)}${String(work * 12 + i).padStart(4, '0')}`);

/** Accepted by the ReDoS check (quadratic), but milliseconds on each crafted tag: the guard's business. */
const SLOW_BUT_ACCEPTED = '/[a-z]+(?=[a-z]{0,10}!)/';
/** Refused by the check (degree 6): 16 s on one 90-character tag. Only a storage written by hand holds it. */
const FREEZING = '/\\w*\\w*\\w*\\w*\\w*x/';

const settings = {
  enabled: true,
  sites: {},
  lists: [
    { id: 'incest', name: 'Incest', enabled: true, action: 'hide', patterns: ['incest'] },
    // Stored as an old version or a hand edit would: past the editor, popup and import checks.
    { id: 'old', name: 'Old rules', enabled: true, action: 'label', patterns: [FREEZING, SLOW_BUT_ACCEPTED] },
  ],
};

const work = (n: number) => `li.blurb:nth-child(${n} of li.blurb)`;

describe.skipIf(!HAVE_REAL_PAGES)('rules that cannot be fooled or frozen, on a real AO3 listing', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [URL]: withTags({
        0: [INVISIBLE_INCEST[0] as string],
        1: [INVISIBLE_INCEST[1] as string],
        4: [INVISIBLE_INCEST[2] as string],
      }),
      [CRAFTED_URL]: withTags({
        ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, crafted(i)])),
        // Work 3 carries an invisible Incest too: the other rules keep working after the guard trips.
        2: [...crafted(2), INVISIBLE_INCEST[0] as string],
      }),
    });
    await storeSettings(browser.worker, settings);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides a work whose tag hides zero-width characters, a soft hyphen or bidi controls inside "Incest"', async () => {
    await page.goto(URL);
    await expect.poll(() => page.locator('li.blurb[data-tagveil-seen]').count()).toBe(20);
    for (const n of [1, 2, 5])
      expect(await page.locator(work(n)).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(await page.locator(`li.blurb[data-tagveil="${MARK_VALUE.hide}"]`).count()).toBe(3);
    // The freezing expression never ran: refused on the page too, and said so.
    const { problems } = await pageStateOf(browser.worker, page);
    expect(problems.join('\n')).toContain('Old rules, line 1, column');
    expect(problems.join('\n')).toContain('freeze the page');
  });

  it('a page built to stall an expression stays responsive; the expression is switched off and the popup says so', async () => {
    await page.goto(CRAFTED_URL);
    await expect
      .poll(() => page.locator('li.blurb[data-tagveil-seen]').count(), { timeout: 15_000 })
      .toBe(20);
    // The page answers at once: nothing is still running in its thread.
    const asked = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - asked).toBeLessThan(2_000);
    expect(await page.locator(work(3)).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);

    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    const problems = popup.locator('p.problem');
    await expect
      .poll(async () => (await problems.allTextContents()).join('\n'))
      .toContain(
        `Old rules: the rule ${SLOW_BUT_ACCEPTED} took too long on this page and is switched off here until the page is reloaded.`,
      );
    expect((await problems.allTextContents()).join('\n')).toContain('Old rules, line 1, column');
    await popup.close();
  });
});
