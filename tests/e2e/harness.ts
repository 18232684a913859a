import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@wxt-dev/browser';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** The extension APIs inside the service worker, where `worker.evaluate` callbacks run. */
declare const chrome: typeof Browser;

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** CHROMIUM_PATH, else Debian's Chromium; a clear message (never a silent skip) when there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** Quiet, offline Chromium: no sync, no component updates, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension (`.output/chrome-mv3`) loaded, as a user would install it. */
export async function launchWithExtension(
  options: { headless?: boolean; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first (npm test does).`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'tagveil-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The extension writes its defaults on install; a test's own settings must come after, not race them.
  await waitFor(
    () => readSettingsIn(worker).then((s) => s !== undefined),
    'the extension to store its defaults',
  );
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

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

/** Writes settings as the extension stores them (sync area, key "settings"). */
export async function storeSettings(worker: Worker, settings: unknown): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.sync.set({ settings: value });
  }, settings);
}

export async function readSettings(worker: Worker): Promise<unknown> {
  return readSettingsIn(worker);
}

function readSettingsIn(worker: Worker): Promise<unknown> {
  return worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
}

const WAIT_TIMEOUT_MS = 10_000;
const WAIT_STEP_MS = 50;

export async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_TIMEOUT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
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
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Reads the reason line of an entry's veil. Its shadow root is closed (the page must not read the user's
 * reasons), so the test looks through the DevTools protocol, as a screen reader would through the a11y tree.
 */
export async function readVeil(page: Page, entrySelector: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `${entrySelector} > tagveil-veil`,
    })) as { nodeId: number };
    if (!nodeId) return null;
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as {
      node: CdpNode;
    };
    const texts: string[] = [];
    const buttons: { name: string; backendNodeId: number }[] = [];
    const walk = (n: CdpNode, inButton: { name: string } | null) => {
      if (n.nodeType === 3 && n.nodeValue && !n.nodeValue.includes('{')) {
        texts.push(n.nodeValue);
        if (inButton) inButton.name += n.nodeValue;
      }
      let button = inButton;
      if (n.localName === 'button') {
        const b = { name: '', backendNodeId: n.backendNodeId };
        buttons.push(b);
        button = b;
      }
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, button);
    };
    walk(node, null);
    return { text: texts.join(' '), buttons: buttons.map((b) => b.name) };
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button inside an entry's closed veil with the mouse, where a user would. */
export async function clickVeilButton(page: Page, entrySelector: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `${entrySelector} > tagveil-veil`,
    })) as { nodeId: number };
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as {
      node: CdpNode;
    };
    let target: number | null = null;
    const walk = (n: CdpNode) => {
      if (n.localName === 'button' && (n.children ?? []).some((c) => c.nodeValue === name))
        target = n.backendNodeId;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    walk(node);
    if (target === null) throw new Error(`no "${name}" button in the veil of ${entrySelector}`);
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
