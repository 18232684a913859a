import { fold } from '../rules/normalize';
import { ALL_FACTS, type EntryFacts, type FactNeeds, type Tag } from '../rules/types';
import { genreNames } from './dictionaries/dlsite-genres';
import { type SiteAdapter, text } from './types';

/** A genre link: `/maniax/fsr/=/genre/115/from/work.genre` or `/works/genre/=/genre/115`. */
const GENRE_HREF = /\/genre\/(\d+)(?:[/.?]|$)/u;
const PRODUCT_ID = /\b([RBV]J\d{6,})\b/u;
/** The site's own filter data in a search page's script names genres: {"val":"048","text":"寝取られ","category":"genre"}. */
const FILTER_GENRE = /\{"val":"(\d+)","text":"((?:[^"\\]|\\.)*)","category":"genre"/gu;

/**
 * A work in a list: the grid (`li.search_result_img_box_inner`: search results, circle pages, rankings in
 * grid form), list-view rows and ranking rows, which carry their product id on the row.
 */
const ENTRY = 'li.search_result_img_box_inner, tr[data-list_item_product_id], #ranking_table > tbody > tr';

/** Reads a genre id and the name the page shows for it (when it shows one). */
function genreIds(root: ParentNode): Map<string, string> {
  const genres = new Map<string, string>();
  for (const link of root.querySelectorAll('a[href*="/genre/"]')) {
    const href = link.getAttribute('href') ?? '';
    // Review genres ("逆転無し（3）") are what reviewers said, not the work's own genres.
    if (href.includes('review')) continue;
    const id = GENRE_HREF.exec(href)?.[1];
    if (id) genres.set(id, text(link));
  }
  return genres;
}

/** Every name the dictionary knows for each genre, plus the name the page shows; an unknown, unnamed id as `id:NNN`. */
function genreTags(genres: Map<string, string>): Tag[] {
  const tags: Tag[] = [];
  for (const [id, shown] of genres) {
    const names = new Set(genreNames(id));
    if (shown) names.add(shown);
    if (names.size === 0) tags.push({ namespace: 'id', name: id });
    for (const name of names) tags.push({ namespace: 'genre', name });
  }
  return tags;
}

/** A work's product id: the list item's, its attributes input's, else its link's (else the link). */
function productId(
  root: Element,
  attributes = root.querySelector<HTMLInputElement>('input.__product_attributes'),
): string {
  const link = root.querySelector('a[href*="/product_id/"]')?.getAttribute('href') ?? '';
  return (
    root.getAttribute('data-list_item_product_id') ??
    PRODUCT_ID.exec(attributes?.id ?? '')?.[1] ??
    PRODUCT_ID.exec(link)?.[1] ??
    link
  );
}

function readWork(root: Element, needs: FactNeeds): EntryFacts {
  const genres = genreIds(root);
  // The grid's genre cell is often empty; a disabled hidden input holds the work's attributes, genre ids
  // among them as bare numbers ("RG42566,adl,male,SOU,…,004,065,…").
  const attributes = root.querySelector<HTMLInputElement>('input.__product_attributes');
  for (const token of (attributes?.getAttribute('value') ?? '').split(',')) {
    if (/^\d+$/u.test(token) && !genres.has(token)) genres.set(token, '');
  }
  return {
    id: productId(root, attributes),
    tags: genreTags(genres),
    title: needs.title ? text(root.querySelector('.work_name a')) : '',
    creators: needs.creators ? [...root.querySelectorAll('.maker_name a')].map(text) : [],
  };
}

/** DLsite (www.dlsite.com: maniax, girls, bl, books, pro, home, …): lists of works and a work's own page. */
export const dlsite: SiteAdapter = {
  id: 'dlsite',
  name: 'DLsite',
  matches: ['https://www.dlsite.com/*'],
  entrySelector: ENTRY,
  tagLink: {
    patterns: ['https://www.dlsite.com/*/genre/*'],
    read(url) {
      const id = GENRE_HREF.exec(url.pathname)?.[1];
      return id ? (genreNames(id)[0] ?? null) : null;
    },
  },
  expectsEntries: (doc) =>
    doc.querySelector('#search_result_img_box, .work_1col_table, #ranking_table') !== null,
  // The pager marks the current page with <strong>; the next page is the link after it.
  nextPage: (doc) =>
    doc
      .querySelector('.global_pagination .page_no li > strong')
      ?.parentElement?.nextElementSibling?.querySelector('a[href]')
      ?.getAttribute('href') ?? null,
  // Genre names the site shows; the dictionary is filled from pages that name ids (see learnDictionary).
  dictionary: new Map(),
  read: (entry, needs = ALL_FACTS) => readWork(entry, needs),
  readId: (entry) => productId(entry),
  detail: {
    isDetailPage: (url) => /\/(?:work|announce)\/=\/product_id\/[RBV]J\d+/u.test(url.pathname),
    read(doc) {
      const genre = doc.querySelector('.main_genre a[href*="/genre/"]')?.closest('.main_genre');
      const title = doc.querySelector('#work_name');
      if (!genre && !title) return null;
      const facts = readWork(genre ?? doc.createElement('div'), ALL_FACTS);
      facts.id = PRODUCT_ID.exec(doc.location?.pathname ?? '')?.[1] ?? '';
      facts.title = text(title);
      facts.creators = [...doc.querySelectorAll('.maker_name a')].map(text);
      return facts;
    },
  },
  learnDictionary(doc) {
    // Ids the dictionary does not know are named by the page itself: genre links, and a search page's
    // own filter data. A grid entry carrying such an id (`id:NNN`) is then matched by its name.
    const learned: Record<string, string> = {};
    for (const [id, name] of genreIds(doc)) if (name && genreNames(id).length === 0) learned[id] = name;
    for (const script of doc.querySelectorAll('script:not([src])')) {
      const source = script.textContent ?? '';
      if (!source.includes('"category":"genre"')) continue;
      for (const [, id = '', escaped = ''] of source.matchAll(FILTER_GENRE)) {
        if (genreNames(id).length > 0) continue;
        try {
          learned[id] = JSON.parse(`"${escaped}"`) as string;
        } catch {
          // A name the page escaped in a way JSON does not read is skipped, not guessed.
        }
      }
    }
    return Object.fromEntries(Object.entries(learned).filter(([, name]) => fold(name) !== ''));
  },
};
