import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  clickVeilButton,
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
import { actionOfMark, MARK_VALUE } from './marks';

const URL = 'https://archiveofourown.org/tags/Dysphoria/works';

/** The real page, with one derived change: the third work also carries the freeform "Netorare". */
function derivedPage(): string {
  const html = realPage('ao3', 'tag_works_Dysphoria.html');
  const works = [...html.matchAll(/<li id="work_\d+"/gu)];
  const third = works[2]?.index ?? -1;
  const tagsEnd = html.indexOf('</ul>', html.indexOf('<ul class="tags commas">', third));
  const netorare = `<li class='freeforms'><a class="tag" href="/tags/Netorare/works">Netorare</a></li>`;
  return html.slice(0, tagsEnd) + netorare + html.slice(tagsEnd);
}

const settings = {
  enabled: true,
  sites: {},
  lists: [
    { id: 'mine', name: 'My blocklist', enabled: true, action: 'hide', patterns: ['Body Swap'] },
    { id: 'ntr', name: 'NTR & cheating', enabled: true, action: 'blur', patterns: ['netorare', 'cheating'] },
  ],
};

const work = (n: number) => `li.blurb:nth-child(${n} of li.blurb)`;

async function marks(page: Page): Promise<Record<string, string | null>> {
  const pairs = await page.$$eval('li.blurb', (els) =>
    els.map((el) => [el.id, el.getAttribute('data-tagveil')]),
  );
  return Object.fromEntries(pairs.map(([id, mark]) => [id, actionOfMark(mark ?? null)]));
}

