import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HITOMI_MIN_INTERVAL_MS } from '../../src/sites/lookups/hitomi-galleries';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchHiding, storeSettings } from './harness';
import { actionOfMark, MARK_VALUE } from './marks';

const LISTING = 'https://hitomi.la/index-all.html';
const GALLERY_JS = /^https:\/\/ltn\.hitomi\.la\/galleries\/(\d+)\.js$/u;
const READER = 'https://hitomi.la/reader/1674850.html';
const BLOCKED = ['incest', 'female:sole female'];

interface GalleryTag {
  tag: string;
  female?: string | number;
  male?: string | number;
}
interface Gallery {
  id: string;
  type: string;
  title: string;
  tags: GalleryTag[] | null;
}

/** The JSON literal of a real `galleries/<id>.js` (the test reads it; the extension never runs it). */
function realGallery(id: string): Gallery {
  const script = realPage('hitomi', `galleries-${id}.js`);
  return JSON.parse(
    script
      .replace(/^[\s\S]*?var galleryinfo\s*=\s*/u, '')
      .trim()
      .replace(/;+$/u, ''),
  ) as Gallery;
}

/**
 * Only two real galleries were saved: the others are derived here from them, each with a new id and a
 * different slice of the real tag list (so some carry a blocked tag only past what the card shows).
 */
function galleries(): Map<string, Gallery> {
  const real = [realGallery('1674850'), realGallery('2058075')];
  const all = new Map(real.map((g) => [g.id, g]));
  const base = real[0] as Gallery;
  const tags = base.tags ?? [];
  for (let i = 0; i < 22; i++) {
    const rotated = [...tags.slice(i % tags.length), ...tags.slice(0, i % tags.length)];
    const id = String(3_000_000 + i);
    all.set(id, {
      ...base,
      id,
      title: `Derived ${i}`,
      type: ['doujinshi', 'manga', 'artistcg', 'gamecg'][i % 4] as string,
      tags: rotated.slice(0, 2 + (i % 7)),
    });
  }
  return all;
}

const GALLERIES = galleries();
const IDS = [...GALLERIES.keys()];
const FIRST = IDS.slice(0, 10);
const BATCH = IDS.slice(10, 18);
const NAVIGATED = IDS.slice(18);

const scriptOf = (g: Gallery) => `var galleryinfo = ${JSON.stringify(g)}`;

/** A listing whose blocks come without their galleries' scripts (as the site's own listings draw them). */
const BARE = 'https://hitomi.la/index-japanese.html';

/** The gallery's tags as the extension names them (`female:` / `male:` flags), the oracle's words. */
const tagNames = (g: Gallery) =>
  (g.tags ?? []).map((t) =>
    Number(t.female) === 1 ? `female:${t.tag}` : Number(t.male) === 1 ? `male:${t.tag}` : t.tag,
  );
const blocked = (g: Gallery) => tagNames(g).some((t) => BLOCKED.includes(t));
/** Blocked only by a tag past the two its card shows. */
const blockedBeyondCard = (g: Gallery) =>
  blocked(g) && !tagNames({ ...g, tags: (g.tags ?? []).slice(0, 2) }).some((t) => BLOCKED.includes(t));

/** The bare listing's galleries: three blocked only past their card's tags, one by its card, two not. */
const BARE_IDS = [
  ...IDS.filter((id) => blockedBeyondCard(GALLERIES.get(id) as Gallery)).slice(0, 3),
  ...IDS.filter(
    (id) => blocked(GALLERIES.get(id) as Gallery) && !blockedBeyondCard(GALLERIES.get(id) as Gallery),
  ).slice(0, 1),
  ...IDS.filter((id) => !blocked(GALLERIES.get(id) as Gallery)).slice(0, 2),
];
/** The galleries' scripts asked for, by whom (the page's or Tagveil's request, seen from the network). */
const scriptRequests: { id: string; at: number }[] = [];

/**
 * A listing in hitomi.la's structure (no real listing markup was saved): the page's script loads each
 * gallery's `galleries/<id>.js` (by fetch, or XMLHttpRequest for every other one), then inserts its
 * `.gallery-content > div.<kind>` block showing the first two tags only (a list cut short). `more()` adds a
 * batch; `navigate()` goes to another list without a reload, re-using the blocks. A frame recorder notes
 * every block painted while unmarked.
 */
