// The picker's model: from one entry and one of its tags the user clicked, selectors that match every
// similar entry and every tag. Pure DOM reads (no browser API), so it is tested on real saved pages.
//
// Why not @medv/finder: it builds a selector that matches exactly ONE element (the unique path to it);
// the picker needs the opposite, the selector of a kind of element repeated down a list. What is shared
// (escaping, stable classes) is a few lines here.

/** Classes that name a state of one element rather than a kind of element. */
const STATE_CLASS =
  /^(?:is-|has-)?(?:active|hover|hovered|focus|focused|selected|current|odd|even|first|last|open|opened|closed|visible|hidden|new|lazy|loaded|loading)$/u;
/** Classes and ids that name one item (`work-77861651`, `user-21067654`, a hash), not a kind. */
const ITEM_NAME = /\d{3,}|[0-9a-f]{10,}/iu;
/** Plain CSS identifiers only: a class like `md:flex` or `w-[3px]` is skipped rather than escaped. */
const PLAIN_IDENT = /^-?[A-Za-z_\u00a0-\uffff][\w\u00a0-\uffff-]*$/u;
/** Similar entries share at least this share of the kinds of their children (Jaccard index). */
const SHAPE_SIMILARITY = 0.5;
/** Tags followed at most when looking for other kinds of tag beside them. */
const MAX_TAG_SIBLING_SCAN = 2_000;
/** Ancestors with a class an entry's selector may start from (the nearest ones). */
const MAX_CLASSED_ANCESTORS = 2;

const usable = (name: string) => PLAIN_IDENT.test(name) && !ITEM_NAME.test(name) && name.length <= 40;

/** The element's classes that name a kind of element, in the order written. */
export function stableClasses(el: Element): string[] {
  return [...el.classList].filter((c) => usable(c) && !STATE_CLASS.test(c) && !c.startsWith('tagveil'));
}

/** `li.work.blurb`: the tag name and the given classes (default: all stable ones). */
export function compound(el: Element, classes: readonly string[] = stableClasses(el)): string {
  return el.localName + classes.map((c) => `.${c}`).join('');
}

/** The kinds of an element's children: `td.gl1c.glcat`, `td.gl2c`… (classes sorted). */
function childKinds(el: Element): Set<string> {
  const kinds = new Set<string>();
  for (const child of el.children) kinds.add(compound(child, stableClasses(child).sort()));
  return kinds;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const k of a) if (b.has(k)) both++;
  return both / (a.size + b.size - both);
}

/**
 * The entries the user means, as best the page shows them: elements of the picked entry's tag name that
 * share a class with it (when it has any) and whose children are mostly of the same kinds. The selectors
 * proposed are the ones that come closest to this set; the user sees the outcome and can adjust it.
 */
