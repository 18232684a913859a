import type { Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../real-pages';
import { type ExtensionBrowser, isExtensionFile, launchWithExtension, storeSettings } from './harness';
import { MARK_VALUE } from './marks';

/**
 * pixiv, hitomi.la and MangaDex, where a script runs in the page's own world (the page-data reader): the
 * extension requests nothing (the opt-in look-up is off), and nothing of the user's lists reaches the
 * page's world: no event the page can hear, no attribute, no text carries a list's name or rule.
 */
const LIST_NAME = 'PrivateListName7311';
const SECRET_RULE = 'zzsecretrule';
const PATTERNS = [SECRET_RULE, 'おっぱい', 'Saber Bride', 'incest', 'Gore', 'rating:erotica'];

const HITOMI_IDS = ['1674850', '2058075'];
const MANGA = '65512e8c-71c6-4143-ab88-1f62942e7dd2'; // tagged Gore in the real list

/** A shell whose script fetches `answers` and draws one card per work with `draw`. */
const shell = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="grid"></div><script>
const grid = document.getElementById('grid');
const add = (html) => { const t = document.createElement('template'); t.innerHTML = html; grid.append(t.content.firstElementChild); };
${script}
</script></body></html>`;

/**
 * Every page: its address, its markup, the addresses its own scripts fetch, and what the opt-in look-up
 * would ask for there (only where the page itself loads none of its works' data).
 */
const PAGES: {
  url: string;
  html: () => string;
  fetches: string[];
  cards?: string;
  /** Whether some card is hidden by what the page itself gives (else the cards are only released). */
  hidesBare?: false;
  lookups?: string[];
}[] = [
  {
    url: 'https://www.pixiv.net/en/tags/GuP/artworks',
    html: () =>
      shell(`fetch('/ajax/search/artworks/GuP?word=GuP&p=1').then((r) => r.json()).then((a) => {
  for (const w of a.body.illustManga.data) add('<li><a href="/en/artworks/' + w.id + '">' + w.id + '</a></li>');
});`),
    fetches: ['https://www.pixiv.net/ajax/search/artworks/GuP?word=GuP&p=1'],
    cards: '#grid > li',
  },
  {
    url: 'https://www.pixiv.net/en/artworks/67729319',
    html: () => realPage('pixiv', 'artwork-67729319-preload.html'),
    fetches: [],
  },
  {
    url: 'https://hitomi.la/index-all.html',
    html: () =>
      shell(`grid.className = 'gallery-content';
for (const id of ${JSON.stringify(HITOMI_IDS)})
  fetch('https://ltn.hitomi.la/galleries/' + id + '.js').then((r) => r.text()).then(() =>
    add('<div class="dj"><h1><a href="/doujinshi/x-' + id + '.html">' + id + '</a></h1></div>'));`),
    fetches: HITOMI_IDS.map((id) => `https://ltn.hitomi.la/galleries/${id}.js`),
    cards: '.gallery-content > div',
  },
  {
    url: 'https://hitomi.la/reader/1674850.html',
    html: () =>
      '<!doctype html><html><head><script src="https://ltn.hitomi.la/galleries/1674850.js"></script></head><body><img alt=""></body></html>',
    fetches: ['https://ltn.hitomi.la/galleries/1674850.js'],
  },
  {
    // A listing whose blocks show their first tags and load no gallery script (the site's own way).
    url: 'https://hitomi.la/index-japanese.html',
    html: () =>
      shell(`grid.className = 'gallery-content';
add('<div class="dj"><h1><a href="/doujinshi/x-1674850.html">1</a></h1><ul><li><a href="/tag/incest-all.html">incest</a></li></ul></div>');
add('<div class="acg"><h1><a href="/artistcg/x-2058075.html">2</a></h1><ul><li><a href="/tag/female%3Aschool-all.html">school</a></li></ul></div>');`),
    fetches: [],
    cards: '.gallery-content > div',
    lookups: HITOMI_IDS.map((id) => `https://ltn.hitomi.la/galleries/${id}.js`),
  },
  {
    // A chapter feed that loads no titles' answer: its groups carry only the title's id.
    url: 'https://mangadex.org/titles/follows',
    html: () => shell(`add('<div class="chapter-feed__container"><a href="/title/${MANGA}">t</a></div>');`),
    fetches: [],
    cards: '.chapter-feed__container',
    hidesBare: false,
    lookups: [
      `https://api.mangadex.org/manga?ids[]=${MANGA}&contentRating[]=safe&contentRating[]=suggestive&contentRating[]=erotica&contentRating[]=pornographic&limit=1`,
    ],
  },
  {
    url: 'https://mangadex.org/titles',
    html: () =>
      shell(`fetch('https://api.mangadex.org/manga?limit=100').then((r) => r.json()).then((a) => {
  for (const m of a.data) add('<div class="manga-card"><a href="/title/' + m.id + '/x">' + m.id + '</a></div>');
});`),
    fetches: ['https://api.mangadex.org/manga?limit=100'],
    cards: '.manga-card',
  },
  {
    url: `https://mangadex.org/title/${MANGA}/x`,
    html: () =>
      shell(`fetch('https://api.mangadex.org/manga/${MANGA}').then((r) => r.json()).then((a) => {
  add('<h1>' + a.data.attributes.title.en + '</h1>');
});`),
    fetches: [`https://api.mangadex.org/manga/${MANGA}`],
  },
];

