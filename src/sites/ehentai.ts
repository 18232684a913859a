import { ALL_FACTS, type Tag } from '../rules/types';
import { type SiteAdapter, text } from './types';

/** Gallery links carry the id and token the site's metadata API needs: /g/<gid>/<token>/. */
const GALLERY_LINK = /\/g\/(\d+)\/([0-9a-f]+)/u;

/** A row's gallery as the metadata API names it, `<gid>/<token>` (else its link as it is). */
function galleryId(entry: Element): string {
  const link = entry.querySelector('a[href*="/g/"]')?.getAttribute('href') ?? '';
  const gallery = GALLERY_LINK.exec(link);
  return gallery ? `${gallery[1]}/${gallery[2]}` : link;
}

/**
 * E-Hentai and ExHentai gallery lists in every display mode: minimal and minimal+ (`table.itg.gltm`),
 * compact (`gltc`), extended (`glte`), thumbnail (`div.itg.gld > .gl1t`). Front page, search, watched,
 * popular and favourites use the same markup.
 */
export const ehentai: SiteAdapter = {
  id: 'ehentai',
  name: 'E-Hentai',
  matches: ['https://e-hentai.org/*', 'https://exhentai.org/*'],
  entrySelector: 'table.itg > tbody > tr:has(.glname), div.itg > .gl1t',
  tagLink: {
    patterns: ['https://e-hentai.org/tag/*', 'https://exhentai.org/tag/*'],
    read(url) {
      const tag = /^\/tag\/([^/]+)/u.exec(url.pathname)?.[1];
      return tag ? decodeURIComponent(tag.replaceAll('+', ' ')) : null;
    },
  },
  expectsEntries: (doc) => doc.querySelector('.itg') !== null,
  // The look-up (src/sites/lookups/ehentai-gdata.ts) is added by entrypoints/ehentai.content.ts, its code loaded
  // only when completion first needs it.
  lookupInOwnScript: true,
  // The current pager (#unext) or the older table one (its last cell is ">").
  nextPage: (doc) =>
    doc.querySelector('a#unext[href], table.ptt td:last-child > a[href]')?.getAttribute('href') ?? null,
  read(entry, needs = ALL_FACTS) {
    const tags: Tag[] = [];
    // The title attribute always holds the full "namespace:tag"; the text may be abbreviated ("f:milf").
    for (const el of entry.querySelectorAll('.gt[title], .gtl[title], .gtw[title]')) {
      const full = el.getAttribute('title') ?? '';
      const colon = full.indexOf(':');
      tags.push(
        // Misc tags have an empty namespace: title=":artbook".
        colon > 0
          ? { namespace: full.slice(0, colon), name: full.slice(colon + 1) }
          : { name: full.slice(colon + 1) },
      );
    }
    const category = text(entry.querySelector('.cn, .cs'));
    if (category) tags.push({ namespace: 'category', name: category });
    return {
      id: galleryId(entry),
      tags,
      title: needs.title ? text(entry.querySelector('.glink, .gl4t')) : '',
      creators: needs.creators ? [...entry.querySelectorAll('a[href*="/uploader/"]')].map(text) : [],
    };
  },
  readId: galleryId,
  detail: {
    isDetailPage: (url) => url.pathname.startsWith('/g/'),
    read(doc) {
      const list = doc.querySelector('#taglist');
      if (!list) return null;
      const tags: Tag[] = [];
      // Each tag's cell id is "td_<namespace>:<name with _ for spaces>"; misc tags have no namespace.
      for (const cell of list.querySelectorAll('div[id^="td_"]')) {
        const full = cell.id.slice(3).replaceAll('_', ' ');
        const colon = full.indexOf(':');
        tags.push(
          colon > 0 ? { namespace: full.slice(0, colon), name: full.slice(colon + 1) } : { name: full },
        );
      }
      const category = text(doc.querySelector('#gdc .cs, #gdc .cn, #gdc div'));
      if (category) tags.push({ namespace: 'category', name: category });
      return {
        id:
          GALLERY_LINK.exec(doc.location?.pathname ?? '')
            ?.slice(1)
            .join('/') ?? '',
        tags,
        title: [text(doc.querySelector('#gn')), text(doc.querySelector('#gj'))].filter(Boolean).join(' / '),
        creators: [...doc.querySelectorAll('#gdn a')].map(text),
      };
    },
  },
  // A table row cannot hold a block of its own: the reason line goes in the title cell.
  veilAnchor: (entry) => (entry.tagName === 'TR' ? entry.querySelector('td.glname') : null),
};
