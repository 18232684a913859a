import type { Browser } from '@wxt-dev/browser';
import type { BrowserContext, CDPSession, Page, Route, Worker } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension, storeSettings } from '../../scripts/chromium';
import type { PageState } from '../../src/messages';
import { englishText } from '../locale-text';

export {
  type ExtensionBrowser,
  findChromium,
  GRANTED_EXTENSION_DIR,
  launchWithExtension,
  readSettings,
  storeSettings,
} from '../../scripts/chromium';

/** The extension APIs inside the service worker, where `worker.evaluate` callbacks run. */
declare const chrome: typeof Browser;

/**
 * Serves pages at their real URLs (so the manifest's match patterns are exercised) and answers every
 * other request with 404: the tests never touch the network.
 */
export async function servePages(context: BrowserContext, pages: Record<string, string>): Promise<void> {
  await context.route(/^https?:\/\//u, (route) => {
    const body = pages[route.request().url()];
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/**
 * The built extension with one hiding list of `patterns`, every request answered by `route`: the set-up
 * of the sites whose pages draw their cards from their own answers (pixiv, hitomi.la, MangaDex).
 */
export async function launchHiding(
  route: (r: Route) => Promise<void>,
  patterns: string[],
): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension();
  await browser.context.route(/^https?:\/\//u, route);
  await storeSettings(browser.worker, {
    enabled: true,
    sites: {},
    lists: [{ id: 'l', name: 'Blocked', enabled: true, action: 'hide', patterns }],
  });
  return browser;
}

/** The browser's id of a page's tab (the extension sees ids, not URLs, without the "tabs" permission). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** What the content script of this page tells the popup (one round trip: the page's tab is made the active one). */
/** The page's state as the popup gets it, its problems worded in English as the popup words them. */
export async function pageStateOf(
  worker: Worker,
  page: Page,
): Promise<Omit<PageState, 'problems'> & { problems: string[] }> {
  await page.bringToFront();
  const state = (await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab?.id ?? -1, { type: 'tagveil:get-page-state' });
  })) as PageState;
  return { ...state, problems: state.problems.map(englishText) };
}

export async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  /** Name, value, name, value… */
  attributes?: string[];
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Reads the reason line of an entry's veil. Its shadow root is closed (the page must not read the user's
 * reasons), so the test looks through the DevTools protocol, as a screen reader would through the a11y tree.
 */
export async function readVeil(page: Page, entrySelector: string) {
  return readClosed(page, `${entrySelector} > tagveil-veil`);
}

/** The subtree of the element at `hostSelector`, closed shadow roots included, from the DevTools protocol. */
async function closedTree(cdp: CDPSession, hostSelector: string): Promise<CdpNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeId } = (await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: hostSelector,
  })) as {
    nodeId: number;
  };
  if (!nodeId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as {
    node: CdpNode;
  };
  return node;
}

/** Calls `visit` on every node under `node`, shadow roots included, with the button it sits in. */
function walk(
  node: CdpNode,
  visit: (n: CdpNode, button: CdpNode | null) => void,
  button: CdpNode | null = null,
) {
  visit(node, button);
  const inside = node.localName === 'button' ? node : button;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, visit, inside);
}

/** Text Tagveil draws from an attribute (DRAWN_TEXT in src/page/effects.ts): shown, but not the page's text. */
function drawnText(node: CdpNode): string | null {
  const attributes = node.attributes ?? [];
  const at = attributes.indexOf('data-text');
  return at >= 0 && at % 2 === 0 ? (attributes[at + 1] ?? null) : null;
}

/**
 * Reads the text and button names inside the closed shadow root of the element at `hostSelector`: text
 * nodes and drawn text, as they are shown.
 */
export async function readClosed(page: Page, hostSelector: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const tree = await closedTree(cdp, hostSelector);
    if (!tree) return null;
    const texts: string[] = [];
    const buttons = new Map<CdpNode, string>();
    walk(tree, (n, button) => {
      if (n.localName === 'button') buttons.set(n, '');
      const drawn = drawnText(n);
      if (drawn) texts.push(drawn);
      // Text nodes, but not the style sheets' text.
      if (n.nodeType !== 3 || !n.nodeValue || n.nodeValue.includes('{')) return;
      texts.push(n.nodeValue);
      if (button) buttons.set(button, (buttons.get(button) ?? '') + n.nodeValue);
    });
    return { text: texts.join(' '), buttons: [...buttons.values()] };
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button inside an entry's closed veil with the mouse, where a user would. */
export async function clickVeilButton(page: Page, entrySelector: string, name: string): Promise<void> {
  return clickClosedButton(page, `${entrySelector} > tagveil-veil`, name);
}

/** Clicks a button inside the closed shadow root of the element at `hostSelector`, with the mouse. */
export async function clickClosedButton(page: Page, hostSelector: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const tree = await closedTree(cdp, hostSelector);
    let target: number | null = null;
    if (tree) {
      walk(tree, (n) => {
        if (n.localName === 'button' && (n.children ?? []).some((c) => c.nodeValue === name))
          target = n.backendNodeId;
      });
    }
    if (target === null) throw new Error(`no "${name}" button in ${hostSelector}`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/**
 * A request for one of the extension's own files: at its id, or the page UI (or nhentai's tag names, or a
 * site's look-up) at the session's dynamic address, where a built-in site's script imports it (src/page/ui-loader.ts). Never a request to the web.
 */
export function isExtensionFile(url: string, extensionId: string): boolean {
  return (
    url.startsWith(`chrome-extension://${extensionId}/`) ||
    /^chrome-extension:\/\/[0-9a-f-]{36}\/(page-ui|page-facts|nhentai-tags|mangadex-tags|[a-z0-9]+-lookup)\.js$/u.test(
      url,
    )
  );
}
