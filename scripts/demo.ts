/**
 * `npm start`: the built extension in Chromium on the bundled demo catalog.
 * The demo pages are served from localhost and shown at the real site's address, so the extension's
 * manifest match patterns apply exactly as on the live site. With no display it runs headless, saves
 * before/after screenshots and prints what it hid.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from '@wxt-dev/browser';
import type { Page } from 'playwright-core';
import { defaultSettings, MY_LIST_ID, NTR_LIST_ID, type Settings } from '../src/settings/schema';
import { launchWithExtension, storeSettings } from './chromium';

declare const chrome: typeof Browser;

const DEMO_DIR = resolve(import.meta.dirname, '../demo');
const OUT_DIR = resolve(process.env.TAGVEIL_DEMO_OUT ?? '.demo-out');

/** Real addresses of the demo pages → files in demo/. */
const PAGES: Record<string, string> = {
  'https://archiveofourown.org/tags/Original%20Work/works': 'ao3-works.html',
};

/** The demo blocklist: the NTR preset on (blur), and a personal list that hides major character death. */
function demoSettings(enabled = true): Settings {
  const settings = defaultSettings();
  settings.enabled = enabled;
  for (const list of settings.lists) {
    if (list.id === NTR_LIST_ID) list.enabled = true;
    if (list.id === MY_LIST_ID) list.patterns = ['Major Character Death'];
  }
  return settings;
}

function serveDemo(): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/+/u, '').split('?')[0] ?? '';
    if (!Object.values(PAGES).includes(name)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(readFileSync(join(DEMO_DIR, name)));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

async function describeMarks(page: Page): Promise<string[]> {
  return page.$$eval('[data-tagveil]', (els) =>
    els.map(
      (el) => `${el.getAttribute('data-tagveil')}: ${el.querySelector('.heading a')?.textContent?.trim()}`,
    ),
  );
}

async function main(): Promise<void> {
  const server = await serveDemo();
  const headless = !process.env.DISPLAY || process.env.TAGVEIL_DEMO_HEADLESS === '1';
  const browser = await launchWithExtension({ headless });
  const { context, worker } = browser;
  await context.route(/^https?:\/\//u, async (route) => {
    const url = route.request().url();
    const file = PAGES[url];
    if (!file) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ response: await route.fetch({ url: `${server.origin}/${file}` }) });
  });

  const [url] = Object.keys(PAGES);
  if (!url) throw new Error('no demo page');
  const page = await context.newPage();

  if (!headless) {
    await storeSettings(worker, demoSettings());
    await page.goto(url);
    console.log(`Tagveil demo: ${url} (served from ${server.origin}). Click the Tagveil icon for the popup.`);
    console.log('Close the browser window to end the demo.');
    await new Promise((done) => context.on('close', done));
    server.close();
    return;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1000, height: 1400 });
  await storeSettings(worker, demoSettings(false));
  await page.goto(url);
  await page.screenshot({ path: join(OUT_DIR, 'before.png'), fullPage: true });

  // Switching Tagveil on re-judges the open page; no reload.
  await storeSettings(worker, demoSettings(true));
  await page.waitForSelector('[data-tagveil]');
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(OUT_DIR, 'after.png'), fullPage: true });

  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 560 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#counts');
  await popup.screenshot({ path: join(OUT_DIR, 'popup.png') });

  console.log(`Tagveil demo (headless, no display): ${url}, served from ${server.origin}`);
  for (const line of await describeMarks(page)) console.log(`  ${line}`);
  console.log(`  ${(await popup.locator('#counts').textContent())?.trim()}`);
  console.log(`Screenshots: ${join(OUT_DIR, 'before.png')}, after.png, popup.png`);
  await browser.close();
  server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
