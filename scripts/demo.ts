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
import { actionOfMark } from '../tests/e2e/marks';
import { launchWithExtension, storeSettings } from './chromium';

declare const chrome: typeof Browser;

const DEMO_DIR = resolve(import.meta.dirname, '../demo');
const OUT_DIR = resolve(process.env.TAGVEIL_DEMO_OUT ?? '.demo-out');

/** Real addresses of the demo pages → files in demo/, and the name of their screenshots. */
const PAGES: Record<string, { file: string; name: string }> = {
  'https://archiveofourown.org/tags/Original%20Work/works': { file: 'ao3-works.html', name: 'ao3' },
  'https://e-hentai.org/?f_search=demo': { file: 'ehentai-compact.html', name: 'ehentai' },
};

/** The demo blocklist: the NTR preset on (blur), and a personal list that hides gore and major character death. */
function demoSettings(enabled = true): Settings {
  const settings = defaultSettings();
  settings.enabled = enabled;
  for (const list of settings.lists) {
    if (list.id === NTR_LIST_ID) list.enabled = true;
    if (list.id === MY_LIST_ID) list.patterns = ['Major Character Death', 'guro'];
  }
  return settings;
}

function serveDemo(): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/+/u, '').split('?')[0] ?? '';
    if (!Object.values(PAGES).some((page) => page.file === name)) {
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
  const marks = await page.$$eval('[data-tagveil]', (els) =>
    els.map((el) => [
      el.getAttribute('data-tagveil'),
      el.querySelector('.heading a, .glink')?.textContent?.trim(),
    ]),
  );
  return marks.map(([mark, title]) => `${actionOfMark(mark ?? null)}: ${title}`);
}

async function main(): Promise<void> {
  const server = await serveDemo();
  const headless = !process.env.DISPLAY || process.env.TAGVEIL_DEMO_HEADLESS === '1';
  const browser = await launchWithExtension({ headless });
  const { context, worker } = browser;
  await context.route(/^https?:\/\//u, async (route) => {
    const url = route.request().url();
    const demo = PAGES[url];
    if (!demo) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ response: await route.fetch({ url: `${server.origin}/${demo.file}` }) });
  });

  if (!headless) {
    await storeSettings(worker, demoSettings());
    for (const url of Object.keys(PAGES)) await (await context.newPage()).goto(url);
    console.log(`Tagveil demo: ${Object.keys(PAGES).join(', ')}, served from ${server.origin}.`);
    console.log('Click the Tagveil icon for the popup. Close the browser window to end the demo.');
    await new Promise((done) => context.on('close', done));
    server.close();
    return;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  console.log(`Tagveil demo (headless, no display), pages served from ${server.origin}:`);
  let first: Page | null = null;
  for (const [url, { name }] of Object.entries(PAGES)) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 1000 });
    await storeSettings(worker, demoSettings(false));
    await page.goto(url);
    await page.screenshot({ path: join(OUT_DIR, `${name}-before.png`), fullPage: true });
    // Switching Tagveil on re-judges the open page; no reload.
    await storeSettings(worker, demoSettings(true));
    await page.waitForSelector('[data-tagveil]', { state: 'attached' });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT_DIR, `${name}-after.png`), fullPage: true });
    console.log(`  ${url}`);
    for (const line of await describeMarks(page)) console.log(`    ${line}`);
    first ??= page;
  }

  if (first) {
    await first.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
    const base = `chrome-extension://${browser.extensionId}`;
    // The user interface in light and dark (it follows the browser's colour scheme).
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      // The most a browser gives a popup is 600 px high; the popup fits it.
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.goto(`${base}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('#counts');
      await popup.screenshot({ path: join(OUT_DIR, `popup-${scheme}.png`) });
      if (scheme === 'light')
        console.log(`  popup on the first page: ${(await popup.locator('#counts').textContent())?.trim()}`);
      await popup.close();
      const options = await context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.setViewportSize({ width: 960, height: 1100 });
      await options.goto(`${base}/options.html`);
      await options.waitForSelector('#lists .card');
      await options.screenshot({ path: join(OUT_DIR, `options-${scheme}.png`) });
      await options.close();
    }
    const onboarding = await context.newPage();
    await onboarding.setViewportSize({ width: 900, height: 900 });
    await onboarding.goto(`${base}/onboarding.html`);
    await onboarding.waitForSelector('#start');
    await onboarding.screenshot({ path: join(OUT_DIR, 'onboarding.png') });
    await onboarding.close();
  }
  console.log(`Screenshots (before/after each page, popup and options light/dark, onboarding) in ${OUT_DIR}`);
  await browser.close();
  server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
