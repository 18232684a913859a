/**
 * The page runtime in real Chromium with the built extension: a 10,000-work page (20 tag links each)
 * judged by Tagveil next to a minimal hand loop over the same DOM, in the same run; the leaked-frame
 * counts of the no-flash scenarios (the end-to-end test asserts them); the cost of a 100-entry batch, of
 * a re-judge after a settings change, the extra heap, and the content script's cost before
 * DOMContentLoaded on a 20-entry page.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@wxt-dev/browser';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, launchWithExtension, storeSettings } from '../scripts/chromium';
import { PRESETS } from '../src/rules/presets';
import { pageStateOf } from '../tests/e2e/harness';
import {
  countLeaks,
  HUGE_COUNT,
  HUGE_PATH,
  LEAK_SETTINGS,
  type Leaks,
  leakPages,
  REAL_PATH,
  scrollThenRerender,
} from '../tests/e2e/leak-scenarios';
import { blurb, LEAK_RECORDER, worksPage } from '../tests/e2e/pages';
import { LOCAL_SITE_ARGS, type Streamed, startSiteServer } from '../tests/e2e/site-server';
import { HAVE_REAL_PAGES } from '../tests/real-pages';

// The extension's API, inside the service worker (worker.evaluate).
declare const chrome: typeof Browser;

const BIG = 10_000;
const SMALL = 20;
const ROUNDS = 5;
const DCL_LOADS = 10;
/** Fresh browsers per kind in the three-way start-up comparison (no extension / empty script / Tagveil). */
const FRESH_ROUNDS = 16;
/** Each fresh browser is left this long after its start before the page is loaded (every kind alike). */
const SETTLE_MS = 1_000;
/** Fresh browsers per kind for the streamed 20-entry page (no extension / Tagveil). */
const STREAMED_ROUNDS = 6;

/** The hand loop: entries → tag texts → lower case → Set.has → an attribute. */
const FLOOR = `(() => {
  const start = performance.now();
  const blocked = new Set(['netorare', 'filler tag 399']);
  for (const entry of document.querySelectorAll('li.blurb')) {
    for (const a of entry.querySelectorAll('a.tag')) {
      if (blocked.has(a.textContent.toLowerCase())) { entry.setAttribute('data-floor', ''); break; }
    }
  }
  const ms = performance.now() - start;
  for (const entry of document.querySelectorAll('[data-floor]')) entry.removeAttribute('data-floor');
  return ms;
})()`;

/** About 60 rules: every preset as a hidden list, and a blurred list of plain tags, globs and a regex. */
const settings = (siteOn: boolean, extra: string[] = []) => ({
  enabled: true,
  sites: { ao3: siteOn },
  lists: [
    ...PRESETS.map((preset) => ({
      id: preset.id,
      name: preset.name,
      enabled: true,
      action: 'hide',
      patterns: [...preset.patterns, ...(preset.id === 'ntr' ? extra : [])],
    })),
    {
      id: 'b',
      name: 'Blur',
      enabled: true,
      action: 'blur',
      patterns: ['filler tag 399', '*cheating*', '/^gore\\b/', 'character:*smith', 'fandom:star *'],
    },
  ],
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function isolatedFloor(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: `floor-${Math.random()}`,
  })) as { executionContextId: number };
  const { result } = (await cdp.send('Runtime.evaluate', {
    expression: FLOOR,
    contextId: executionContextId,
    returnByValue: true,
  })) as { result: { value: number } };
  await cdp.detach();
  return result.value;
}

/**
 * An extension with one empty `document_start` content script on the same pages: what any extension's
 * content script costs a page load, Tagveil's baseline (built here, in a temporary folder).
 */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagveil-empty-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script',
      version: '1.0',
      content_scripts: [
        { matches: ['https://archiveofourown.org/*'], js: ['empty.js'], run_at: 'document_start' },
      ],
    }),
  );
  writeFileSync(join(dir, 'empty.js'), '');
  return dir;
}

/**
 * In the page's own world, from the start: when the last entry was judged (the last time an entry was
 * first marked judged, on the page's clock; held entries, by selector or by attribute, carry no mark
 * until then) and when the page's first frame began (its first requestAnimationFrame).
 */
