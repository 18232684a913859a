import type { Browser } from '@wxt-dev/browser';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { seriousViolations } from './axe';
import {
  clickVeilButton,
  type ExtensionBrowser,
  launchWithExtension,
  openPopup,
  readSettings,
  readVeil,
  servePages,
  storeSettings,
  tabIdOf,
} from './harness';
import { MARK_VALUE } from './marks';

declare const chrome: typeof Browser;
const URL = 'https://archiveofourown.org/tags/Dysphoria/works';
const DARK_URL = 'https://archiveofourown.org/tags/Worldbuilding/works';

/** The real page, with one derived change: the third work also carries the freeform "Netorare". */
function withNetorare(html: string): string {
  const third = [...html.matchAll(/<li id="work_\d+"/gu)][2]?.index ?? -1;
  const tagsEnd = html.indexOf('</ul>', html.indexOf('<ul class="tags commas">', third));
  const netorare = `<li class='freeforms'><a class="tag" href="/tags/Netorare/works">Netorare</a></li>`;
  return html.slice(0, tagsEnd) + netorare + html.slice(tagsEnd);
}

/** The same page as a dark site skin would paint it. */
function dark(html: string): string {
  return html.replace(
    '</head>',
    '<style>html, body { background: #1f1f24 !important; color: #ddd; }</style></head>',
  );
}

const settings = {
  enabled: true,
  sites: {},
  lists: [{ id: 'ntr', name: 'NTR', enabled: true, action: 'blur', patterns: ['netorare'] }],
};

const THIRD = 'li.blurb:nth-child(3 of li.blurb)';

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  backendDOMNodeId?: number;
}

async function withCdp<T>(page: Page, fn: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await fn(cdp);
  } finally {
    await cdp.detach();
  }
}

/** The accessibility tree's nodes for the elements under `selector`: each ignored or not. */
async function axOf(page: Page, selector: string): Promise<AXNode[]> {
  return withCdp(page, async (cdp) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })) as {
      nodeIds: number[];
    };
    const found: AXNode[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
        nodeId,
        fetchRelatives: false,
      })) as { nodes: AXNode[] };
      found.push(...nodes);
    }
    return found;
  });
}

/** The whole accessibility tree of the page, as a screen reader gets it (ignored nodes left out). */
async function axTree(page: Page): Promise<AXNode[]> {
  return withCdp(page, async (cdp) => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes.filter((n) => !n.ignored);
  });
}

async function focusedName(page: Page): Promise<string | undefined> {
  // The document is focused too (it holds the focus): the element is the other one.
  const focused = (await axTree(page)).filter(
    (n) =>
      n.role?.value !== 'RootWebArea' &&
      n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
  );
  return focused.map((n) => n.name?.value).join(' | ');
}

/** Where focus is: the id of the work it is in, or "veil of <work id>" when on a veil's button. */
const whereIsFocus = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const work = active?.closest('li.blurb');
    if (!work) return active?.localName ?? null;
    return active?.localName === 'tagveil-veil' ? `veil of ${work.id}` : work.id;
  });

