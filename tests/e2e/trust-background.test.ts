import { createServer, type Server } from 'node:https';
import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBSCRIPTION_BYTES } from '../../src/settings/schema';
import { localeText } from '../locale-text';
import {
  type ExtensionBrowser,
  GRANTED_EXTENSION_DIR,
  launchWithExtension,
  readSettings,
  storeSettings,
  tabIdOf,
} from './harness';
import { worksPage } from './pages';
import { LOCAL_SITE_ARGS, selfSignedTls } from './site-server';

const english = localeText('en');

declare const chrome: typeof Browser;

/** The granted test build may read https://catalog.example; Chromium sends it to the local server below. */
const LIST_URL = 'https://catalog.example/lists/ntr.txt';
const PAGE_URL = 'https://archiveofourown.org/tags/Netorare/works';
const CHUNK = Buffer.alloc(64 * 1024, 'endless\n');

type Mode = 'list' | 'endless';

/** What the list's server saw of one request: bytes it sent, and whether the client hung up. */
interface Served {
  path: string;
  bytes: number;
  closedAt?: number;
}

/**
 * The list's server, on 127.0.0.1:443 (Chromium maps every host there). `endless` streams an answer that
 * never ends and has no Content-Length, writing only as fast as the client reads, until the client hangs up.
 */
async function startListServer(
  mode: () => Mode,
): Promise<{ server: Server; served: Served[]; close(): void }> {
  const served: Served[] = [];
  const server = createServer(selfSignedTls(), (req, res) => {
    // Chromium's own calls home land here too (every host is mapped): not the list's business.
    if (req.headers.host !== 'catalog.example') return void res.writeHead(404).end();
    const record: Served = { path: req.url ?? '', bytes: 0 };
    served.push(record);
    res.on('close', () => {
      record.closedAt = Date.now();
    });
    if (mode() === 'list') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('netorare\ncheating\n');
      record.bytes = 18;
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    const pump = () => {
      while (!res.destroyed) {
        record.bytes += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
    };
    pump();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', resolve);
  });
  return {
    server,
    served,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * Runs `expression` in the world of Tagveil's content script on `page` (where its `chrome.runtime`
 * lives), as a page that had taken over the content script could.
 */
async function inContentScript(browser: ExtensionBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`,
    );
    if (!world) throw new Error(`no content script world among ${JSON.stringify(contexts)}`);
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Sends a message to the background as the content script, and says how it was answered. */
const SEND = (message: object) => `chrome.runtime.sendMessage(${JSON.stringify(message)}).then(
  (answer) => ({ answer: answer ?? null }),
  (error) => ({ refused: String(error?.message ?? error) }),
)`;

describe('the background trusts the extension’s pages, not what runs inside web pages', () => {
  let browser: ExtensionBrowser;
  let list: Awaited<ReturnType<typeof startListServer>>;
  let mode: Mode = 'list';
  let page: Page;
  let options: Page;

  beforeAll(async () => {
    list = await startListServer(() => mode);
    browser = await launchWithExtension({ extensionDir: GRANTED_EXTENSION_DIR, args: LOCAL_SITE_ARGS });
    await browser.context.route(PAGE_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: worksPage(20) }),
    );
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [
        { id: 'mine', name: 'Mine', enabled: true, action: 'hide', patterns: ['netorare'] },
        {
          id: 'sub',
          name: 'Shared NTR',
          enabled: true,
          action: 'hide',
          patterns: ['old rule'],
          source: { url: LIST_URL, updatedAt: 1 },
        },
      ],
    });
    page = await browser.context.newPage();
    await page.goto(PAGE_URL);
  });

  afterAll(async () => {
    await browser?.close();
    list?.close();
  });

  const subscription = async () => (await readSettings(browser.worker))?.lists.find((l) => l.id === 'sub');

  it('a content script may set its own tab’s badge', async () => {
    // Works 0, 7 and 14 of the generated page carry "Netorare".
    const tabId = await tabIdOf(browser.worker, page);
    await expect
      .poll(() => browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId))
      .toBe('3');
  });

  it('a tag link too long to be a rule is not added from the context menu, and the toolbar button says why', async () => {
    const tabId = await tabIdOf(browser.worker, page);
    const tag = 'x'.repeat(600);
    // Headless Chromium has no native menus: the browser's own onClicked event is fired in the service
    // worker with what Chromium passes when the user picks the item on an AO3 tag link (as ui.test.ts does).
    await browser.worker.evaluate(
      ({ tag, tabId }) => {
        const fire = chrome.contextMenus.onClicked as unknown as {
          dispatch(info: unknown, tab: unknown): void;
        };
        fire.dispatch(
          {
            menuItemId: 'tagveil-link:mine',
            parentMenuItemId: 'tagveil-link',
            linkUrl: `https://archiveofourown.org/tags/${tag}/works`,
            pageUrl: 'https://archiveofourown.org/tags/Netorare/works',
            editable: false,
          },
          { id: tabId },
        );
      },
      { tag, tabId },
    );
    const shown = () =>
      browser.worker.evaluate(
        async (tabId) => ({
          text: await chrome.action.getBadgeText({ tabId }),
          title: await chrome.action.getTitle({ tabId }),
        }),
        tabId,
      );
    await expect.poll(shown).toEqual({
      text: '!',
      title: `Tagveil did not add “${'x'.repeat(59)}…”: longer than 500 characters`,
    });
    expect((await readSettings(browser.worker))?.lists.find((l) => l.id === 'mine')?.patterns).toEqual([
      'netorare',
    ]);
  });

  it('a content script asking for a subscription refresh is refused, and nothing is fetched', async () => {
    const answer = await inContentScript(browser, page, SEND({ type: 'tagveil:refresh-subscriptions' }));
    expect(answer).toEqual({ refused: expect.stringContaining('only from the extension') });
    await page.waitForTimeout(500);
    expect(list.served).toEqual([]);
    expect((await subscription())?.patterns).toEqual(['old rule']);
    expect((await subscription())?.source?.checkedAt).toBeUndefined();
  });

  it('the options page’s refresh works', async () => {
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#subscriptions`);
    await options.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => (await subscription())?.patterns).toEqual(['netorare', 'cheating']);
    expect(list.served.map((s) => s.path)).toEqual(['/lists/ntr.txt']);
  });

  it('an answer that never ends is refused at the size cap, quickly, and the last good rules stay', async () => {
    mode = 'endless';
    const start = Date.now();
    await options.getByRole('button', { name: 'Update now' }).click();
    await expect
      .poll(async () => english((await subscription())?.source?.problem), { timeout: 20_000 })
      .toBe(`larger than ${MAX_SUBSCRIPTION_BYTES / 1024} KiB`);
    const took = Date.now() - start;
    const endless = list.served.at(-1) as Served;
    // The download was stopped (the connection closed), not left streaming into the extension.
    await expect.poll(() => endless.closedAt).toBeDefined();
    console.log(
      `endless answer refused after ${took} ms; the server had sent ${(endless.bytes / 1024 / 1024).toFixed(1)} MiB`,
    );
    expect(took).toBeLessThan(5_000);
    // The cap is 256 KiB; what the server got to send beyond it sat in socket buffers, never in the extension.
    expect(endless.bytes).toBeLessThan(16 * 1024 * 1024);
    expect((await subscription())?.patterns).toEqual(['netorare', 'cheating']);
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: 'larger than 256 KiB' }).count())
      .toBe(1);
  });
});
