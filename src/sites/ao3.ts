import type { Tag } from '../rules/types';
import { type SiteAdapter, text } from './types';

/** Tag lists of a blurb (`ul.tags li.<class>`) and the namespace each one's tags get. */
const TAG_LIST_NAMESPACES: Record<string, string> = {
  warnings: 'warning',
  relationships: 'relationship',
  characters: 'character',
  freeforms: 'freeform',
};

/** Icons in `ul.required-tags`; their `title` holds the full text, several joined by ", ". */
const REQUIRED_TAG_NAMESPACES: Record<string, string> = {
  rating: 'rating',
  warnings: 'warning',
  category: 'category',
};

/** AO3 disambiguates homonyms with a suffix ("Trickster Spirits - Freeform"); rules are written without it. */
const DISAMBIGUATION = / - (?:Freeform|Character|Relationship|Fandom)$/u;

function addTag(tags: Tag[], seen: Set<string>, namespace: string, name: string): void {
  const clean = name.replace(DISAMBIGUATION, '').trim();
  const key = `${namespace}\u0000${clean}`;
  if (clean === '' || seen.has(key)) return;
  seen.add(key);
  tags.push({ namespace, name: clean });
}

/** Archive of Our Own: works, bookmarks, series and collections listings (`li.blurb`). */
export const ao3: SiteAdapter = {
  id: 'ao3',
  name: 'Archive of Our Own',
  matches: ['https://archiveofourown.org/*', 'https://*.archiveofourown.org/*'],
  entrySelector: 'li.blurb',
  expectsEntries: (doc) => doc.querySelector('ol.index, ul.index') !== null,
  read(entry) {
    const tags: Tag[] = [];
    const seen = new Set<string>();
    for (const a of entry.querySelectorAll('h5.fandoms a.tag')) addTag(tags, seen, 'fandom', text(a));
    for (const icon of entry.querySelectorAll('ul.required-tags span[title]')) {
      const kind = Object.keys(REQUIRED_TAG_NAMESPACES).find((c) => icon.classList.contains(c));
      if (!kind) continue; // completion status is not a tag
      const namespace = REQUIRED_TAG_NAMESPACES[kind] as string;
      for (const name of (icon.getAttribute('title') ?? '').split(', ')) addTag(tags, seen, namespace, name);
    }
    for (const li of entry.querySelectorAll('ul.tags > li')) {
      const kind = Object.keys(TAG_LIST_NAMESPACES).find((c) => li.classList.contains(c));
      const namespace = kind ? (TAG_LIST_NAMESPACES[kind] as string) : 'freeform';
      for (const a of li.querySelectorAll('a.tag')) addTag(tags, seen, namespace, text(a));
    }
    const heading = entry.querySelector('.header .heading');
    const titleLink = heading?.querySelector('a:not([rel="author"])');
    const creators = [...(heading?.querySelectorAll('a[rel="author"]') ?? [])].map(text);
    // Anonymous works name no author link, only the word after "by".
    const byline = / by (.+)$/u.exec(text(heading))?.[1];
    if (creators.length === 0 && byline) creators.push(byline);
    return { id: entry.id || titleLink?.getAttribute('href') || '', tags, title: text(titleLink), creators };
  },
};
