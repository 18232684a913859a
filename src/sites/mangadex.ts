import { ALL_FACTS, type Tag } from '../rules/types';
import { isUuid } from './dictionaries/mangadex-tags';
import { type SiteAdapter, text } from './types';

/**
 * MangaDex's tag names by UUID (src/sites/mangadex-tags.ts), learned where the table is: the extension's
 * pages and background at once (registry.ts), a page's script from mangadex-tags.js beside its settings
 * (entrypoints/mangadex.content.ts), so every page of the site does not parse the table before its own.
 */
export const MANGADEX_TAG_NAMES = new Map<string, string>();

/** Learns the table's names (each row: UUID, English name, group). */
export function learnMangadexTags(
  rows: readonly (readonly [uuid: string, name: string, group: string])[],
): void {
  for (const [uuid, name] of rows) MANGADEX_TAG_NAMES.set(uuid, name);
}

/** Where mangadex-tags.js leaves the table in the content script's world. */
export const MANGADEX_TAGS_KEY = Symbol.for('tagveil.mangadex-tags');

const TITLE_LINK = /\/title\/([0-9a-f-]{36})/u;
const TAG_LINK = /\/tag\/([0-9a-f-]{36})/u;

/** Tag links (`/tag/<uuid>/<slug>`) named by the site's own tag list (the link's text when it is new). */
function readTags(root: Element): Tag[] {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  for (const link of root.querySelectorAll('a[href*="/tag/"]')) {
    const uuid = TAG_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (!uuid || !isUuid(uuid) || seen.has(uuid)) continue;
    seen.add(uuid);
    const name = MANGADEX_TAG_NAMES.get(uuid) ?? text(link);
    if (name) tags.push({ name });
  }
  return tags;
}

/** A card's title UUID, from its title link. */
function titleId(entry: Element): string {
  const link = entry.querySelector('a[href*="/title/"]')?.getAttribute('href') ?? '';
  return TITLE_LINK.exec(link)?.[1] ?? '';
}

/**
 * MangaDex (mangadex.org): title cards link their title (`/title/<uuid>`) and some of their tags
 * (`/tag/<uuid>/`); the page's own `/manga` answers carry every tag and the content rating, read in the
 * main world (src/sites/mangadex-data.ts). Cards wait for them, within the bound.
 */
export const mangadex: SiteAdapter = {
  id: 'mangadex',
  name: 'MangaDex',
  matches: ['https://mangadex.org/*'],
  // Title cards, and the chapter feed's groups (latest updates, follows: one group a title, linking it).
  entrySelector: '.manga-card, .chapter-feed__container',
  pageData: { holdCards: true },
  // Titles the page's own `/manga` answers did not cover, from the same API (opt-in: completeTags).
  // The look-up (src/sites/lookups/mangadex-manga.ts) is added by entrypoints/mangadex.content.ts, its code loaded
  // only when completion first needs it.
  lookupInOwnScript: true,
  tagLink: {
    patterns: ['https://mangadex.org/tag/*'],
    read(url) {
      const uuid = TAG_LINK.exec(url.pathname)?.[1];
      return uuid ? (MANGADEX_TAG_NAMES.get(uuid) ?? null) : null;
    },
  },
  readId: titleId,
  read(entry, needs = ALL_FACTS) {
    return {
      id: titleId(entry),
      tags: readTags(entry),
      title: needs.title ? text(entry.querySelector('.title, a[href*="/title/"]')) : '',
      creators: [],
    };
  },
  detail: {
    isDetailPage: (url) => TITLE_LINK.test(url.pathname),
    read(doc) {
      const id = TITLE_LINK.exec(doc.location?.pathname ?? '')?.[1];
      if (!id) return null;
      return {
        id,
        tags: doc.body ? readTags(doc.body) : [],
        title: text(doc.querySelector('h1, .title p')),
        creators: [],
      };
    },
  },
};