const SHELL = `<!doctype html><html><head><meta charset="utf-8"><title>hitomi.la</title></head><body>
<div class="container"><div class="gallery-content"></div></div>
<script>
const painted = new Map();
let frame = 0;
const hrefOf = (div) => div.querySelector('h1 a').getAttribute('href');
const tick = () => {
  frame++;
  for (const div of document.querySelectorAll('.gallery-content > div')) {
    const s = getComputedStyle(div);
    if (div.hasAttribute('data-tagveil') || s.visibility === 'hidden' || s.display === 'none') continue;
    if (!painted.has(div)) painted.set(div, new Set());
    painted.get(div).add(hrefOf(div));
  }
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
window.leaks = () => [...document.querySelectorAll('.gallery-content > div[data-tagveil="${MARK_VALUE.hide}"]')]
  .filter((div) => painted.get(div)?.has(hrefOf(div))).map(hrefOf);
window.frames = () => frame;
const KIND = { doujinshi: 'dj', manga: 'manga', artistcg: 'acg', gamecg: 'cg' };
const parse = (text) => JSON.parse(text.replace(/^[\\s\\S]*?var galleryinfo\\s*=\\s*/, '').trim().replace(/;+$/, ''));
const load = (id, i) => {
  const url = 'https://ltn.hitomi.la/galleries/' + id + '.js';
  if (i % 2 === 0) return fetch(url).then((r) => r.text()).then(parse);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.onload = () => resolve(parse(xhr.responseText));
    xhr.send();
  });
};
const fill = (div, g) => {
  div.className = KIND[g.type] || 'dj';
  const link = '/' + g.type + '/derived-korean-' + g.id + '.html';
  const shown = (g.tags || []).slice(0, 2).map((t) => {
    const ns = t.female == 1 ? 'female:' : t.male == 1 ? 'male:' : '';
    const sign = t.female == 1 ? ' ♀' : t.male == 1 ? ' ♂' : '';
    return '<li><a href="/tag/' + encodeURIComponent(ns + t.tag) + '-all.html">' + t.tag + sign + '</a></li>';
  }).join('');
  div.innerHTML = '<a href="' + link + '"><div class="dj-img-cont"></div></a><h1 class="lillie"><a href="' + link + '"></a></h1>'
    + '<div class="dj-content"><table class="dj-desc"><tr><td>Tags</td><td class="relatedtags"><ul class="tags">' + shown
    + '<li>...</li></ul></td></tr></table></div>';
  div.querySelector('h1 a').textContent = g.title;
};
const block = (g) => { const div = document.createElement('div'); fill(div, g); return div; };
const content = document.querySelector('.gallery-content');
const show = (ids) => Promise.all(ids.map((id, i) => load(id, i).then((g) => content.append(block(g)))));
if (location.pathname === '/index-japanese.html') {
  // Blocks drawn from the listing's own data, no gallery script loaded (the site's galleryblock way).
  content.append(...${JSON.stringify(BARE_IDS.map((id) => GALLERIES.get(id)))}.map(block));
  document.body.dataset.loaded = '1';
} else show(${JSON.stringify(FIRST)}).then(() => { document.body.dataset.loaded = '1'; });
window.more = () => show(${JSON.stringify(BATCH)});
window.navigate = () => {
  history.pushState({}, '', '/index-korean.html');
  const ids = ${JSON.stringify(NAVIGATED)};
  return Promise.all(ids.map(load)).then((gs) => {
    const blocks = [...content.children];
    gs.forEach((g, i) => (blocks[i] ? fill(blocks[i], g) : content.append(block(g))));
    for (const extra of blocks.slice(gs.length)) extra.remove();
  });
};
</script></body></html>`;

