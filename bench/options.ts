/**
 * The options page with a 5,000-rule list, in real Chromium with the built extension: how long the page
 * takes to show, what one keystroke in the rule editor costs, and how long Save takes — next to the
 * browser's own cost of the same text in a bare textarea, in the same run.
 */
import type { Browser } from '@wxt-dev/browser';
import { launchWithExtension, readSettings, storeSettings } from '../scripts/chromium';
import { defaultSettings } from '../src/settings/schema';
import { planSync } from '../src/settings/sync-layout';

declare const chrome: typeof Browser;

const RULES = 5_000;
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const settings = defaultSettings();
const mine = settings.lists[0];
if (mine)
  mine.patterns = Array.from({ length: RULES }, (_, i) => (i % 10 === 0 ? `*tag ${i}*` : `tag number ${i}`));
const text = mine?.patterns.join('\n') ?? '';

const browser = await launchWithExtension();
await storeSettings(browser.worker, settings);
const page = await browser.context.newPage();
const url = `chrome-extension://${browser.extensionId}/options.html`;

const load: number[] = [];
const bare: number[] = [];
const keystroke: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = Date.now();
  await page.goto(url);
  await page.waitForSelector('#editor-list-mine');
  load.push(Date.now() - start);
  // The floor: the browser laying out the same 5,000 lines in a bare textarea.
  bare.push(
    await page.evaluate((value) => {
      const started = performance.now();
      const area = document.createElement('textarea');
      area.rows = 14;
      area.value = value;
      document.body.append(area);
      area.getBoundingClientRect();
      const ms = performance.now() - started;
      area.remove();
      return ms;
    }, text),
  );
  // One keystroke: the editor re-reads every line and explains the one under the caret.
  keystroke.push(
    await page.evaluate(() => {
      const area = document.getElementById('editor-list-mine') as HTMLTextAreaElement;
      area.value += 'x'; // a typed character: the text changed, so every line is read again
      area.setSelectionRange(area.value.length, area.value.length);
      const started = performance.now();
      area.dispatchEvent(new KeyboardEvent('keyup', { key: 'a' }));
      return performance.now() - started;
    }),
  );
}

const saveTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  await page.locator('#editor-list-mine').evaluate((el, extra) => {
    const area = el as HTMLTextAreaElement;
    area.value = `${area.value}\nextra rule ${extra}`;
    area.dispatchEvent(new Event('input'));
  }, round);
  const start = Date.now();
  await page.getByRole('button', { name: 'Save rules of My blocklist' }).click();
  for (let i = 0; i < 400; i++) {
    const stored = await readSettings(browser.worker);
    if (stored?.lists[0]?.patterns.includes(`extra rule ${round}`)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  saveTimes.push(Date.now() - start);
}
const used = await browser.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null));
const stored = await readSettings(browser.worker);
await browser.close();

console.log(`Options page with a ${RULES.toLocaleString('en')}-rule list (Chromium, median of ${ROUNDS}):`);
console.log(`  page shown (navigation → rule editor filled):   ${median(load).toFixed(0)} ms`);
console.log(`  the same text in a bare textarea (floor):        ${median(bare).toFixed(1)} ms`);
console.log(`  one keystroke (re-read ${RULES} lines, explain):   ${median(keystroke).toFixed(1)} ms`);
console.log(`  Save → stored in sync and read back:             ${median(saveTimes).toFixed(0)} ms`);
console.log(
  `  storage.sync used: ${(used / 1024).toFixed(1)} KiB (planner: ${((stored ? planSync(stored, Date.now()).bytes : 0) / 1024).toFixed(1)} KiB) of 100 KiB`,
);
