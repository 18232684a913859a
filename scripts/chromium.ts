import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@wxt-dev/browser';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { migrateSettings } from '../src/settings/migrations';
import { repairSettings } from '../src/settings/repair';
import type { Settings } from '../src/settings/schema';
import { OVERFLOW_KEY, planSync, readStored, staleKeys } from '../src/settings/sync-layout';
import { findBrowser } from './find-browser';

/** The extension APIs inside the service worker, where `worker.evaluate` callbacks run. */
declare const chrome: typeof Browser;

export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');
/**
 * The test build (npm run build:granted): https://catalog.example granted at install, because
 * Chromium's permission prompt cannot be answered under automation. The rest is the release code.
 */
export const GRANTED_EXTENSION_DIR = resolve(import.meta.dirname, '../.output-granted/chrome-mv3');

/**
 * CHROMIUM_PATH, else a Chromium, Chrome, Edge or Brave where it is installed; on a Debian machine with
 * none, Debian's chromium is installed (saying so) where it may be, else the error gives the command.
 */
export function findChromium(): string {
  return findBrowser('chromium');
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
  // Google's Chrome (137 on) ignores --load-extension without this; Chromium needs nothing.
  '--disable-features=DisableLoadExtensionCommandLineSwitch',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension (`.output/chrome-mv3`) loaded, as a user would install it. */
export async function launchWithExtension(
  options: { headless?: boolean; args?: string[]; keepOnboarding?: boolean; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build:all" first (npm test does).`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'tagveil-profile-'));
  // Lets tests see the service worker's own requests too (the privacy test counts every request).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    // Tests may serve pages at their real https:// address from a local server with its own certificate.
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
  // A first install opens the onboarding page; tests that are not about it close it.
  const onboarding = `chrome-extension://${extensionId}/onboarding.html`;
  const isOnboarding = (p: { url(): string }) => p.url() === onboarding;
  const opened =
    context.pages().find(isOnboarding) ??
    (await context.waitForEvent('page', { predicate: isOnboarding, timeout: 10_000 }).catch(() => null));
  if (opened && !options.keepOnboarding) await opened.close();
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

/** Writes settings exactly as the extension lays them out in storage.sync (src/settings/sync-layout.ts). */
export async function storeSettings(worker: Worker, settings: unknown): Promise<void> {
  const { items } = planSync(settings as Settings, Date.now());
  const existing = await worker.evaluate(async () => Object.keys(await chrome.storage.sync.get(null)));
  await worker.evaluate(
    async ({ items, stale, overflowKey }) => {
      await chrome.storage.sync.set(items);
      if (stale.length > 0) await chrome.storage.sync.remove(stale);
      await chrome.storage.local.remove(overflowKey);
    },
    { items, stale: staleKeys(existing, items), overflowKey: OVERFLOW_KEY },
  );
}

/** The settings the extension would read now: the newer of sync and the local overflow copy. */
export async function readSettings(worker: Worker): Promise<Settings | undefined> {
  return readSettingsIn(worker);
}

async function readSettingsIn(worker: Worker): Promise<Settings | undefined> {
  const { sync, overflow } = await worker.evaluate(async (overflowKey) => {
    const sync = await chrome.storage.sync.get(null);
    const overflow = (await chrome.storage.local.get(overflowKey))[overflowKey];
    return { sync, overflow };
  }, OVERFLOW_KEY);
  const stored = readStored(sync, overflow);
  if (stored.kind !== 'ok') return undefined;
  return repairSettings(migrateSettings(stored.raw, stored.version)).settings;
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