/** The reader: no tag in its markup, only the gallery's script, which assigns `galleryinfo`. */
const READER_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Reader</title>
<script src="https://ltn.hitomi.la/galleries/1674850.js"></script></head>
<body><div id="comicImages"><img alt="page 1"></div></body></html>`;

async function route(r: Route): Promise<void> {
  const url = r.request().url();
  if (url === LISTING || url === BARE)
    return r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SHELL });
  if (url === READER)
    return r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: READER_PAGE });
  const id = GALLERY_JS.exec(url)?.[1];
  const gallery = id ? GALLERIES.get(id) : undefined;
  if (id) scriptRequests.push({ id, at: Date.now() });
  if (gallery) {
    // The two real galleries are served as saved; the derived ones in the same shape.
    const body =
      id === '1674850' || id === '2058075' ? realPage('hitomi', `galleries-${id}.js`) : scriptOf(gallery);
    return r.fulfill({
      status: 200,
      contentType: 'application/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body,
    });
  }
  return r.fulfill({ status: 404, body: '' });
}

async function marks(page: Page): Promise<Map<string, string | null>> {
  const rows = await page.$$eval('.gallery-content > div', (divs) =>
    divs.map(
      (d) => [d.querySelector('h1 a')?.getAttribute('href') ?? '', d.getAttribute('data-tagveil')] as const,
    ),
  );
  return new Map(rows.map(([href, mark]) => [/(\d+)\.html$/u.exec(href)?.[1] ?? href, actionOfMark(mark)]));
}

function expectMarks(found: Map<string, string | null>, ids: string[]): void {
  const expected = new Map(ids.map((id) => [id, blocked(GALLERIES.get(id) as Gallery) ? 'hide' : null]));
  expect(found).toEqual(expected);
  expect([...expected.values()].filter(Boolean).length).toBeGreaterThan(0);
  expect([...expected.values()].filter((m) => !m).length).toBeGreaterThan(0);
}

const allSeen = (page: Page, n: number) =>
  page.waitForFunction(
    (count) =>
      document.querySelectorAll('.gallery-content > div').length === count &&
      document.querySelectorAll('.gallery-content > div:not([data-tagveil-seen])').length === 0,
    n,
  );

describe.skipIf(!HAVE_REAL_PAGES)('Tagveil on hitomi.la, from the page’s own galleries/<id>.js', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchHiding(route, BLOCKED);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides exactly the galleries whose script carries a blocked tag, none painted first; a batch; a navigation', async () => {
    // The oracle has blocked galleries whose blocked tag is past the two the card shows.
    const hidden = (ids: string[]) => ids.filter((id) => blocked(GALLERIES.get(id) as Gallery));
    const beyondCard = [...FIRST, ...BATCH, ...NAVIGATED].filter((id) =>
      blockedBeyondCard(GALLERIES.get(id) as Gallery),
    );
    expect(beyondCard.length).toBeGreaterThan(2);

    const page = await browser.context.newPage();
    await page.goto(LISTING);
    await page.waitForSelector('body[data-loaded]');
    await allSeen(page, FIRST.length);
    expectMarks(await marks(page), FIRST);

    await page.evaluate(() => (window as unknown as { more(): Promise<void> }).more());
    await allSeen(page, FIRST.length + BATCH.length);
    expectMarks(await marks(page), [...FIRST, ...BATCH]);

    await page.evaluate(() => (window as unknown as { navigate(): Promise<void> }).navigate());
    await allSeen(page, NAVIGATED.length);
    await page.waitForTimeout(100);
    expectMarks(await marks(page), NAVIGATED);
    expect(hidden(NAVIGATED).length).toBeGreaterThan(0);

    expect(await page.evaluate(() => (window as unknown as { frames(): number }).frames())).toBeGreaterThan(
      10,
    );
    expect(await page.evaluate(() => (window as unknown as { leaks(): string[] }).leaks())).toEqual([]);
    await page.close();
  });

  it('covers a reader page whose gallery script carries a blocked tag (none in its markup)', async () => {
    const page = await browser.context.newPage();
    await page.goto(READER);
    await page.waitForSelector('tagveil-interstitial', { state: 'attached' });
    await page.close();
  });
});

describe.skipIf(!HAVE_REAL_PAGES)(
  'Tagveil on hitomi.la, completing cut-short cards from the site (opt-in)',
  () => {
    let browser: ExtensionBrowser;
    const started: { id: string; at: number }[] = [];

    beforeAll(async () => {
      browser = await launchHiding(route, BLOCKED);
      // When each script request started, by the browser's clock (the route handler's own clock runs
      // late by whatever else the test process is doing).
      browser.context.on('requestfinished', (request) => {
        const id = GALLERY_JS.exec(request.url())?.[1];
        if (id) started.push({ id, at: request.timing().startTime });
      });
      await storeSettings(browser.worker, {
        enabled: true,
        completeTags: true,
        sites: {},
        lists: [{ id: 'l', name: 'Blocked', enabled: true, action: 'hide', patterns: BLOCKED }],
      });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('where the page loaded no gallery script: each card held back while its script is looked up, then exactly the blocked hidden, none painted first', async () => {
      expect(BARE_IDS.filter((id) => blockedBeyondCard(GALLERIES.get(id) as Gallery))).toHaveLength(3);
      scriptRequests.length = 0;
      started.length = 0;
      const page = await browser.context.newPage();
      await page.goto(BARE);
      await page.waitForSelector('body[data-loaded]');
      await page.waitForFunction(
        (count) => document.querySelectorAll('.gallery-content > div[data-tagveil-seen]').length === count,
        BARE_IDS.length,
        { timeout: 10_000 },
      );
      expectMarks(await marks(page), BARE_IDS);
      expect(await page.evaluate(() => (window as unknown as { leaks(): string[] }).leaks())).toEqual([]);
      // One request a gallery, at its real address, one after another and spaced (without the spacing
      // the gap is a round trip, a few milliseconds here).
      expect(scriptRequests.map((r) => r.id).sort()).toEqual([...BARE_IDS].sort());
      await expect.poll(() => started.length).toBe(BARE_IDS.length);
      const at = started.map((r) => r.at).sort((a, b) => a - b);
      for (let i = 1; i < at.length; i++)
        expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(HITOMI_MIN_INTERVAL_MS - 20);
      await page.close();
    });

    it('asks nothing for a listing whose page loaded its galleries’ scripts', async () => {
      scriptRequests.length = 0;
      const page = await browser.context.newPage();
      await page.goto(LISTING);
      await page.waitForSelector('body[data-loaded]');
      await allSeen(page, FIRST.length);
      await page.waitForTimeout(1_000);
      expectMarks(await marks(page), FIRST);
      // Each script once: the page's own request, none of Tagveil's.
      expect(scriptRequests.map((r) => r.id).sort()).toEqual([...FIRST].sort());
      await page.close();
    });
  },
);
