import type { PageWork } from './page-data';
import { pixivWorks, preloadData } from './pixiv-data';
import type { SiteAdapter } from './types';

/** A card's link: an artwork (`/artworks/<id>`, `/en/artworks/<id>`) or a novel (`/novel/show.php?id=`). */
const WORK_LINK = 'a[href*="/artworks/"], a[href*="/novel/show.php?id="]';
const ARTWORK = /\/artworks\/(\d+)/u;
const NOVEL = /\/novel\/show\.php\?(?:[^#]*&)?id=(\d+)/u;

/** The work a link names, as the page data names it: `123` or `novel/123`; '' when it names none. */
export function pixivWorkId(href: string): string {
  const artwork = ARTWORK.exec(href)?.[1];
  if (artwork) return artwork;
  const novel = NOVEL.exec(href)?.[1];
  return novel ? `novel/${novel}` : '';
}

function detailWork(doc: Document): PageWork | undefined {
  const id = pixivWorkId(`${doc.location?.pathname ?? ''}${doc.location?.search ?? ''}`);
  return pixivWorks(preloadData(doc), id.startsWith('novel/')).find((w) => w.id === id);
}

/**
 * pixiv (www.pixiv.net): a single-page app whose cards link a work and carry no tags. Each card is
 * judged by its work's id with the facts the page's own answers carry (src/sites/pixiv-data.ts, read in
 * the main world): tags with their English translations, `rating:` from xRestrict, AI-generated.
 */
export const pixiv: SiteAdapter = {
  id: 'pixiv',
  name: 'pixiv',
  matches: ['https://www.pixiv.net/*'],
  // One card is the innermost list item linking a work (a list of cards inside a list item is no card).
  entrySelector: `li:has(${WORK_LINK}):not(:has(li))`,
  pageData: {
    holdCards: true,
    embedded: (doc) => pixivWorks(preloadData(doc)),
  },
  tagLink: {
    patterns: ['https://www.pixiv.net/tags/*', 'https://www.pixiv.net/en/tags/*'],
    read(url) {
      const tag = /\/tags\/([^/]+)/u.exec(url.pathname)?.[1];
      return tag ? decodeURIComponent(tag) : null;
    },
  },
  read(entry) {
    return {
      id: pixivWorkId(entry.querySelector(WORK_LINK)?.getAttribute('href') ?? ''),
      tags: [],
      title: '',
      creators: [],
    };
  },
  detail: {
    isDetailPage: (url) =>
      /^\/(?:[a-z]{2}\/)?artworks\/\d+/u.test(url.pathname) ||
      (/^\/(?:[a-z]{2}\/)?novel\/show\.php$/u.test(url.pathname) && url.searchParams.has('id')),
    read(doc) {
      const id = pixivWorkId(`${doc.location?.pathname ?? ''}${doc.location?.search ?? ''}`);
      if (!id) return null;
      // The first page carries its work in meta#meta-preload-data; else the page's answer fills it in.
      const work = detailWork(doc);
      return { id, tags: work?.tags ?? [], title: work?.title ?? '', creators: work?.creators ?? [] };
    },
  },
};
