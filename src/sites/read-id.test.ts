// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, realPage, realPages } from '../../tests/real-pages';
import { customAdapter } from './custom';
import { hitomi } from './hitomi';
import { mangadex } from './mangadex';
import { SITES } from './registry';
import type { SiteAdapter } from './types';

/**
 * `readId` (an entry's id alone, for "Hide this one" and a page's first `entry:` rule) must be the id
 * `read` gives: a rule written from one must match the other.
 */
function expectSameIds(site: SiteAdapter, entries: Iterable<Element>): number {
  const readId = site.readId as (entry: Element) => string;
  let checked = 0;
  for (const entry of entries) {
    expect(readId(entry), entry.outerHTML.slice(0, 120)).toBe(site.read(entry).id);
    // The same entry changed as a site's markup changes: without its own id, without its links.
    const bare = entry.cloneNode(true) as Element;
    bare.removeAttribute('id');
    bare.removeAttribute('data-list_item_product_id');
    expect(readId(bare)).toBe(site.read(bare).id);
    for (const a of bare.querySelectorAll('a')) a.remove();
    expect(readId(bare)).toBe(site.read(bare).id);
    checked++;
  }
  return checked;
}

describe.skipIf(!HAVE_REAL_PAGES)('an entry’s id alone, on the real pages', () => {
  it.each(SITES.filter((s) => s.readId).map((s) => [s.id, s] as const))(
    '%s: readId gives what read gives, on every entry of every saved page',
    (id, site) => {
      let checked = 0;
      for (const file of realPages(id)) {
        checked += expectSameIds(site, parseHtml(realPage(id, file)).querySelectorAll(site.entrySelector));
      }
      // hitomi.la's and MangaDex's listings are built by their scripts: no saved page has cards.
      if (id !== 'hitomi' && id !== 'mangadex') expect(checked).toBeGreaterThan(0);
    },
  );
});

describe('an entry’s id alone, on cards as the sites build them', () => {
  it('hitomi.la, MangaDex and an added site: readId gives what read gives', () => {
    const doc = parseHtml(`<body>
      <div class="gallery-content">
        <div class="dj"><h1 class="lillie"><a href="/doujinshi/a-title-korean-2058075.html">A title</a></h1></div>
        <div class="manga"><a href="/reader/1674850.html"><img></a></div>
      </div>
      <div class="manga-card"><a class="title" href="/title/a96676e5-8ae2-425e-b549-7f15dd34a6d8/slug">T</a></div>
      <article id="post-7"><a href="/p/7#comments">x</a></article>
      <article><a href=" /p/8#top ">y</a></article>
      <article><span>no link</span></article>
    </body>`);
    expect(expectSameIds(hitomi, doc.querySelectorAll('.gallery-content > div'))).toBe(2);
    expect(expectSameIds(mangadex, doc.querySelectorAll('.manga-card'))).toBe(1);
    const added = customAdapter({
      id: 'custom-example-com',
      name: 'example.com',
      origin: 'https://example.com',
      entrySelector: 'article',
      tagSelector: '.tag',
    });
    expect(expectSameIds(added, doc.querySelectorAll('article'))).toBe(3);
    expect([...doc.querySelectorAll('article')].map((a) => added.readId?.(a))).toEqual([
      'post-7',
      '/p/8',
      '',
    ]);
  });
});