const JUDGED_RECORDER = `(() => {
  window.__tagveilJudgedAt = 0;
  new MutationObserver((records) => {
    for (const r of records)
      if (r.oldValue === null && r.target.matches('li.blurb')) window.__tagveilJudgedAt = performance.now();
  }).observe(document, { attributes: true, attributeOldValue: true, attributeFilter: ['data-tagveil-seen'], subtree: true });
  requestAnimationFrame(() => { window.__firstFrameAt = performance.now(); });
})()`;

/**
 * Tagveil's own build with its AO3 content script emptied: the same manifest, background and settings,
 * so that what it costs over this is the content script's work alone.
 */
function emptiedTagveil(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagveil-emptied-'));
  cpSync(join(import.meta.dirname, '../.output/chrome-mv3'), dir, { recursive: true });
  writeFileSync(join(dir, 'content-scripts/ao3.js'), '');
  return dir;
}

type FreshKind = 'none' | 'empty' | 'emptied' | 'tagveil';
/** One fresh load, on the page's clock: DOMContentLoaded, the response's start, every entry judged, the first frame. */
interface FreshLoad {
  dcl: number;
  response: number;
  judged: number;
  firstFrame: number;
}

/**
 * A fresh browser's load of the 20-entry page: DOMContentLoaded and, with Tagveil, when every entry was
 * judged. Every kind is launched and loaded the same way (the same flags, the recorder in every page);
 * Tagveil and its emptied build also have the benchmark's settings stored and their snapshot written
 * before the load.
 */
