// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, realPage } from '../../tests/real-pages';
import { factsSources } from '../page/facts';
import { PAGE_DATA_WAIT_MS, PageDataSource } from '../page/facts-page';
import { Scanner } from '../page/scanner';
import { MARK_ATTR, MARK_VALUE, SEEN_ATTR } from '../page/styles';
import { compile } from '../rules/compile';
import { PAGE_DATA_EVENT } from './page-data';
import { pixiv, pixivWorkId } from './pixiv';
import { pixivWorks } from './pixiv-data';
import { siteForUrl } from './registry';

interface ListWork {
  id: string;
  tags: string[];
  xRestrict: number;
}

/** Cards the way pixiv draws a result grid: an item per work, linking /en/artworks/<id>, no tags. */
function grid(ids: string[]): HTMLUListElement {
  const ul = document.createElement('ul');
  for (const id of ids) {
    const li = document.createElement('li');
    li.innerHTML = `<div><div type="illust"><a href="/en/artworks/${id}" data-gtm-value="${id}"><img alt=""></a></div><a href="/en/artworks/${id}">title</a></div>`;
    ul.append(li);
  }
  return ul;
}

const judge = (...patterns: string[]) =>
  compile([{ id: 'l', name: 'Test', enabled: true, action: 'hide', patterns }]).judge;

function seam(scanner: Scanner): PageDataSource {
  const source = new PageDataSource(document, {
    site: 'pixiv',
    now: Date.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    onSettled: (ids) => scanner.settle(ids),
    onLate: () => scanner.rescan(),
    hold: true,
  });
  source.listen();
  scanner.setFacts(factsSources([source]));
  return source;
}

const hand = (site: string, works: unknown) =>
  document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify({ site, works }) }));

describe.skipIf(!HAVE_REAL_PAGES)('pixiv adapter with the page’s own data', () => {
  let scanner: Scanner | null = null;
  afterEach(() => {
    scanner?.stop();
    document.body.replaceChildren();
    vi.useRealTimers();
  });

  it('holds the cards back until the answer is in, then hides exactly the works carrying the tag', async () => {
    const answer = JSON.parse(realPage('pixiv', 'search-artworks-gup.json')) as {
      body: { illustManga: { data: ListWork[] } };
    };
    const data = answer.body.illustManga.data;
    const ul = grid(data.map((w) => w.id));
    document.body.append(ul);
    scanner = new Scanner(document, pixiv, judge('おっぱい'));
    const source = seam(scanner);
    scanner.start();
    const cards = [...ul.children];
    expect(cards.every((c) => !c.hasAttribute(SEEN_ATTR))).toBe(true); // held back, unpainted
    hand('pixiv', pixivWorks(answer));
    expect(source.refused).toBe(0);
    expect(cards.map((c) => c.getAttribute(MARK_ATTR) === MARK_VALUE.hide)).toEqual(
      data.map((w) => w.tags.includes('おっぱい')),
    );
    expect(cards.filter((c) => c.getAttribute(MARK_ATTR) === MARK_VALUE.hide).length).toBeGreaterThan(0);
    expect(cards.every((c) => c.hasAttribute(SEEN_ATTR))).toBe(true);
    // The English translation the answer gives is matched too: "breasts".
    scanner.setJudge(judge('breasts'));
    expect(cards.map((c) => c.getAttribute(MARK_ATTR) === MARK_VALUE.hide)).toEqual(
      data.map((w) => w.tags.includes('おっぱい')),
    );
  });

  it('reads R-18G as rating:r-18g, and a recycled card is judged again by its new link', () => {
    const answer = JSON.parse(realPage('pixiv', 'follow-latest-illust.json')) as {
      body: { thumbnails: { illust: ListWork[] } };
    };
    const data = answer.body.thumbnails.illust;
    const guro = data.filter((w) => w.xRestrict === 2).map((w) => w.id);
    const safe = data.find((w) => w.xRestrict === 0)?.id ?? '';
    const ul = grid([safe, ...guro]);
    document.body.append(ul);
    scanner = new Scanner(document, pixiv, judge('rating:r-18g'));
    seam(scanner);
    hand('pixiv', pixivWorks(answer));
    scanner.start();
    const [first, second] = [...ul.children];
    expect(first?.hasAttribute(MARK_ATTR)).toBe(false);
    expect(second?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    for (const a of first?.querySelectorAll('a') ?? []) a.setAttribute('href', `/en/artworks/${guro[0]}`);
    scanner.rescan();
    expect(first?.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
  });

  it('a card whose work is not in the page’s data is shown as it is when its wait ends', () => {
    vi.useFakeTimers();
    const ul = grid(['999']);
    document.body.append(ul);
    scanner = new Scanner(document, pixiv, judge('anything'));
    seam(scanner);
    scanner.start();
    const card = ul.firstElementChild;
    expect(card?.hasAttribute(SEEN_ATTR)).toBe(false);
    vi.advanceTimersByTime(PAGE_DATA_WAIT_MS);
    expect(card?.hasAttribute(SEEN_ATTR)).toBe(true);
  });

  it('refuses messages for another site and malformed ones', () => {
    scanner = new Scanner(document, pixiv, judge('x'));
    const source = seam(scanner);
    hand('mangadex', [{ id: '1', tags: [], title: '', creators: [] }]);
    hand('pixiv', [{ id: '1', tags: 'x', title: '', creators: [] }]);
    document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: { site: 'pixiv', works: [] } }));
    expect(source.refused).toBe(3);
    expect(source.work('1')).toBeUndefined();
  });

  it('the artwork page as served is read from its preload data', () => {
    const doc = parseHtml(realPage('pixiv', 'artwork-67729319-preload.html'));
    Object.defineProperty(doc, 'location', { value: new URL('https://www.pixiv.net/en/artworks/67729319') });
    const facts = pixiv.detail?.read(doc);
    expect(facts?.id).toBe('67729319');
    expect(facts?.tags.map((t) => t.name)).toContain('ネロ・クラウディウス');
    expect(facts?.tags).toContainEqual({ namespace: 'rating', name: 'all-ages' });
    expect(pixiv.detail?.isDetailPage(new URL('https://www.pixiv.net/en/artworks/67729319'))).toBe(true);
    expect(pixiv.detail?.isDetailPage(new URL('https://www.pixiv.net/novel/show.php?id=5'))).toBe(true);
    expect(pixiv.detail?.isDetailPage(new URL('https://www.pixiv.net/tags/R-18G'))).toBe(false);
  });

  it('runs on www.pixiv.net, and reads links and tag links', () => {
    expect(siteForUrl('https://www.pixiv.net/en/tags/NTR/artworks')?.id).toBe('pixiv');
    expect(pixivWorkId('/novel/show.php?id=42')).toBe('novel/42');
    expect(pixivWorkId('/en/artworks/42')).toBe('42');
    expect(
      pixiv.tagLink?.read(new URL('https://www.pixiv.net/tags/%E5%AF%9D%E5%8F%96%E3%82%89%E3%82%8C')),
    ).toBe('寝取られ');
    // A list of cards inside a list item is not itself a card.
    const outer = document.createElement('li');
    outer.append(grid(['1']));
    document.body.append(outer);
    expect([...document.querySelectorAll(pixiv.entrySelector)]).toEqual([outer.querySelector('li')]);
  });
});
