import { ALL_FACTS, type Tag } from '../rules/types';
import { type SiteAdapter, text } from './types';

/** The class of a tag's list item (`ul.tags > li.<class>`) → the namespace its tags get. */
const TAG_LIST_NAMESPACES = new Map([
  ['warnings', 'warning'],
  ['relationships', 'relationship'],
  ['characters', 'character'],
  ['freeforms', 'freeform'],
]);

/** Icons in `ul.required-tags`: the class naming the kind → the namespace; `title` holds the names, joined by ", ". */
const REQUIRED_TAG_NAMESPACES: [string, string][] = [
  ['rating', 'rating'],
  ['warnings', 'warning'],
  ['category', 'category'],
];

/** AO3 disambiguates homonyms with a suffix ("Trickster Spirits - Freeform"); rules are written without it. */
const DISAMBIGUATION = / - (?:Freeform|Character|Relationship|Fandom)$/u;

/** A class attribute that names `word` among its classes. */
const hasClass = (className: string, word: string) => ` ${className} `.includes(` ${word} `);

/** A blurb's title link (the first link of its h4.heading that is not an author's); its authors into `creators`, if given. */
function headingLinks(entry: Element, creators?: string[]): Element | undefined {
  let titleLink: Element | undefined;
  const h4s = entry.getElementsByTagName('h4');
  for (let i = 0; i < h4s.length && !titleLink; i++) {
    const heading = h4s[i] as Element;
    if (heading.className !== 'heading') continue;
    for (let a = heading.firstElementChild; a; a = a.nextElementSibling) {
      if (a.localName !== 'a') continue;
      if (a.getAttribute('rel') === 'author') creators?.push(text(a));
      else titleLink ??= a;
    }
  }
  return titleLink;
}

/** Archive of Our Own: works, bookmarks, series and collections listings (`li.blurb`). */
export const ao3: SiteAdapter = {
  id: 'ao3',
  name: 'Archive of Our Own',
  matches: ['https://archiveofourown.org/*', 'https://*.archiveofourown.org/*'],
  entrySelector: 'li.blurb',
  tagLink: {
    patterns: ['https://archiveofourown.org/tags/*', 'https://*.archiveofourown.org/tags/*'],
    read(url) {
      const name = /^\/tags\/([^/]+)/u.exec(url.pathname)?.[1];
      if (!name) return null;
      // AO3 writes / & . ? # in tag addresses as *s* *a* *d* *q* *h*.
      const escapes: Record<string, string> = { s: '/', a: '&', d: '.', q: '?', h: '#' };
      return decodeURIComponent(name).replace(/\*([sadqh])\*/gu, (_, c: string) => escapes[c] ?? c);
    },
  },
  expectsEntries: (doc) => doc.querySelector('ol.index, ul.index') !== null,
  detail: {
    isDetailPage: (url) => /^\/works\/\d+/u.test(url.pathname),
    read(doc) {
      const meta = doc.querySelector('dl.work.meta');
      if (!meta) return null;
      const tags: Tag[] = [];
      // dd.<kind>.tags holds a list of a.tag: rating, warning, category, fandom, relationship, character, freeform.
      for (const dd of meta.querySelectorAll('dd.tags')) {
        const namespace = dd.classList[0];
        if (!namespace) continue;
        for (const a of dd.querySelectorAll('a.tag')) {
          const name = text(a).replace(DISAMBIGUATION, '');
          if (name) tags.push({ namespace, name });
        }
      }
      return {
        id: /^\/works\/(\d+)/u.exec(doc.location?.pathname ?? '')?.[1] ?? '',
        tags,
        title: text(doc.querySelector('h2.title')),
        creators: [...doc.querySelectorAll('h3.byline a[rel="author"]')].map(text),
      };
    },
  },
  nextPage: (doc) => doc.querySelector('ol.pagination li.next a[href]')?.getAttribute('href') ?? null,
  /**
   * Each DOM call from a content script costs far more than the same call from the page, so a blurb is
   * read with as few as possible (docs/performance.md): its headings and lists are found by tag name
   * (live collections, cheaper than a selector query), and each list is walked child by child.
   */
  read(entry, needs = ALL_FACTS) {
    const id = entry.id;
    const tags: Tag[] = [];
    // Warnings are written twice (icon and tag list); nothing else repeats, so only they are checked.
    const warnings: string[] = [];
    const add = (namespace: string, name: string) => {
      const clean = name.includes(' - ') ? name.replace(DISAMBIGUATION, '').trim() : name;
      if (clean === '') return;
      if (namespace === 'warning') {
        if (warnings.includes(clean)) return;
        warnings.push(clean);
      }
      tags.push({ namespace, name: clean });
    };
    // h5.fandoms.heading: the fandom tags (a bookmark's h5.byline.heading names its bookmarker).
    const h5s = entry.getElementsByTagName('h5');
    for (let i = 0; i < h5s.length; i++) {
      const heading = h5s[i] as Element;
      if (!hasClass(heading.className, 'fandoms')) continue;
      for (let a = heading.firstElementChild; a; a = a.nextElementSibling)
        if (a.className === 'tag') add('fandom', text(a));
    }
    const lists = entry.getElementsByTagName('ul');
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as Element;
      const kind = list.className;
      if (hasClass(kind, 'required-tags')) {
        // Rating, warning and category icons: span.<kind>[title]; each title holds names joined by ", "
        // (completion status is an icon too, but not a tag; the inner span.text has no kind).
        const icons = list.getElementsByTagName('span');
        for (let j = 0; j < icons.length; j++) {
          const icon = icons[j] as Element;
          const iconClass = icon.className;
          const namespace = REQUIRED_TAG_NAMESPACES.find(([kind]) => hasClass(iconClass, kind))?.[1];
          if (namespace)
            for (const name of (icon.getAttribute('title') ?? '').split(', ')) add(namespace, name);
        }
      } else if (hasClass(kind, 'tags')) {
        // ul.tags (and a bookmark's ul.meta.tags): each item's text is its one tag; its class names the
        // kind (freeform when it has none).
        for (let li = list.firstElementChild; li; li = li.nextElementSibling)
          add(TAG_LIST_NAMESPACES.get(li.className) ?? 'freeform', text(li));
      }
    }
    // h4.heading, the first: the title and its authors, read only when a rule asks about either (or for
    // the id of a blurb without one).
    const creators: string[] = [];
    const titleLink = needs.title || needs.creators || id === '' ? headingLinks(entry, creators) : undefined;
    if (creators.length === 0 && titleLink) {
      // Anonymous works name no author link, only the word after "by".
      const byline = / by (.+)$/u.exec(text(titleLink.parentElement))?.[1];
      if (byline) creators.push(byline);
    }
    return { id: id || titleLink?.getAttribute('href') || '', tags, title: text(titleLink), creators };
  },
  readId: (entry) => entry.id || headingLinks(entry)?.getAttribute('href') || '',
};
