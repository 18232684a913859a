import { ALL_FACTS, type Tag } from '../rules/types';
import { type SiteAdapter, text } from './types';

/** A gallery's address ends in its id: `/doujinshi/<title>-<language>-<id>.html`, `/reader/<id>.html`. */
const GALLERY_ID = /(\d+)\.html(?:[?#]|$)/u;
/** The card's kind, by its class: `.manga`, `.dj`, `.acg`, `.cg` (and the site's others). */
const KINDS: Record<string, string> = {
  manga: 'manga',
  dj: 'doujinshi',
  acg: 'artistcg',
  cg: 'gamecg',
  anime: 'anime',
  imageset: 'imageset',
};

/** A tag link: `/tag/female%3Anetorare-all.html` → `female:netorare`; `/tag/incest-all.html` → `incest`. */
export function hitomiTagLink(href: string): Tag | null {
  const raw = /\/tag\/(.+?)-all(?:-\d+)?\.html/u.exec(href)?.[1];
  if (!raw) return null;
  let full: string;
  try {
    full = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const colon = full.indexOf(':');
  return colon > 0 ? { namespace: full.slice(0, colon), name: full.slice(colon + 1) } : { name: full };
}

function readTags(root: Element): Tag[] {
  const tags: Tag[] = [];
  for (const link of root.querySelectorAll('a[href*="/tag/"]')) {
    const tag = hitomiTagLink(link.getAttribute('href') ?? '');
    if (tag) tags.push(tag);
  }
  for (const link of root.querySelectorAll('a[href*="/series/"]'))
    tags.push({ namespace: 'series', name: text(link) });
  return tags;
}

function galleryId(href: string): string {
  return GALLERY_ID.exec(href)?.[1] ?? '';
}

/** A card's gallery id, from its title's link. */
function cardId(entry: Element): string {
  return galleryId(entry.querySelector('h1 a[href], a[href$=".html"]')?.getAttribute('href') ?? '');
}

/**
 * hitomi.la: listings (`.gallery-content > div`, one block per gallery, inserted by the page's scripts)
 * show a tag list that can be cut short (`.relatedtags`); the full tags come from `galleries/<id>.js`
 * wherever the page loaded it (read in the main world, src/sites/hitomi-data.ts). Gallery and reader
 * pages get the full-page warning.
 */
export const hitomi: SiteAdapter = {
  id: 'hitomi',
  name: 'hitomi.la',
  matches: ['https://hitomi.la/*'],
  entrySelector: '.gallery-content > div',
  // Cards show their tags: they are judged at once, completed by the page's data when it has them.
  pageData: { holdCards: false },
  // Where the page did not load a gallery's script, the same file from the site (opt-in: completeTags).
  // The look-up (src/sites/lookups/hitomi-galleries.ts) is added by entrypoints/hitomi.content.ts, its code loaded
  // only when completion first needs it.
  lookupInOwnScript: true,
  tagLink: {
    patterns: ['https://hitomi.la/tag/*'],
    read(url) {
      const tag = hitomiTagLink(url.pathname);
      return tag ? (tag.namespace ? `${tag.namespace}:${tag.name}` : tag.name) : null;
    },
  },
  expectsEntries: (doc) => doc.querySelector('.gallery-content') !== null,
  readId: cardId,
  read(entry, needs = ALL_FACTS) {
    const tags = readTags(entry);
    for (const cls of entry.classList) {
      const kind = KINDS[cls];
      if (kind) tags.push({ namespace: 'type', name: kind });
    }
    return {
      id: cardId(entry),
      tags,
      title: needs.title ? text(entry.querySelector('h1')) : '',
      creators: needs.creators ? [...entry.querySelectorAll('.artist-list a')].map(text) : [],
    };
  },
  detail: {
    isDetailPage: (url) =>
      /^\/(?:galleries|reader|doujinshi|manga|cg|gamecg|artistcg|anime|imageset)\/[^/]*\d+\.html$/u.test(
        url.pathname,
      ),
    read(doc) {
      const id = galleryId(doc.location?.pathname ?? '');
      if (!id) return null;
      // The gallery page lists its tags as the cards do; the reader has only `galleryinfo` (page data).
      const root = doc.querySelector('.gallery, .content') ?? doc.body;
      return {
        id,
        tags: root ? readTags(root) : [],
        title: text(doc.querySelector('.gallery h1, #gallery-brand')),
        creators: [...doc.querySelectorAll('.gallery .artist-list a, #artists a')].map(text),
      };
    },
  },
};
