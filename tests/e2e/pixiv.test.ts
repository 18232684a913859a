import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, launchHiding, storeSettings } from './harness';
import { actionOfMark, MARK_VALUE } from './marks';

const LISTING = 'https://www.pixiv.net/en/tags/GuP/artworks';
const SEARCH_API = 'https://www.pixiv.net/ajax/search/artworks/GuP?word=GuP&p=1';
const LATEST_API = 'https://www.pixiv.net/ajax/follow_latest/illust?p=1&mode=all';
const USER_API = 'https://www.pixiv.net/ajax/user/14095911/illustmanga/tag?tag=R-18&offset=0&limit=48';
const ARTWORK = 'https://www.pixiv.net/en/artworks/67729319';
const BLOCKED = ['おっぱい', 'rating:r-18g', 'アナル'];

interface ListWork {
  id: string;
  tags: string[];
  xRestrict: number;
  title: string;
}

/**
 * A page in the way pixiv draws its lists: an empty shell whose script fetches the site's own answer
 * and renders one `li` per work linking `/en/artworks/<id>`, with no tags in the markup. `more()` adds a
 * batch (infinite scroll); `navigate()` goes to another list without a reload, re-using the cards
 * (recycled: their links change). A frame recorder notes every card painted while unmarked.
 */
const SHELL = `<!doctype html><html><head><meta charset="utf-8"><title>pixiv</title></head><body>
<div id="root"><ul id="grid"></ul></div>
<script>
const painted = new Map();
let frame = 0;
const tick = () => {
  frame++;
  for (const li of document.querySelectorAll('#grid > li')) {
    const s = getComputedStyle(li);
    if (li.hasAttribute('data-tagveil') || s.visibility === 'hidden' || s.display === 'none') continue;
    const key = li.querySelector('a').getAttribute('href');
    if (!painted.has(li)) painted.set(li, new Set());
    painted.get(li).add(key);
  }
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
window.leaks = () => [...document.querySelectorAll('#grid > li[data-tagveil="${MARK_VALUE.hide}"]')]
  .filter((li) => painted.get(li)?.has(li.querySelector('a').getAttribute('href')))
  .map((li) => li.querySelector('a').getAttribute('href'));
window.frames = () => frame;
const card = (w) => {
  const li = document.createElement('li');
  li.innerHTML = '<div><div type="illust"><a><img alt=""></a></div><a class="title"></a></div>';
  fill(li, w);
  return li;
};
const fill = (li, w) => {
  for (const a of li.querySelectorAll('a')) a.setAttribute('href', '/en/artworks/' + w.id);
  li.querySelector('.title').textContent = w.title;
};
const grid = document.getElementById('grid');
fetch('/ajax/search/artworks/GuP?word=GuP&p=1').then((r) => r.json()).then((a) => {
  grid.append(...a.body.illustManga.data.map(card));
  document.body.dataset.loaded = '1';
});
window.more = () => fetch('/ajax/follow_latest/illust?p=1&mode=all').then((r) => r.json()).then((a) => {
  grid.append(...a.body.thumbnails.illust.map(card));
});
window.navigate = () => {
  history.pushState({}, '', '/en/users/14095911/artworks/R-18');
  return fetch('/ajax/user/14095911/illustmanga/tag?tag=R-18&offset=0&limit=48').then((r) => r.json()).then((a) => {
    const works = a.body.works;
    const cards = [...grid.children];
    works.forEach((w, i) => (cards[i] ? fill(cards[i], w) : grid.append(card(w))));
    for (const extra of cards.slice(works.length)) extra.remove();
  });
};
</script></body></html>`;

async function route(r: Route): Promise<void> {
  const url = r.request().url();
  const json: Record<string, string> = {
    [SEARCH_API]: 'search-artworks-gup.json',
    [LATEST_API]: 'follow-latest-illust.json',
    [USER_API]: 'user-14095911-illustmanga-tag-R18.json',
  };
  if (url === LISTING)
    return r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SHELL });
  if (url === ARTWORK)
    return r.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: realPage('pixiv', 'artwork-67729319-preload.html'),
    });
  const file = json[url];
  if (file) return r.fulfill({ status: 200, contentType: 'application/json', body: realPage('pixiv', file) });
  return r.fulfill({ status: 404, body: '' });
}

const blocked = (w: ListWork) =>
  w.tags.some((t) => BLOCKED.includes(t)) || (w.xRestrict === 2 && BLOCKED.includes('rating:r-18g'));

async function marks(page: Page): Promise<Map<string, string | null>> {
  const rows = await page.$$eval('#grid > li', (lis) =>
    lis.map(
      (li) => [li.querySelector('a')?.getAttribute('href') ?? '', li.getAttribute('data-tagveil')] as const,
    ),
  );
  return new Map(rows.map(([href, mark]) => [href.replace('/en/artworks/', ''), actionOfMark(mark)]));
}

function expectMarks(found: Map<string, string | null>, works: ListWork[]): void {
  const expected = new Map(works.map((w) => [w.id, blocked(w) ? 'hide' : null]));
  expect(found).toEqual(expected);
  expect([...expected.values()].filter(Boolean).length).toBeGreaterThan(0);
}

const load = (file: string) => JSON.parse(realPage('pixiv', file));

describe.skipIf(!HAVE_REAL_PAGES)('Tagveil on pixiv, from the page’s own answers', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchHiding(route, BLOCKED);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('hides exactly the works whose answer carries a blocked tag, none painted first; a batch; a navigation', async () => {
    const page = await browser.context.newPage();
    await page.goto(LISTING);
    await page.waitForSelector('body[data-loaded]');
    await page.waitForFunction(
      () => document.querySelectorAll('#grid > li:not([data-tagveil-seen])').length === 0,
    );
    const search: ListWork[] = load('search-artworks-gup.json').body.illustManga.data;
    expectMarks(await marks(page), search);

    await page.evaluate(() => (window as unknown as { more(): Promise<void> }).more());
    await page.waitForFunction(
      () => document.querySelectorAll('#grid > li:not([data-tagveil-seen])').length === 0,
    );
    const latest: ListWork[] = load('follow-latest-illust.json').body.thumbnails.illust;
    const all = new Map([...search, ...latest].map((w) => [w.id, w]));
    expectMarks(await marks(page), [...all.values()]);
    expect(
      [...(await marks(page)).entries()].filter(([id, m]) => m && all.get(id)?.xRestrict === 2),
    ).toHaveLength(2);

    await page.evaluate(() => (window as unknown as { navigate(): Promise<void> }).navigate());
    await page.waitForFunction(
      () => document.querySelectorAll('#grid > li:not([data-tagveil-seen])').length === 0,
    );
    const user: ListWork[] = load('user-14095911-illustmanga-tag-R18.json').body.works;
    await page.waitForFunction((n) => document.querySelectorAll('#grid > li').length === n, user.length);
    expectMarks(await marks(page), user);

    expect(await page.evaluate(() => (window as unknown as { frames(): number }).frames())).toBeGreaterThan(
      10,
    );
    expect(await page.evaluate(() => (window as unknown as { leaks(): string[] }).leaks())).toEqual([]);
    await page.close();
  });

  it('covers an artwork page carrying a blocked tag with the full-page warning', async () => {
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [{ id: 'l', name: 'Blocked', enabled: true, action: 'hide', patterns: ['Saber Bride'] }],
    });
    const page = await browser.context.newPage();
    await page.goto(ARTWORK);
    await page.waitForSelector('tagveil-interstitial', { state: 'attached' });
    await page.close();
  });
});
