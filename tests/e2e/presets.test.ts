import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAST_PRESETS, type PresetLines } from '../../src/rules/preset-upgrade';
import { type Preset, presetById } from '../../src/rules/presets';
import { defaultSettings, NTR_LIST_ID, type Settings } from '../../src/settings/schema';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import {
  type ExtensionBrowser,
  launchWithExtension,
  readSettings,
  readVeil,
  servePages,
  storeSettings,
} from './harness';
import { MARK_VALUE } from './marks';

const URL = 'https://archiveofourown.org/tags/Dysphoria/works';

/** The real page, with freeforms added to some works (work number → tags), as AO3 writes freeforms. */
function derivedPage(added: Record<number, string[]>): string {
  let html = realPage('ao3', 'tag_works_Dysphoria.html');
  // From the last work to the first, so earlier offsets stay right.
  for (const [n, tags] of Object.entries(added).sort(([a], [b]) => Number(b) - Number(a))) {
    const start = [...html.matchAll(/<li id="work_\d+"/gu)][Number(n) - 1]?.index ?? -1;
    const tagsEnd = html.indexOf('</ul>', html.indexOf('<ul class="tags commas">', start));
    const items = tags
      .map((tag) => `<li class='freeforms'><a class="tag" href="/tags/x/works">${tag}</a></li>`)
      .join('');
    html = html.slice(0, tagsEnd) + items + html.slice(tagsEnd);
  }
  return html;
}

const work = (n: number) => `li.blurb:nth-child(${n} of li.blurb)`;

/** The shipped NTR preset switched on, as a new user gets it: its exceptions copied into the list. */
function ntrOn(): Settings {
  const settings = defaultSettings();
  const ntr = settings.lists.find((l) => l.id === NTR_LIST_ID) as Settings['lists'][number];
  ntr.enabled = true;
  return settings;
}

describe.skipIf(!HAVE_REAL_PAGES)('the NTR preset on a real AO3 listing', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePages(browser.context, {
      [URL]: derivedPage({ 1: ['No Cheating'], 2: ['Cheating', 'No Cheating'], 4: ['Cheating Husband'] }),
    });
    await storeSettings(browser.worker, ntrOn());
    page = await browser.context.newPage();
    await page.goto(URL);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('blurs works tagged "Cheating" and "Cheating Husband", even beside "No Cheating"', async () => {
    await expect.poll(() => page.locator(work(2)).getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    expect(await page.locator(work(4)).getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    expect((await readVeil(page, work(2)))?.text).toContain('Cheating');
  });

  it('leaves the work tagged only "No Cheating" visible: the preset’s exception spares it', async () => {
    const first = page.locator(work(1));
    expect(await first.getAttribute('data-tagveil')).toBeNull();
    expect(await first.isVisible()).toBe(true);
    const filter = await first.locator('ul.tags').evaluate((el) => getComputedStyle(el).filter);
    expect(filter).toBe('none');
  });
});

describe('a list made from an older preset, on the options page', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  const v1 = PAST_PRESETS.ntr?.[1] as PresetLines;
  const ntr = presetById('ntr') as Preset;

  beforeAll(async () => {
    browser = await launchWithExtension();
    // As an older Tagveil stored it: version 1's lines, no exceptions, no preset origin; one line the
    // user removed ("netorare", kept by the preset) and one of their own.
    const settings = defaultSettings();
    settings.lists = settings.lists.map((l) =>
      l.id === NTR_LIST_ID
        ? {
            id: l.id,
            name: l.name,
            enabled: true,
            action: l.action,
            patterns: [...v1.patterns.filter((p) => p !== 'netorare'), 'my own line'],
          }
        : l,
    );
    await storeSettings(browser.worker, settings);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const offer = () => options.getByRole('region', { name: 'Tagveil’s “NTR & cheating” preset has improved' });

  it('offers the difference, line by line, without touching the list', async () => {
    await expect.poll(() => offer().isVisible()).toBe(true);
    const text = (await offer().textContent()) ?? '';
    expect(text).toContain('Add *浮気*');
    expect(text).toContain('Add the exception no cheating*');
    expect(text).toContain('Remove ntr');
    expect(text).not.toContain('Add netorare');
    expect(text).not.toContain('my own line');
    const stored = await readSettings(browser.worker);
    expect(stored?.lists.find((l) => l.id === NTR_LIST_ID)?.exceptions).toBeUndefined();
  });

  it('applies one line when asked', async () => {
    await offer()
      .getByRole('button', { name: /^Apply: Add \*浮気\*/u })
      .click();
    await expect
      .poll(
        async () => (await readSettings(browser.worker))?.lists.find((l) => l.id === NTR_LIST_ID)?.patterns,
      )
      .toContain('*浮気*');
    const offered = () => offer().locator('li').allTextContents();
    await expect.poll(async () => (await offered()).some((l) => l.startsWith('Add *浮気*'))).toBe(false);
    expect((await offered()).some((l) => l.startsWith('Add *不倫*'))).toBe(true);
    await expect
      .poll(() => options.locator(`#notice-upgrade-${NTR_LIST_ID}`).textContent())
      .toMatch(/^Applied: Add \*浮気\*/u);
  });

  it('applies the rest at once: the shipped preset with the user’s own changes kept', async () => {
    await offer()
      .getByRole('button', { name: /^Apply all \d+ changes$/u })
      .click();
    await expect.poll(() => offer().count()).toBe(0);
    const list = (await readSettings(browser.worker))?.lists.find((l) => l.id === NTR_LIST_ID);
    expect(new Set(list?.patterns)).toEqual(
      new Set([...ntr.patterns.filter((p) => p !== 'netorare'), 'my own line']),
    );
    expect(list?.exceptions).toEqual([...ntr.exceptions]);
    expect(list?.preset).toEqual({ id: 'ntr', version: ntr.version });
    await expect
      .poll(() => options.locator(`#notice-upgrade-${NTR_LIST_ID}`).textContent())
      .toMatch(/^Applied \d+ changes to NTR & cheating\.$/u);
  });

  it('shows the exceptions, now the user’s, under the list’s rules', async () => {
    const box = options.getByLabel('Exceptions of NTR & cheating, one per line');
    await expect.poll(() => box.inputValue()).toBe(ntr.exceptions.join('\n'));
  });
});

describe('the first-run page shows a preset whole', () => {
  let browser: ExtensionBrowser;
  let onboarding: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    onboarding = await browser.context.newPage();
    await onboarding.goto(`chrome-extension://${browser.extensionId}/onboarding.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('with its exceptions in words and the sites of its spellings; switched on, the list gets them', async () => {
    const except = onboarding.getByRole('list', { name: 'What NTR & cheating does not count' });
    await expect
      .poll(() => except.locator('li').allTextContents())
      .toContain('tags starting with “no cheating”');
    const card = onboarding.locator('.card', { has: except });
    expect(await card.textContent()).toContain('Written in the spellings of: AO3, E-Hentai, nhentai');
    await card.locator('input[name="preset-ntr"]').check();
    await onboarding.locator('#start').click();
    await expect
      .poll(
        async () => (await readSettings(browser.worker))?.lists.find((l) => l.id === NTR_LIST_ID)?.enabled,
      )
      .toBe(true);
    const list = (await readSettings(browser.worker))?.lists.find((l) => l.id === NTR_LIST_ID);
    expect(list?.exceptions).toEqual([...(presetById('ntr') as Preset).exceptions]);
  });
});
