import { fold } from '../rules/normalize';
import { ALL_FACTS, type Tag } from '../rules/types';
import { type SiteAdapter, text } from './types';

/**
 * nhentai's tag ids → names, for the tags the presets name and for languages and categories. The
 * listing writes only ids (`data-tags="8653 12227 …"`); ids not here are learned from the gallery pages
 * the user opens (`learnDictionary`) and kept in storage.local.
 * Source: the site's tag index (nhentai.net/tags, as of 2022-08) and its JSON API answers.
 */
const BUNDLED: Record<string, string> = {
  // NTR & cheating
  '8653': 'netorare',
  '9260': 'cheating',
  // Gore & guro
  '27217': 'guro',
  '14069': 'ryona',
  '10542': 'snuff',
  '30848': 'cannibalism',
  '22221': 'blood',
  '4549': 'torture',
  // Scat
  '2820': 'scat',
  '16518': 'coprophagia',
  // Non-consent
  '27553': 'rape',
  // Incest
  '22942': 'incest',
  '1067': 'inseki',
  // Languages and categories
  '6346': 'japanese',
  '12227': 'english',
  '29963': 'chinese',
  '17249': 'translated',
  '33172': 'doujinshi',
  '33173': 'manga',
};

/** Ids are keys as they are written; the scanner looks names up with the folded spelling. */
const dictionary = new Map(Object.entries(BUNDLED).map(([id, name]) => [fold(id), name]));

/**
 * Kinds of names too many to bundle: a gallery page or a look-up teaches their ids. The dictionary keeps,
 * beside `id → name`, `ns:<id> → kind`, so the listing's id is read as `artist:<name>` and rules such as
 * `artist:odawara hakone` (or `a:…`) match it there too.
 */
export const NAMED_KINDS = ['artist', 'group', 'parody', 'character'] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];
export const KIND_KEY = 'ns:';

/** What a gallery page or the site's tag page teaches: the id's name, and its kind when it has one. */
export function namePairs(id: string, name: string, kind: string | undefined): Record<string, string> {
  return (NAMED_KINDS as readonly string[]).includes(kind ?? '')
    ? { [id]: name, [`${KIND_KEY}${id}`]: kind as string }
    : { [id]: name };
}

/** A tag page's own link to itself (`h1 a.tag.tag-13989 .name`): its id and name, or null. */
export function tagPageId(doc: Document): { id: string; name: string } | null {
  const link = doc.querySelector('h1 a.tag');
  const id = link ? TAG_LINK_CLASS.exec(link.className)?.[1] : undefined;
  const name = text(link?.querySelector('.name'));
  return id && name ? { id, name } : null;
}

/** Labels of a gallery page's tag rows → namespaces (plain "Tags" have none). */
const DETAIL_NAMESPACES: Record<string, string> = {
  parodies: 'parody',
  characters: 'character',
  tags: 'tag',
  artists: 'artist',
  groups: 'group',
  languages: 'language',
  categories: 'category',
};

/** A tag link on a gallery or tag page: `a.tag.tag-<id>` with its name in `span.name`. */
const TAG_LINK_CLASS = /\btag-(\d+)\b/u;
const GALLERY_LINK = /\/g\/(\d+)/u;

/** A card's gallery number, from its link (else the link as it is). */
function galleryId(entry: Element): string {
  const link = entry.querySelector('a[href*="/g/"]')?.getAttribute('href') ?? '';
  return GALLERY_LINK.exec(link)?.[1] ?? link;
}

/** nhentai: listings (front page, search, tag, artist pages) of `div.gallery[data-tags]`. */
export const nhentai: SiteAdapter = {
  id: 'nhentai',
  name: 'nhentai',
  matches: ['https://nhentai.net/*'],
  entrySelector: 'div.gallery[data-tags]',
  // The name look-up (src/sites/lookups/nhentai-names.ts) is added by entrypoints/nhentai.content.ts.
  lookupInOwnScript: true,
  tagLink: {
    patterns: ['tag', 'artist', 'group', 'parody', 'character', 'language', 'category'].map(
      (kind) => `https://nhentai.net/${kind}/*`,
    ),
    read(url) {
      // Slugs write spaces as "-", which rules fold the same way.
      const slug = /^\/(?:tag|artist|group|parody|character|language|category)\/([^/]+)/u.exec(
        url.pathname,
      )?.[1];
      return slug ? decodeURIComponent(slug).replaceAll('-', ' ') : null;
    },
  },
  expectsEntries: (doc) => doc.querySelector('.index-container') !== null,
  nextPage: (doc) => doc.querySelector('a.next[href]')?.getAttribute('href') ?? null,
  dictionary,
  readId: galleryId,
  read(entry, needs = ALL_FACTS) {
    const ids = (entry.getAttribute('data-tags') ?? '').split(' ').filter(Boolean);
    // Every namespace is mixed in one id list; a rule can also name an id: `id:8653`. An id known to be an
    // artist's, group's, parody's or character's carries that namespace instead.
    const tags: Tag[] = ids.map((id) => ({
      namespace: dictionary.get(`${KIND_KEY}${id}`) ?? 'id',
      name: id,
    }));
    return {
      id: galleryId(entry),
      tags,
      title: needs.title ? text(entry.querySelector('.caption')) : '',
      creators: [],
    };
  },
  detail: {
    isDetailPage: (url) => /^\/g\/\d+\/?$/u.test(url.pathname),
    read(doc) {
      const section = doc.querySelector('#tags');
      if (!section) return null;
      const tags: Tag[] = [];
      for (const container of section.querySelectorAll('.tag-container')) {
        // "Tags:", "Artists:", "Languages:" … → the namespace; "Pages:" and "Uploaded:" are not tags.
        const label = (container.firstChild?.textContent ?? '').trim().replace(/:$/u, '').toLowerCase();
        const namespace = DETAIL_NAMESPACES[label];
        if (!namespace) continue;
        for (const name of container.querySelectorAll('a.tag .name')) {
          tags.push(namespace === 'tag' ? { name: text(name) } : { namespace, name: text(name) });
        }
      }
      return {
        id: GALLERY_LINK.exec(doc.location?.pathname ?? '')?.[1] ?? '',
        tags,
        title: text(doc.querySelector('h1.title')),
        creators: [],
      };
    },
  },
  learnDictionary(doc) {
    const learned: Record<string, string> = {};
    for (const link of doc.querySelectorAll('a.tag')) {
      const id = TAG_LINK_CLASS.exec(link.className)?.[1];
      const name = text(link.querySelector('.name'));
      // The link's address names its kind: /artist/odawara-hakone/.
      const kind = /^\/([a-z]+)\//u.exec(link.getAttribute('href') ?? '')?.[1];
      if (id && name) Object.assign(learned, namePairs(id, name, kind));
    }
    return learned;
  },
};
