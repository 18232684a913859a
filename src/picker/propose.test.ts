// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, parseHtml, realPage } from '../../tests/real-pages';
import { matchAll, propose, repeatingAncestor, stableClasses } from './propose';

/**
 * A real page and its own structure as the oracle: which elements are its entries and which its tags,
 * written the way the built-in adapters (src/sites) find them.
 */
interface Oracle {
  site: string;
  file: string;
  entries: string;
  /** Tags, relative to an entry. */
  tags: string;
  /** Which tag of an entry the user clicks (relative to the entry); the first one found. */
  pick: string;
}

const ORACLES: Oracle[] = [
  ...[
    'tag_works_Choose_Not_To_Use_Archive_Warnings.html',
    'tag_works_Dysphoria.html',
    'tag_works_Worldbuilding.html',
  ].flatMap((file): Oracle[] => [
    // A freeform, a fandom, a relationship: any tag link of a blurb is `a.tag`.
    { site: 'ao3', file, entries: 'li.blurb', tags: 'a.tag', pick: 'li.freeforms a.tag' },
    { site: 'ao3', file, entries: 'li.blurb', tags: 'a.tag', pick: 'h5.fandoms a.tag' },
    { site: 'ao3', file, entries: 'li.blurb', tags: 'a.tag', pick: 'li.relationships a.tag' },
  ]),
  ...['seven332_list_ECompat.html', 'sxj_ehentai_compact_2021.html', 'seven332_list_EExtended.html'].map(
    (file): Oracle => ({
      site: 'ehentai',
      file,
      entries: 'table.itg > tbody > tr:has(.glname)',
      tags: '.gt[title], .gtl[title], .gtw[title]',
      pick: '.gt',
    }),
  ),
  {
    site: 'dlsite',
    file: 'fsr-search-keyword_creater-2025-07.html',
    entries: 'li.search_result_img_box_inner',
    tags: '.work_category a',
    pick: '.work_category a',
  },
  {
    site: 'dlsite',
    file: 'fsr-search-keyword_creater-2025-07.html',
    entries: 'li.search_result_img_box_inner',
    tags: 'dd.maker_name > a',
    pick: 'dd.maker_name > a',
  },
];

const pageCache = new Map<string, Document>();
function page(o: Oracle): Document {
  const key = `${o.site}/${o.file}`;
  let doc = pageCache.get(key);
  if (!doc) {
    doc = parseHtml(realPage(o.site, o.file));
    pageCache.set(key, doc);
  }
  return doc;
}

describe.skipIf(!HAVE_REAL_PAGES)('selectors proposed from one entry and one tag, on real pages', () => {
  for (const o of ORACLES) {
    it(`${o.site} ${o.file}, picking ${o.pick}: every entry and every tag, nothing else, whichever entry is picked`, () => {
      const doc = page(o);
      const entries = [...doc.querySelectorAll(o.entries)];
      const tags = entries.flatMap((e) => [...e.querySelectorAll(o.tags)]);
      expect(entries.length).toBeGreaterThan(10);
      expect(tags.length).toBeGreaterThan(entries.length - 1);
      let picks = 0;
      for (const entry of entries) {
        const tag = entry.querySelector(o.pick);
        if (!tag) continue;
        picks++;
        const proposal = propose(entry, tag);
        const found = matchAll(doc, proposal);
        expect(found, JSON.stringify(proposal)).not.toBeNull();
        expect(found?.entries, proposal.entrySelector).toEqual(entries);
        expect(found?.tags, proposal.tagSelector).toEqual(tags);
      }
      expect(picks).toBeGreaterThan(0);
    });
  }

  it('the first guess of a click inside an entry is the entry (AO3 title link, E-Hentai title, DLsite thumbnail)', () => {
    const cases: [Oracle, string][] = [
      [ORACLES[0] as Oracle, 'h4.heading a'],
      [ORACLES[9] as Oracle, '.glink'],
      [ORACLES[12] as Oracle, 'img'],
    ];
    for (const [o, inner] of cases) {
      const doc = page(o);
      for (const entry of doc.querySelectorAll(o.entries)) {
        const clicked = entry.querySelector(inner);
        if (clicked) expect(repeatingAncestor(clicked)).toBe(entry);
      }
    }
  });
});

describe('proposals on small pages', () => {
  const doc = () => document;

  it('leaves out a header row that has no tags, by a kind of cell only entries have', () => {
    document.body.innerHTML = `<table class="list"><tr><th>Title</th><th>Tags</th></tr>
      ${[1, 2, 3, 4]
        .map(
          (i) =>
            `<tr><td class="title">Work ${i}</td><td class="tags"><span class="t">a${i}</span><span class="t">b${i}</span></td></tr>`,
        )
        .join('')}</table>`;
    const rows = [...document.querySelectorAll('tr')].slice(1);
    const tag = rows[2]?.querySelector('.t') as Element;
    const proposal = propose(rows[2] as Element, tag);
    const found = matchAll(doc(), proposal);
    expect(found?.entries).toEqual(rows);
    expect(found?.tags.length).toBe(8);
  });

  it('a tag without a class is found by its nearest ancestor with one, inside the entry', () => {
    document.body.innerHTML = `<main>${[1, 2, 3]
      .map(
        (i) =>
          `<article class="card"><h2><a href="/w/${i}">Work ${i}</a></h2><div class="genres"><a href="/g/1">x${i}</a><a href="/g/2">y${i}</a></div></article>`,
      )
      .join('')}</main>`;
    const cards = [...document.querySelectorAll('article')];
    const proposal = propose(cards[1] as Element, cards[1]?.querySelector('.genres a') as Element);
    expect(proposal).toEqual({ entrySelector: 'article', tagSelector: 'div.genres > a' });
    const found = matchAll(doc(), proposal);
    expect(found?.tags.map((t) => t.textContent)).toEqual(['x1', 'y1', 'x2', 'y2', 'x3', 'y3']);
  });

  it('classes naming one item or a state are not part of a selector', () => {
    document.body.innerHTML =
      '<li class="work blurb work-77861651 user-21067654 active is-selected md:flex"></li>';
    expect(stableClasses(document.querySelector('li') as Element)).toEqual(['work', 'blurb']);
  });

  it('a selector that does not read matches nothing instead of throwing', () => {
    document.body.innerHTML = '<p>x</p>';
    expect(matchAll(doc(), { entrySelector: 'p[', tagSelector: 'a' })).toBeNull();
  });
});
