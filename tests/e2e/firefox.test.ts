import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/find-browser';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';

const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const URL = 'https://archiveofourown.org/tags/Dysphoria/works';

/** Firefox over WebDriver BiDi: the AO3 filtering flow, with the add-on installed as a temporary add-on. */
describe.skipIf(!HAVE_REAL_PAGES)('Tagveil in Firefox', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
      throw new Error('run "npm run build:firefox" first');
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findBrowser('firefox'),
      headless: true,
      protocol: 'webDriverBiDi',
    });
    await browser.installExtension(FIREFOX_BUILD);
    page = await browser.newPage();
    await page.setRequestInterception(true);
    const html = realPage('ao3', 'tag_works_Dysphoria.html');
    page.on('request', (request) => {
      if (request.url() === URL)
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else void request.respond({ status: 404, body: '' });
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // WebDriver BiDi refuses to open moz-extension:// pages, so the popup flows run in Chromium only; here a
  // fresh install (NTR preset off, personal list empty) must judge every work and hide none.
  it('judges every work of a real AO3 page from document_start, and a fresh install hides nothing', async () => {
    await page.goto(URL);
    await page.waitForSelector('li.blurb[data-tagveil-seen]');
    expect(await page.$$eval('li.blurb', (els) => els.length)).toBe(20);
    expect(await page.$$eval('li.blurb:not([data-tagveil-seen])', (els) => els.length)).toBe(0);
    expect(await page.$$eval('li.blurb[data-tagveil]', (els) => els.length)).toBe(0);
  });
});