describe.skipIf(!HAVE_REAL_PAGES)('veils on a real AO3 works listing, in Chromium', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let workId: string;
  let thirdId: string;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const html = withNetorare(realPage('ao3', 'tag_works_Dysphoria.html'));
    await servePages(browser.context, { [URL]: html, [DARK_URL]: dark(html) });
    await storeSettings(browser.worker, settings);
    page = await browser.context.newPage();
    await page.goto(URL);
    await page.waitForSelector(`${THIRD}[data-tagveil="${MARK_VALUE.blur}"]`, { state: 'attached' });
    thirdId = (await page.locator(THIRD).getAttribute('id')) ?? '';
    workId = thirdId.replace('work_', '');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('leaves nothing of a blurred work in the tab order: Tab goes from the work before to the veil, then past it', async () => {
    const before = await page.locator('li.blurb:nth-child(2 of li.blurb)').getAttribute('id');
    const after = await page.locator('li.blurb:nth-child(4 of li.blurb)').getAttribute('id');
    // The last link of the work before the blurred one.
    await page.locator('li.blurb:nth-child(2 of li.blurb) a').last().focus();
    expect(await whereIsFocus(page)).toBe(before);
    const path: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      path.push(await whereIsFocus(page));
    }
    // Show, Hide this one, then the next work's first link: none of the blurred work's ~47 links.
    expect(path).toEqual([`veil of ${thirdId}`, `veil of ${thirdId}`, after]);
  });

  it('keeps the blurred work’s title and tags out of the accessibility tree, and names the veil', async () => {
    const links = await axOf(page, `${THIRD} a`);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((n) => !n.ignored).map((n) => n.name?.value)).toEqual([]);
    const tree = await axTree(page);
    expect(tree.some((n) => n.role?.value === 'link' && n.name?.value === 'Netorare')).toBe(false);
    expect(
      tree.find((n) => n.role?.value === 'group' && n.name?.value?.startsWith('Blurred work.'))?.name?.value,
    ).toBe('Blurred work. Content warning: Netorare — list NTR');
    // The page itself still cannot find the reason (docs/privacy.md).
    expect(
      await page.evaluate(() =>
        (window as unknown as { find(text: string): boolean }).find('Netorare — list'),
      ),
    ).toBe(false);
  });

  it('moves focus to Hide again after Show, and back to Show after Hide again', async () => {
    await page.locator('li.blurb:nth-child(2 of li.blurb) a').last().focus();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Show: Netorare — list NTR');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil-shown')).toBe('');
    expect(await focusedName(page)).toBe('Hide again: Netorare — list NTR');
    // Shown: its links are back in the tab order and the tree.
    expect((await axOf(page, `${THIRD} a.tag`)).some((n) => !n.ignored)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil-shown')).toBeNull();
    expect(await focusedName(page)).toBe('Show: Netorare — list NTR');
    expect((await axOf(page, `${THIRD} a.tag`)).filter((n) => !n.ignored)).toEqual([]);
  });

  it('tells the background which entry was right-clicked, and nothing once the click is elsewhere', async () => {
    const tabId = await tabIdOf(browser.worker, page);
    const ask = () =>
      browser.worker.evaluate(
        (tab) => chrome.tabs.sendMessage(tab, { type: 'tagveil:entry-at-menu' }, { frameId: 0 }),
        tabId,
      );
    await page.locator('li.blurb:nth-child(5 of li.blurb) h4 a').first().click({ button: 'right' });
    const fifth = (await page.locator('li.blurb:nth-child(5 of li.blurb)').getAttribute('id')) ?? '';
    expect(await ask()).toEqual({ site: 'ao3', id: fifth.replace('work_', '') });
    // Asked once per right-click: a second question gets nothing.
    expect(await ask()).toBeNull();
    await page.locator('#header').click({ button: 'right' });
    expect(await ask()).toBeNull();
  });

  it('"Hide this one" hides exactly that work, and Undo in the popup brings it back', async () => {
    const marksBefore = await page.$$eval('li.blurb', (els) =>
      els.map((el) => el.getAttribute('data-tagveil')),
    );
    const fourth = await page.locator('li.blurb:nth-child(4 of li.blurb)').getAttribute('id');
    await clickVeilButton(page, THIRD, 'Hide this one');
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    expect(await page.locator(THIRD).isVisible()).toBe(false);
    // The focus was on the veil that went: it moves on to the next work, not to <body>.
    expect(await whereIsFocus(page)).toBe(fourth);
    const marksAfter = await page.$$eval('li.blurb', (els) =>
      els.map((el) => el.getAttribute('data-tagveil')),
    );
    expect(marksAfter.filter((m, i) => m !== marksBefore[i])).toEqual([MARK_VALUE.hide]);
    const stored = await readSettings(browser.worker);
    expect(stored?.lists.find((l) => l.id === 'hidden-one-by-one')?.patterns).toEqual([
      `entry:ao3/${workId}`,
    ]);

    const popup = await openPopup(browser, await tabIdOf(browser.worker, page));
    await popup.waitForSelector('#hidden-one');
    expect(await popup.locator('#hidden-one li').allTextContents()).toEqual([`the AO3 work ${workId}Undo`]);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: `Undo hiding the AO3 work ${workId}` }).click();
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
    await popup.close();
    expect((await readVeil(page, THIRD))?.buttons).toEqual(['Show', 'Hide this one']);
  });

  it('on a hide list: after Show all, Hide again hides the work and the focus moves on to the next one', async () => {
    await storeSettings(browser.worker, { ...settings, lists: [{ ...settings.lists[0], action: 'hide' }] });
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil')).toBe(MARK_VALUE.hide);
    const fourth = await page.locator('li.blurb:nth-child(4 of li.blurb)').getAttribute('id');
    await browser.worker.evaluate(
      async (tab) => chrome.tabs.sendMessage(tab, { type: 'tagveil:show-all' }, { frameId: 0 }),
      await tabIdOf(browser.worker, page),
    );
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil-shown')).toBe('');
    expect((await readVeil(page, THIRD))?.text).toContain('Netorare — list NTR');
    await page.locator('li.blurb:nth-child(2 of li.blurb) a').last().focus();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Hide again: Netorare — list NTR');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(THIRD).isVisible()).toBe(false);
    expect(await whereIsFocus(page)).toBe(fourth);
    await storeSettings(browser.worker, settings);
    await expect.poll(() => page.locator(THIRD).getAttribute('data-tagveil')).toBe(MARK_VALUE.blur);
  });

  it('draws a dark veil on a dark page', async () => {
    const darkPage = await browser.context.newPage();
    await darkPage.goto(DARK_URL);
    await darkPage.waitForSelector(`${THIRD}[data-tagveil="${MARK_VALUE.blur}"]`, { state: 'attached' });
    const colours = async (p: Page) =>
      withCdp(p, async (cdp) => {
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
          root: { nodeId: number };
        };
        const { nodeId: host } = (await cdp.send('DOM.querySelector', {
          nodeId: root.nodeId,
          selector: `${THIRD} > tagveil-veil`,
        })) as { nodeId: number };
        const { node } = (await cdp.send('DOM.describeNode', { nodeId: host, depth: -1, pierce: true })) as {
          node: {
            shadowRoots?: { children?: { localName?: string; children?: { backendNodeId: number }[] }[] }[];
          };
        };
        const wrap = node.shadowRoots?.[0]?.children?.find((c) => c.localName === 'div');
        const bar = wrap?.children?.[0]?.backendNodeId ?? -1;
        const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
          backendNodeIds: [bar],
        })) as { nodeIds: number[] };
        const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
          nodeId: nodeIds[0] ?? -1,
        })) as {
          computedStyle: { name: string; value: string }[];
        };
        return computedStyle.find((s) => s.name === 'background-color')?.value;
      });
    // Each page gets its palette: the dark one's bars are set off from a dark page, not glaring on it.
    expect(await colours(page)).toBe('rgb(43, 37, 64)');
    expect(await colours(darkPage)).toBe('rgb(58, 49, 82)');
    await darkPage.close();
  });
});
