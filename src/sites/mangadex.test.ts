// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../../tests/real-pages';
import { factsSources } from '../page/facts';
import { PageDataSource } from '../page/facts-page';
import { Scanner } from '../page/scanner';
import { MARK_ATTR, MARK_VALUE, SEEN_ATTR } from '../page/styles';
import { compile } from '../rules/compile';
import { mangadex } from './mangadex';
import { mangadexWorks } from './mangadex-data';
import { PAGE_DATA_EVENT } from './page-data';
import { siteForUrl } from './registry';

interface ApiManga {
  id: string;
  attributes: { contentRating: string; tags: { id: string; attributes: { name: { en: string } } }[] };
}

/** Title cards as MangaDex draws them: a title link and the first few tag links (no saved listing markup). */
function card(manga: ApiManga): HTMLDivElement {
  const div = document.createElement('div');
  div.className = 'manga-card';
  const tags = manga.attributes.tags
    .slice(0, 2)
    .map((t) => `<a class="tag" href="/tag/${t.id}/slug">${t.attributes.name.en}</a>`)
    .join('');
  div.innerHTML = `<a class="title" href="/title/${manga.id}/slug">T</a><div class="tags">${tags}</div>`;
  return div;
}

const judge = (...patterns: string[]) =>
  compile([{ id: 'l', name: 'Test', enabled: true, action: 'hide', patterns }]).judge;

describe.skipIf(!HAVE_REAL_PAGES)('MangaDex adapter with the page’s own data', () => {
  let scanner: Scanner | null = null;
  afterEach(() => {
    scanner?.stop();
    document.body.replaceChildren();
  });

  it('hides exactly the titles whose answer carries the tag or the rating', () => {
    const answer = JSON.parse(realPage('mangadex', 'manga-list-100-2024-08.json')) as { data: ApiManga[] };
    const cards = answer.data.map(card);
    document.body.append(...cards);
    scanner = new Scanner(document, mangadex, judge('romance', 'rating:erotica'));
    const source = new PageDataSource(document, {
      site: 'mangadex',
      now: Date.now,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      onSettled: (ids) => scanner?.settle(ids),
      onLate: () => scanner?.rescan(),
      hold: true,
    });
    source.listen();
    scanner.setFacts(factsSources([source]));
    scanner.start();
    expect(cards.some((c) => c.hasAttribute(SEEN_ATTR))).toBe(false);
    document.dispatchEvent(
      new CustomEvent(PAGE_DATA_EVENT, {
        detail: JSON.stringify({ site: 'mangadex', works: mangadexWorks(answer) }),
      }),
    );
    const expected = answer.data.map(
      (m) =>
        m.attributes.contentRating === 'erotica' ||
        m.attributes.tags.some((t) => t.attributes.name.en === 'Romance'),
    );
    expect(cards.map((c) => c.getAttribute(MARK_ATTR) === MARK_VALUE.hide)).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(0);
    expect(expected.filter((e) => !e).length).toBeGreaterThan(0);
  });

  it('names tag links by the site’s own tag list', () => {
    const div = card({
      id: '00000000-0000-4000-8000-000000000001',
      attributes: {
        contentRating: 'safe',
        tags: [{ id: 'b29d6a3d-1569-4e7a-8caf-7557bc92cd5d', attributes: { name: { en: '' } } }],
      },
    });
    expect(mangadex.read(div).tags).toEqual([{ name: 'Gore' }]);
    expect(siteForUrl('https://mangadex.org/titles')?.id).toBe('mangadex');
    expect(
      mangadex.detail?.isDetailPage(
        new URL('https://mangadex.org/title/b1629d65-f177-418a-a04f-ae4ee6929f90/x'),
      ),
    ).toBe(true);
    expect(
      mangadex.tagLink?.read(
        new URL('https://mangadex.org/tag/97893a4c-12af-4dac-b6be-0dffb353568e/sexual-violence'),
      ),
    ).toBe('Sexual Violence');
  });
});