describe.skipIf(!HAVE_REAL_PAGES)('Tagveil on a real AO3 works listing', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, { [URL]: derivedPage() });
    await storeSettings(browser.worker, settings);
    page = await browser.context.newPage();
    await page.goto(URL);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides a work tagged with a blocked freeform', async () => {
    const first = page.locator(work(1));
    await expect.poll(() => first.getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(await first.isVisible()).toBe(false);
  });

  it('blurs a work tagged "Netorare" and says why', async () => {
    const third = page.locator(work(3));
    expect(await third.getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    const filter = await third.locator('ul.tags').evaluate((el) => getComputedStyle(el).filter);
    expect(filter).toContain('blur');
    const veil = await readVeil(page, work(3));
    expect(veil?.text).toContain('Content warning: Netorare — list NTR & cheating');
    expect(veil?.buttons).toEqual(['Show', 'Hide this one']);
  });

  it('leaves every other work alone and marks nothing else', async () => {
    const all = await marks(page);
    const acted = Object.values(all).filter((m) => m !== null);
    expect(acted.sort()).toEqual(['blur', 'hide']);
    expect(await page.locator('li.blurb[data-tagveil-seen]').count()).toBe(20);
  });

  it('tells the popup what it cost on this page: its start-up, then each pass over the entries', async () => {
    const { timing } = await pageStateOf(browser.worker, page);
    expect(timing.startupMs).toBeGreaterThan(0);
    expect(timing.totalMs).toBeGreaterThan(0);
    expect(timing.lastPassEntries + timing.lastBatchEntries).toBeGreaterThan(0);
  });

  it('shows a blurred work when its Show button is clicked', async () => {
    await clickVeilButton(page, work(3), 'Show');
    const third = page.locator(work(3));
    await expect.poll(() => third.getAttribute('data-tagveil-shown')).toBe('');
    const filter = await third.locator('ul.tags').evaluate((el) => getComputedStyle(el).filter);
    expect(filter).toBe('none');
    expect((await readVeil(page, work(3)))?.buttons).toEqual(['Hide again', 'Hide this one']);
  });

  it('popup counts what this page hid and blurred, and by which tags', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await expect
      .poll(() => popup.locator('#counts').textContent())
      .toBe('1 hidden · 1 blurred · 0 labelled of 20 entries');
    const rules = await popup.locator('#rule-counts li').allTextContents();
    expect(rules).toEqual(['Body Swap — My blocklist (1 entry)', 'Netorare — NTR & cheating (1 entry)']);
    // And what filtering cost this page, as the page measured it.
    const { timing } = await pageStateOf(browser.worker, page);
    const cost = Number(
      /^Time spent on this page: (\d+) ms$/u.exec((await popup.locator('#cost').textContent()) ?? '')?.[1],
    );
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(Math.round(timing.startupMs + timing.totalMs));
    await popup.close();
  });

  it('turning the site off in the popup restores the page without reload, and on again filters it', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByLabel('Filter Archive of Our Own').uncheck();
    await expect.poll(() => page.locator('li.blurb[data-tagveil]').count()).toBe(0);
    expect(await page.locator(work(1)).isVisible()).toBe(true);
    await expect.poll(() => popup.locator('#counts').textContent()).toBe('Not filtering this site.');
    await popup.getByLabel('Filter Archive of Our Own').check();
    await expect.poll(() => page.locator(work(1)).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    await popup.close();
  });

  it('adding a tag in the popup filters the open page at once', async () => {
    const explicit = await page.locator('li.blurb:has(span.rating[title="Explicit"])').count();
    expect(explicit).toBeGreaterThan(0);
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByLabel('Tag to block').fill('rating:Explicit');
    await popup.getByLabel('Blocklist', { exact: true }).selectOption({ label: 'My blocklist' });
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await expect
      .poll(() => popup.locator('#notice').textContent())
      .toMatch(/^Blocked “rating:Explicit” in My blocklist\./u);
    await expect
      .poll(() =>
        page
          .locator(`li.blurb:has(span.rating[title="Explicit"])[data-tagveil="${MARK_VALUE.hide}"]`)
          .count(),
      )
      .toBe(explicit);
    const stored = (await readSettings(browser.worker)) as typeof settings;
    expect(stored.lists[0]?.patterns).toEqual(['Body Swap', 'rating:Explicit']);
    await popup.close();
  });

  it('popup refuses a rule it cannot read, with the column, and saves nothing', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByLabel('Rule syntax (wildcards, -not, title:…)').check();
    await popup.getByLabel('Rule to block').fill('/(a+)+$/');
    await popup.getByRole('button', { name: 'Block', exact: true }).click();
    await expect
      .poll(() => popup.locator('#notice').textContent())
      .toContain('Column 6: A repetition here can match the same text in more than one way');
    const stored = (await readSettings(browser.worker)) as typeof settings;
    expect(stored.lists[0]?.patterns).toEqual(['Body Swap', 'rating:Explicit']);
    await popup.close();
  });

  it('audit mode in the popup outlines what would be acted on and hides nothing; off again restores', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByLabel('Audit: outline what rules would do, hide nothing').check();
    await expect.poll(() => page.locator('li.blurb[data-tagveil]').count()).toBe(0);
    const audited = await page.locator('li.blurb[data-tagveil-audit]').count();
    expect(audited).toBeGreaterThan(1);
    expect(await page.locator(work(1)).isVisible()).toBe(true);
    await expect.poll(() => popup.locator('#counts').textContent()).toMatch(/^Would have: /u);
    await popup.getByLabel('Audit: outline what rules would do, hide nothing').uncheck();
    await expect.poll(() => page.locator('li.blurb[data-tagveil]').count()).toBe(audited);
    await popup.close();
  });

  it('"Show all on this page" reveals every entry acted on', async () => {
    const acted = await page.locator('li.blurb[data-tagveil]').count();
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByRole('button', { name: 'Show all on this page' }).click();
    await expect.poll(() => page.locator('li.blurb[data-tagveil][data-tagveil-shown]').count()).toBe(acted);
    expect(await page.locator(work(1)).isVisible()).toBe(true);
    await popup.close();
  });

  it('blocks a tag seen on this page in one click', async () => {
    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.getByText(/^Tags on this page/u).click();
    // The most frequent tag on the page, as the popup lists it first.
    const first = popup.locator('#tags-seen button').first();
    const tag = ((await first.getAttribute('aria-label')) ?? '').replace(
      /^Block (.*) in My blocklist$/u,
      '$1',
    );
    expect(tag).toMatch(/^[a-z]+:/u);
    const [namespace = '', name = ''] = tag.split(/:(.*)/su);
    await first.click();
    // The row itself says so, with Undo.
    await expect
      .poll(() => popup.locator('#tags-seen li', { hasText: tag }).first().textContent())
      .toMatch(/BlockedUndo$/u);
    const stored = (await readSettings(browser.worker)) as typeof settings;
    expect(stored.lists[0]?.patterns).toContain(tag);
    // Every work carrying it is now hidden (or was already acted on by a stronger rule).
    const carriers = page.locator(`li.blurb:has(li.${namespace}s a.tag:text-is("${name}"))`);
    expect(await carriers.count()).toBeGreaterThan(0);
    await expect
      .poll(() => carriers.locator(`:scope:not([data-tagveil="${MARK_VALUE.hide}"])`).count())
      .toBe(0);
    await popup.close();
  });
});