export function similarEntries(entry: Element): Element[] {
  const doc = entry.ownerDocument;
  const classes = new Set(stableClasses(entry));
  const kinds = childKinds(entry);
  const found: Element[] = [];
  for (const el of doc.getElementsByTagName(entry.localName)) {
    if (el === entry) {
      found.push(el);
      continue;
    }
    if (el.contains(entry) || entry.contains(el)) continue;
    if (classes.size > 0 && !stableClasses(el).some((c) => classes.has(c))) continue;
    if (jaccard(kinds, childKinds(el)) >= SHAPE_SIMILARITY) found.push(el);
  }
  // Outermost only: an entry is never inside another.
  const set = new Set(found);
  return found.filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** Some match contains another: entries of a catalog are never nested. */
function nested(matches: readonly Element[]): boolean {
  const set = new Set(matches);
  for (const el of matches)
    for (let up = el.parentElement; up; up = up.parentElement) if (set.has(up)) return true;
  return false;
}

/** Simple compounds for an element: the tag name, each class, pairs of the first classes, data attributes. */
function compounds(el: Element): string[] {
  const classes = stableClasses(el);
  const out = [el.localName, ...classes.map((c) => compound(el, [c]))];
  const first = classes.slice(0, 4);
  for (let i = 0; i < first.length; i++)
    for (let j = i + 1; j < first.length; j++)
      out.push(compound(el, [first[i] as string, first[j] as string]));
  for (const attr of el.getAttributeNames())
    if (attr.startsWith('data-') && usable(attr)) out.push(`${el.localName}[${attr}]`);
  return [...new Set(out)];
}

/**
 * Where an entry's selector can start: nothing, its parent's kind, the nearest ancestors with a class
 * (by the path of tag names down to the entry: `table.itg > tbody > `), the nearest ancestor with an id.
 */
function prefixes(el: Element): string[] {
  const out = [''];
  const parent = el.parentElement;
  if (parent && parent.localName !== 'body' && parent.localName !== 'html')
    out.push(`${parent.localName} > `);
  let path = '';
  let classed = 0;
  for (let up = parent; up && up.localName !== 'body' && up.localName !== 'html'; up = up.parentElement) {
    const classes = stableClasses(up);
    for (const c of classes) out.push(`${compound(up, [c])} > ${path}`);
    if (up.id && usable(up.id)) {
      out.push(`#${up.id} > ${path}`);
      break;
    }
    if (classes.length > 0 && ++classed >= MAX_CLASSED_ANCESTORS) break;
    path = `${up.localName} > ${path}`;
  }
  return [...new Set(out)];
}

interface Scored {
  selector: string;
  matches: Element[];
  score: number;
}

/** How close a selector's matches come to the intended set: each hit counts +1, each miss and extra −1. */
function scoreAgainst(
  selector: string,
  root: ParentNode,
  must: Element,
  intended: Set<Element>,
): Scored | null {
  const matches = queryAll(root, selector);
  if (!matches.includes(must) || nested(matches)) return null;
  let hits = 0;
  for (const m of matches) if (intended.has(m)) hits++;
  return { selector, matches, score: 2 * hits - matches.length - intended.size };
}

function better(a: Scored | null, b: Scored | null): Scored | null {
  if (!a) return b;
  if (!b) return a;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  return b.selector.length < a.selector.length ? b : a;
}

/** The entry selector closest to the similar entries (similarEntries). */
export function proposeEntrySelector(
  entry: Element,
  intended: readonly Element[] = similarEntries(entry),
): string {
  const doc = entry.ownerDocument;
  const want = new Set(intended);
  let best: Scored | null = null;
  const bases = compounds(entry);
  for (const prefix of prefixes(entry))
    for (const base of bases) best = better(best, scoreAgainst(prefix + base, doc, entry, want));
  if (!best) return compound(entry);
  // Extras left (a header row, a row of links): tell entries apart by a kind of child only they have.
  const start = best;
  if (start.score < 0) {
    for (const child of entry.children)
      for (const c of stableClasses(child))
        best = better(
          best,
          scoreAgainst(`${start.selector}:has(> ${compound(child, [c])})`, doc, entry, want),
        );
  }
  return (best ?? start).selector;
}

/** The ancestors of `el` up to (not including) `stop`, nearest first. */
function ancestorsWithin(el: Element, stop: Element): Element[] {
  const out: Element[] = [];
  for (let up = el.parentElement; up && up !== stop; up = up.parentElement) out.push(up);
  return out;
}

/** Entries among `entries` holding at least one match of `selector`, and all its matches in them. */
function coverage(selector: string, entries: readonly Element[]): { entries: number; matches: number } {
  let covered = 0;
  let matches = 0;
  for (const entry of entries) {
    const n = queryAll(entry, selector).length;
    if (n > 0) covered++;
    matches += n;
  }
  return { entries: covered, matches };
}

/**
 * The tag selector, relative to an entry (the site reads `entry.querySelectorAll(tagSelector)`): the
 * picked tag's own class when it has one, else its nearest ancestor with a class inside the entry, else
 * its path of tag names from the entry; chosen by how many entries it finds tags in. Then elements of
 * the same tag name written beside those tags with another class (E-Hentai's `.gtl` beside `.gt`) join.
 */
export function proposeTagSelector(
  entry: Element,
  tag: Element,
  entries: readonly Element[] = similarEntries(entry),
): string {
  const classes = stableClasses(tag);
  // The tag's own class: the broadest of those that find tags in the most entries (one of a kind was picked).
  // Else an ancestor's class: the nearest of those that find tags in the most entries (the narrowest context).
  const own = classes.length > 0;
  const candidates: string[] = own
    ? classes.map((c) => compound(tag, [c]))
    : ancestorsWithin(tag, entry).flatMap((up) =>
        stableClasses(up).map(
          (c) => `${compound(up, [c])}${up === tag.parentElement ? ' > ' : ' '}${tag.localName}`,
        ),
      );
  let best: { selector: string; entries: number; matches: number } | null = null;
  for (const selector of candidates) {
    if (!queryAll(entry, selector).includes(tag)) continue;
    const c = { selector, ...coverage(selector, entries) };
    if (!best || c.entries > best.entries || (own && c.entries === best.entries && c.matches > best.matches))
      best = c;
  }
  const selector = best?.selector ?? pathFrom(entry, tag);
  return withSiblingKinds(selector, tag.localName, entries);
}

/** `:scope > td > a > div`: the path of tag names from the entry, when nothing on the way has a class. */
function pathFrom(entry: Element, tag: Element): string {
  const names = [tag, ...ancestorsWithin(tag, entry)].reverse().map((el) => el.localName);
  return `:scope > ${names.join(' > ')}`;
}

function withSiblingKinds(selector: string, localName: string, entries: readonly Element[]): string {
  const extra = new Set<string>();
  let seen = 0;
  for (const entry of entries) {
    const matches = queryAll(entry, selector);
    const matched = new Set(matches);
    for (const m of matches) {
      if (++seen > MAX_TAG_SIBLING_SCAN) break;
      for (const sibling of m.parentElement?.children ?? []) {
        if (matched.has(sibling) || sibling.localName !== localName) continue;
        const first = stableClasses(sibling)[0];
        if (first) extra.add(compound(sibling, [first]));
      }
    }
  }
  return [selector, ...extra].join(', ');
}

/**
 * The entry the pointer is over, as a first guess: of the element and its ancestors (below `body`),
 * the one repeated most often beside its own kind (same tag name and classes), like the rows of a list
 * (a work's tags repeat too, but less than the works); the outermost of equals.
 */
export function repeatingAncestor(el: Element): Element {
  let guess = el;
  let most = 0;
  for (
    let at: Element | null = el;
    at && at.localName !== 'body' && at.localName !== 'html';
    at = at.parentElement
  ) {
    // An id is part of the kind, its numbers aside: `#s1` and `#s2` are peers, `#wrapper` and `#footer` are not.
    const kind = (el: Element) => `${compound(el, stableClasses(el).sort())}#${el.id.replace(/\d+/gu, '')}`;
    const key = kind(at);
    let peers = 0;
    for (const sibling of at.parentElement?.children ?? [])
      if (sibling !== at && kind(sibling) === key) peers++;
    if (peers > 0 && peers >= most) {
      guess = at;
      most = peers;
    }
  }
  return guess;
}

export interface Proposal {
  entrySelector: string;
  tagSelector: string;
}

/** Both selectors for an entry and one of its tags. */
export function propose(entry: Element, tag: Element): Proposal {
  const entries = similarEntries(entry);
  return {
    entrySelector: proposeEntrySelector(entry, entries),
    tagSelector: proposeTagSelector(entry, tag, entries),
  };
}

export interface Matched {
  entries: Element[];
  tags: Element[];
  /** The tags of each entry, in the order of `entries` (outlines skip the tags of an entry out of view). */
  tagsOf: Element[][];
}

/**
 * What the selectors find, as the site's content script would read it: the entries, and the tags inside
 * each (`entry.querySelectorAll`). `skip` is left out (the picker's own element). Null: a selector that
 * does not read.
 */
export function matchAll(doc: Document, selectors: Proposal, skip?: Element): Matched | null {
  try {
    const entries = [...doc.querySelectorAll(selectors.entrySelector)].filter((el) => !skip?.contains(el));
    const tagsOf = entries.map((entry) => [...entry.querySelectorAll(selectors.tagSelector)]);
    return { entries, tags: tagsOf.flat(), tagsOf };
  } catch {
    return null;
  }
}