async function freshLoad(
  kind: FreshKind,
  dirs: { empty: string; emptied: string },
  path = '/small',
): Promise<FreshLoad> {
  const navigate = async (p: Page) => {
    await p.addInitScript(JUDGED_RECORDER);
    // The browser's own start (its extensions loaded, a service worker's first run) is over before the
    // load, for every kind alike: what is compared is the page's load, not what else a fresh browser does.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await p.goto(`https://archiveofourown.org${path}`, { waitUntil: 'load' });
    return p.evaluate(() => {
      const timing = performance.getEntriesByType('navigation')[0]?.toJSON() as Record<string, number>;
      const page = window as unknown as { __tagveilJudgedAt?: number; __firstFrameAt?: number };
      return {
        dcl: timing.domContentLoadedEventEnd ?? Number.NaN,
        response: timing.responseStart ?? Number.NaN,
        judged: page.__tagveilJudgedAt ?? 0,
        firstFrame: page.__firstFrameAt ?? Number.NaN,
      };
    });
  };
  if (kind === 'tagveil' || kind === 'emptied') {
    const fresh = await launchWithExtension({
      args: LOCAL_SITE_ARGS,
      ...(kind === 'emptied' ? { extensionDir: dirs.emptied } : {}),
    });
    try {
      await storeSettings(fresh.worker, settings(true));
      // The background writes the snapshot a page starts from; the load measured starts from it.
      await until(
        () =>
          fresh.worker.evaluate(async () => {
            const { 'settings-snapshot': snap } = await chrome.storage.local.get('settings-snapshot');
            return (
              (snap as { settings?: { lists?: { id: string }[] } } | undefined)?.settings?.lists?.length ?? 0
            );
          }),
        (lists) => lists > 1,
      );
      return await navigate(await fresh.context.newPage());
    } finally {
      await fresh.close();
    }
  }
  const profile = mkdtempSync(join(tmpdir(), 'tagveil-fresh-'));
  const extension =
    kind === 'empty' ? [`--disable-extensions-except=${dirs.empty}`, `--load-extension=${dirs.empty}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    ignoreHTTPSErrors: true,
    ...(kind === 'empty' ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [...CHROMIUM_ARGS, ...LOCAL_SITE_ARGS, ...extension],
  });
  try {
    return await navigate(await context.newPage());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `text` in `count` parts of about the same length, cut anywhere (as network packets cut a page). */
function inParts(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: count }, (_, i) => text.slice(i * size, (i + 1) * size));
}

/** The value a fraction `q` of the way up `values` in order (0.5: the median, the upper one of an even count). */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

const pages = new Map<string, Streamed>([
  ...leakPages(),
  ['/big', { chunks: [worksPage(BIG)], intervalMs: 0 }],
  ['/small', { chunks: [worksPage(SMALL)], intervalMs: 0 }],
  // The same page as a network delivers it: in parts, a moment apart.
  ['/small-streamed', { chunks: inParts(worksPage(SMALL), 4), intervalMs: 25 }],
]);
const server = await startSiteServer((url) => pages.get(url.pathname) ?? null);
const browser = await launchWithExtension({ args: LOCAL_SITE_ARGS });
const { worker, context } = browser;
const out: string[] = [];
const say = (line: string) => {
  out.push(line);
  console.log(line);
};

try {
  // What every page of a supported site loads before Tagveil looks at it: each content script's size.
  const scripts = join(import.meta.dirname, '../.output/chrome-mv3/content-scripts');
  for (const file of readdirSync(scripts)
    .filter((f) => f.endsWith('.js'))
    .sort())
    say(`content script ${file}: ${(statSync(join(scripts, file)).size / 1000).toFixed(2)} kB minified`);
  say(
    `Page runtime benchmark — Chromium ${context.browser()?.version() ?? (await (await context.newPage()).evaluate(() => navigator.userAgent))}`,
  );

  // 1. The 10,000-work page: the floor, then Tagveil's full pass, alternating, best of a few rounds.
  await storeSettings(worker, settings(false));
  const page = await context.newPage();
  await page.goto('https://archiveofourown.org/big', { waitUntil: 'load', timeout: 180_000 });
  const floorMain: number[] = [];
  const floorIsolated: number[] = [];
  const tagveil: number[] = [];
  let heapOff = 0;
  let heapOn = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await storeSettings(worker, settings(false));
    await until(
      () => pageStateOf(worker, page),
      (s) => !s.active,
    );
    floorMain.push(await page.evaluate(FLOOR));
    floorIsolated.push(await isolatedFloor(page));
    if (round === 0) heapOff = await heapMb(page);
    await storeSettings(worker, settings(true));
    const state = await until(
      () => pageStateOf(worker, page),
      (s) => s.active && s.timing.lastPassEntries === BIG,
    );
    tagveil.push(state.timing.lastPassMs);
    if (round === 0) heapOn = await heapMb(page);
  }
  const best = (v: number[]) => Math.min(...v);
  say(`1. ${BIG} works × 20 tag links, best of ${ROUNDS}:`);
  say(`   minimal hand loop, page world:        ${best(floorMain).toFixed(0)} ms`);
  say(
    `   minimal hand loop, isolated world:    ${best(floorIsolated).toFixed(0)} ms (where content scripts run)`,
  );
  say(`   Tagveil full pass (read, judge, mark): ${best(tagveil).toFixed(0)} ms`);
  say(
    `   ratio: ${(best(tagveil) / best(floorIsolated)).toFixed(2)}× the isolated-world loop, ${(best(tagveil) / best(floorMain)).toFixed(2)}× the page-world loop (goal ≤ 1.2× the isolated-world loop)`,
  );
  say(`   extra JS heap with Tagveil's state for ${BIG} works: ${(heapOn - heapOff).toFixed(1)} MiB`);

  // What the popup waits for when it opens: the page state, with the tags on the page and their counts.
  // Counted afresh once the page has changed (here: one more work, as infinite scroll adds), then kept
  // while only verdicts change (the popup asks again after every rule it adds).
  const popupAsks: number[] = [];
  const popupAsksAgain: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await page.evaluate(
      (html) => {
        document.querySelector('ol.work')?.insertAdjacentHTML('beforeend', html);
      },
      blurb(BIG + round),
    );
    await page.waitForSelector(`li.blurb:last-child[data-tagveil-seen]`, { state: 'attached' });
    let start = performance.now();
    await pageStateOf(worker, page);
    popupAsks.push(performance.now() - start);
    start = performance.now();
    await pageStateOf(worker, page);
    popupAsksAgain.push(performance.now() - start);
  }
  say(
    `   the popup's question (counts, rules, tags on the page): ${median(popupAsks).toFixed(0)} ms once the page changed, ${median(popupAsksAgain).toFixed(0)} ms asked again (median of ${ROUNDS})`,
  );

  // 3a. A 100-entry batch added by the page (infinite scroll).
  const batches: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = (await pageStateOf(worker, page)).timing.totalMs;
    await page.evaluate((n) => {
      const list = document.querySelector('ol.work');
      const template = document.querySelector('li.blurb');
      for (let i = 0; i < 100; i++) {
        const copy = template?.cloneNode(true) as HTMLElement;
        copy.id = `work_batch_${n}_${i}`;
        copy.removeAttribute('data-tagveil-seen');
        copy.removeAttribute('data-tagveil');
        list?.append(copy);
      }
    }, round);
    const state = await until(
      () => pageStateOf(worker, page),
      (s) => s.timing.totalMs > before,
    );
    batches.push(state.timing.lastBatchMs);
  }
  say(`3. a 100-entry inserted batch: ${median(batches).toFixed(1)} ms (median of ${ROUNDS})`);

  // 3b. Re-judge after a settings change.
  const rejudge: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = (await pageStateOf(worker, page)).timing.totalMs;
    await storeSettings(worker, settings(true, [`new rule ${round}`]));
    const state = await until(
      () => pageStateOf(worker, page),
      (s) => s.timing.totalMs > before && s.timing.lastPassEntries > BIG,
    );
    rejudge.push(state.timing.lastPassMs);
  }
  say(
    `   re-judge of the whole page after a settings change: ${median(rejudge).toFixed(0)} ms (median of ${ROUNDS})`,
  );
  await page.close();

  // 3c. DOMContentLoaded of a 20-entry page, with and without the extension.
  await storeSettings(worker, settings(true));
  const withExtension: number[] = [];
  const scriptCost: number[] = [];
  const startup: number[] = [];
  for (let i = 0; i < DCL_LOADS; i++) {
    const p = await context.newPage();
    await p.goto('https://archiveofourown.org/small', { waitUntil: 'load' });
    withExtension.push(
      await p.evaluate(
        () => performance.getEntriesByType('navigation')[0]?.toJSON().domContentLoadedEventEnd,
      ),
    );
    const { timing } = await pageStateOf(worker, p);
    scriptCost.push(timing.totalMs);
    startup.push(timing.startupMs);
    await p.close();
  }
  // The same kind of browser (a persistent profile, same flags), with no extension at all.
  const plainProfile = mkdtempSync(join(tmpdir(), 'tagveil-plain-'));
  const plainContext = await chromium.launchPersistentContext(plainProfile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    ignoreHTTPSErrors: true,
    args: [...CHROMIUM_ARGS, ...LOCAL_SITE_ARGS],
  });
  const withoutExtension: number[] = [];
  for (let i = 0; i < DCL_LOADS; i++) {
    const p = await plainContext.newPage();
    await p.goto('https://archiveofourown.org/small', { waitUntil: 'load' });
    withoutExtension.push(
      await p.evaluate(
        () => performance.getEntriesByType('navigation')[0]?.toJSON().domContentLoadedEventEnd,
      ),
    );
    await p.close();
  }
  await plainContext.close();
  rmSync(plainProfile, { recursive: true, force: true });
  say(
    `   ${SMALL}-entry page, DOMContentLoaded (median of ${DCL_LOADS}): ${median(withExtension).toFixed(0)} ms with Tagveil, ${median(withoutExtension).toFixed(0)} ms without; the content script's synchronous start (its code set up, its context, its holds and the settings asked for: all while the page parses): ${median(startup).toFixed(1)} ms; its judging: ${median(scriptCost).toFixed(1)} ms`,
  );

  // 3d. Start-up, three ways, each load in a fresh browser, the kinds interleaved (the order turns each
  // round, so that none always comes first after a quiet moment).
  const dirs = { empty: emptyExtension(), emptied: emptiedTagveil() };
  const kinds = ['none', 'empty', 'emptied', 'tagveil'] as const;
  const fresh: Record<FreshKind, FreshLoad[]> = { none: [], empty: [], emptied: [], tagveil: [] };
  for (let round = 0; round < FRESH_ROUNDS; round++) {
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(round + k) % kinds.length] as FreshKind;
      fresh[kind].push(await freshLoad(kind, dirs));
    }
  }
  const streamed: Record<'none' | 'tagveil', FreshLoad[]> = { none: [], tagveil: [] };
  for (let round = 0; round < STREAMED_ROUNDS; round++) {
    for (const kind of round % 2 ? (['tagveil', 'none'] as const) : (['none', 'tagveil'] as const))
      streamed[kind].push(await freshLoad(kind, dirs, '/small-streamed'));
  }
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  const ms = (value: number | undefined) => (value ?? Number.NaN).toFixed(1);
  const of = (loads: FreshLoad[], read: (load: FreshLoad) => number) => median(loads.map(read));
  const [none, empty, emptied, withTagveil] = kinds.map((kind) => of(fresh[kind], (l) => l.dcl));
  const [noneOwn, emptyOwn, , tagveilOwn] = kinds.map((kind) => of(fresh[kind], (l) => l.dcl - l.response));
  say(
    `   ${SMALL}-entry page in fresh browsers (each left ${SETTLE_MS} ms after its start), DOMContentLoaded (median of ${FRESH_ROUNDS}, interleaved): no extension ${ms(none)} ms, an empty document_start content script ${ms(empty)} ms, Tagveil with its content script emptied ${ms(emptied)} ms, Tagveil ${ms(withTagveil)} ms — Tagveil adds ${ms((withTagveil ?? 0) - (empty ?? 0))} ms over the empty script (goal ≤ 5 ms), ${ms((withTagveil ?? 0) - (emptied ?? 0))} ms over its own build without the content script's work; counted from the response's start (the browser's navigation left out): ${ms(noneOwn)} / ${ms(emptyOwn)} / ${ms(tagveilOwn)} ms, +${ms((tagveilOwn ?? 0) - (emptyOwn ?? 0))} ms`,
  );
  // DOMContentLoaded is bimodal in a fresh browser: a load whose parse was pushed past a frame pays that
  // frame's first style and layout before it (docs/performance.md). The spread and the count say how often.
  say(
    `   the same loads' spread (25th–75th percentile) and those whose DOMContentLoaded came after the page's first frame: ${kinds
      .map((kind) => {
        const dcls = fresh[kind].map((l) => l.dcl);
        const late = fresh[kind].filter((l) => l.dcl > l.firstFrame).length;
        return `${kind} ${ms(percentile(dcls, 0.25))}–${ms(percentile(dcls, 0.75))} ms (${late} of ${dcls.length})`;
      })
      .join(', ')}`,
  );
  say(
    `   every entry judged by ${ms(of(fresh.tagveil, (l) => l.judged))} ms (median, on the page's clock), the page's first frame at ${ms(of(fresh.tagveil, (l) => l.firstFrame))} ms — the page's own DOMContentLoaded without Tagveil: ${ms(none)} ms (goal: no later)`,
  );
  say(
    `   the same page delivered in 4 parts 25 ms apart (median of ${STREAMED_ROUNDS}): every entry judged by ${ms(of(streamed.tagveil, (l) => l.judged))} ms, DOMContentLoaded ${ms(of(streamed.tagveil, (l) => l.dcl))} ms with Tagveil and ${ms(of(streamed.none, (l) => l.dcl))} ms without (goal: judged no later than that)`,
  );

  // 2. Leaked frames: the scenarios the end-to-end test asserts 0 on (tests/e2e/leak-scenarios.ts).
  await storeSettings(worker, LEAK_SETTINGS);
  await context.addInitScript(LEAK_RECORDER);
  const line = (what: string, leaks: Leaks) =>
    say(`   ${what}: ${leaks.leakedFrames} leaked of ${leaks.frames} frames`);
  say('2. leaked frames (frames in which an entry that ends hidden or blurred showed unfiltered; goal 0):');
  const streamedPage = async (path: string): Promise<Leaks> => {
    const p = await context.newPage();
    await p.bringToFront();
    await p.goto(`https://archiveofourown.org${path}`, { waitUntil: 'load', timeout: 180_000 });
    const leaks = await countLeaks(p);
    await p.close();
    return leaks;
  };
  if (HAVE_REAL_PAGES) line('the real AO3 page, streamed over 2 s', await streamedPage(REAL_PATH));
  else say('   the real AO3 page: skipped (real pages not found; set TAGVEIL_REAL_PAGES)');
  line(`${HUGE_COUNT} works, streamed over 2 s`, await streamedPage(HUGE_PATH));
  const dynamic = await context.newPage();
  const { afterScroll, afterRerender } = await scrollThenRerender(dynamic);
  line('10 infinite-scroll batches of 100 works', afterScroll);
  line('then a single-page-app re-render (all frames of that page)', afterRerender);
  await dynamic.close();
} finally {
  await browser.close();
  server.close();
}