function answer(url: URL): string | null {
  if (url.href === 'https://www.pixiv.net/ajax/search/artworks/GuP?word=GuP&p=1')
    return realPage('pixiv', 'search-artworks-gup.json');
  const gallery = /^\/galleries\/(\d+)\.js$/u.exec(url.pathname)?.[1];
  if (url.host === 'ltn.hitomi.la' && gallery) return realPage('hitomi', `galleries-${gallery}.js`);
  if (url.host !== 'api.mangadex.org') return null;
  const list = realPage('mangadex', 'manga-list-100-2024-08.json');
  if (url.pathname === '/manga') return list;
  const one = (JSON.parse(list) as { data: { id: string }[] }).data.find((m) => url.pathname.endsWith(m.id));
  return one ? JSON.stringify({ result: 'ok', response: 'entity', data: one }) : null;
}

async function route(r: Route): Promise<void> {
  const url = new URL(r.request().url());
  const page = PAGES.find((p) => p.url === url.href);
  if (page) return r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html() });
  const body = answer(url);
  if (body === null) return r.fulfill({ status: 404, body: '' });
  return r.fulfill({
    status: 200,
    contentType: url.pathname.endsWith('.js') ? 'application/javascript' : 'application/json',
    headers: { 'access-control-allow-origin': '*' },
    body,
  });
}

/** What the page's own world can hear: the reader's events, window messages, every attribute set. */
function listenLikeThePage(): void {
  const heard: string[] = [];
  Object.defineProperty(window, '__heard', { value: heard });
  for (const name of ['tagveil-page-data', 'tagveil-page-data-hello', 'tagveil-page-data-reader'])
    document.addEventListener(name, (e) =>
      heard.push(`${name}\t${JSON.stringify((e as CustomEvent).detail)}`),
    );
  window.addEventListener('message', (e) => heard.push(`message\t${JSON.stringify(e.data)}`), true);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element)
        heard.push(`attr\t${r.attributeName}=${r.target.getAttribute(r.attributeName ?? '')}`);
      for (const node of r.addedNodes)
        heard.push(`node\t${node instanceof Element ? node.outerHTML : node.textContent}`);
    }
  }).observe(document, { attributes: true, childList: true, subtree: true, characterData: true });
}

describe.skipIf(!HAVE_REAL_PAGES)('privacy on the sites read from their own data', () => {
  let browser: ExtensionBrowser;
  const requests: { url: string; from: string }[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.context.on('request', (request: Request) => {
      const worker = request.serviceWorker();
      requests.push({ url: request.url(), from: worker ? `worker ${worker.url()}` : request.frame().url() });
    });
    await browser.context.route(/^https?:\/\//u, route);
    await storeSettings(browser.worker, {
      enabled: true,
      sites: {},
      lists: [{ id: 'p', name: LIST_NAME, enabled: true, action: 'hide', patterns: PATTERNS }],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens every page with the look-up on or off; `expected` gives the requests Tagveil may make there. */
  async function visitAll(completeTags: boolean, expected: (spec: (typeof PAGES)[number]) => string[]) {
    await storeSettings(browser.worker, {
      enabled: true,
      completeTags,
      sites: {},
      lists: [{ id: 'p', name: LIST_NAME, enabled: true, action: 'hide', patterns: PATTERNS }],
    });
    for (const spec of PAGES) {
      const page = await browser.context.newPage();
      await page.addInitScript(listenLikeThePage);
      requests.length = 0;
      await page.goto(spec.url);
      if (spec.cards) {
        if (spec.hidesBare !== false || completeTags)
          await page.waitForSelector(`${spec.cards}[data-tagveil="${MARK_VALUE.hide}"]`, {
            state: 'attached',
            timeout: 10_000,
          });
        await page.waitForFunction(
          (cards) => document.querySelectorAll(`${cards}:not([data-tagveil-seen])`).length === 0,
          spec.cards,
          { timeout: 10_000 },
        );
      } else await page.waitForSelector('tagveil-interstitial', { state: 'attached' });
      // Past the look-ups' grace and spacing: a request they would make has left by now.
      await page.waitForTimeout(1_500);

      // Requests: the page itself, the answers its own script fetched (each once), the subresources its
      // saved markup names; nothing else, from the page or the extension's worker.
      const html = spec.html();
      const foreign = requests.filter(({ url }) => {
        if (
          isExtensionFile(url, browser.extensionId) ||
          url.startsWith('data:') ||
          url === spec.url ||
          spec.fetches.includes(url)
        )
          return false;
        if (expected(spec).includes(url)) return false;
        const parsed = new URL(url);
        // Named in the markup: by address, or by path on the page's own origin (the saved page's relative links).
        const local = parsed.origin === new URL(spec.url).origin && html.includes(parsed.pathname);
        return !local && !html.includes(parsed.host + parsed.pathname);
      });
      expect(foreign, spec.url).toEqual([]);
      for (const url of [...spec.fetches, ...expected(spec)])
        expect(
          requests.filter((r) => r.url === url),
          url,
        ).toHaveLength(1);

      const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
      const said = heard.join('\n') + (await page.evaluate(() => document.documentElement.outerHTML));
      expect(
        heard.some((h) => h.startsWith('tagveil-page-data\t')),
        spec.url,
      ).toBe(spec.fetches.length > 0);
      for (const secret of [LIST_NAME, SECRET_RULE, browser.extensionId])
        expect(said, spec.url).not.toContain(secret);
      // The handshake carries nothing at all; the reader's messages are only what the page loaded.
      for (const h of heard.filter((h) => /^tagveil-page-data-(hello|reader)\t/u.test(h)))
        expect(h.split('\t')[1]).toBe('null');
      await page.close();
    }
  }

  it('makes no request, and the page’s world hears nothing of the lists', async () => {
    // With completion off, also where the page loads none of its works' data: no look-up at all.
    await visitAll(false, () => []);
  });

  it('with completion on, asks only the look-ups, each once, at the sites’ own addresses, and only where the page loaded nothing', async () => {
    await visitAll(true, (spec) => spec.lookups ?? []);
  });
});
