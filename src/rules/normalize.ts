import { lazyRegExp } from './lazy-regexp';
import type { Tag } from './types';

/** Folded tag strings repeat across entries; past this many distinct inputs the cache starts over. */
const FOLD_CACHE_MAX_ENTRIES = 50_000;

const foldCache = new Map<string, string>();

const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ
const KATAKANA_TO_HIRAGANA = 0x60;

/**
 * Katakana as hiragana by code point, the long-vowel mark kept. (wanakana's toHiragana spells ー as a
 * vowel, so スーパー and すーぱー would no longer meet.)
 */
function katakanaToHiragana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out +=
      code >= KATAKANA_FIRST && code <= KATAKANA_LAST
        ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA)
        : ch;
  }
  return out;
}

const HAS_KATAKANA = /[\u30a1-\u30f6]/u;
const hasMark = lazyRegExp(() => /\p{M}/u);
/** Accents on Latin letters only: kana's voicing marks (が = か + ゛) carry meaning. */
const latinDiacritics = lazyRegExp(() => /(\p{Script=Latin})\p{M}+/gu);
const SEPARATOR_RUN = /[\s_.-]+/gu;
const punctuationOrSpace = lazyRegExp(() => /^[\p{P}\s]$/u);
/**
 * Characters that render as nothing (zero-width space and joiners, soft hyphen, bidi controls, variation
 * selectors, BOM, tag characters…): "In\u200Bcest" reads as "Incest" and must match as it.
 */
const ignorable = lazyRegExp(() => /\p{Default_Ignorable_Code_Point}+/gu);
const hasIgnorable = lazyRegExp(() => /\p{Default_Ignorable_Code_Point}/u);

/**
 * Folding reads at most this much of a text. Longer than any rule line (MAX_RULE_LENGTH, 500) and than any
 * tag, title or name a supported site allows (AO3: 100-character tags, 255-character titles), so only a
 * page built to stall the matcher is cut; every step after the cut is linear in what is left.
 */
export const MAX_FOLD_INPUT = 1_000;

/** `text` cut to `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Removes the default-ignorable code points (see `ignorable`). */
export function withoutIgnorables(text: string): string {
  return hasIgnorable().test(text) ? text.replace(ignorable(), '') : text;
}

/**
 * Punctuation and white space trimmed from both ends, one character at a time. (A regular expression
 * with an end anchor, /[\p{P}\s]+$/, tries again from every character of a run inside the text: quadratic.)
 */
function trimPunctuation(text: string): string {
  const edge = punctuationOrSpace();
  let start = 0;
  let end = text.length;
  while (start < end) {
    const ch = String.fromCodePoint(text.codePointAt(start) as number);
    if (!edge.test(ch)) break;
    start += ch.length;
  }
  while (end > start) {
    // The last character is two units when it ends a surrogate pair.
    const size = end - 2 >= start && text.codePointAt(end - 2) !== text.charCodeAt(end - 2) ? 2 : 1;
    if (!edge.test(text.slice(end - size, end))) break;
    end -= size;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const wordChars = lazyRegExp(() => /[\p{L}\p{N}]/gu);
const WHITE_SPACE_RUN = /\s+/gu;

/** Whether a text holds a letter or digit (the same expression fold uses: compiled once, kept warm). */
export function hasWordChar(text: string): boolean {
  const words = wordChars();
  words.lastIndex = 0;
  const found = words.test(text);
  words.lastIndex = 0;
  return found;
}

/**
 * Whether a text is made of punctuation, with at most one letter or digit (`;)`, `:d`, `^_^`, `...`, `!!`,
 * `c#`): the boorus' emoticon and symbol tags. Folding their punctuation away would leave nothing (or one
 * letter) and make distinct tags one, so they are kept as written.
 */
export function isPunctuationTag(text: string): boolean {
  const words = wordChars();
  words.lastIndex = 0;
  let letters = 0;
  while (words.exec(text) !== null) if (++letters > 1) return false;
  return true;
}

/**
 * Printable ASCII with tabs and line breaks: NFKC leaves it as it is, and it holds no ignorable, mark
 * or kana, so folding its characters is lower case alone. Most tags of most sites are this: their first
 * sight on a page (cold code, every tag new) skips four Unicode passes.
 */
export const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Everything fold does but trim the punctuation around the text and read `_` `-` `.` as spaces. */
function foldCharacters(input: string): string {
  if (PLAIN_ASCII.test(input)) return input.toLowerCase();
  let out = withoutIgnorables(input).normalize('NFKC').toLowerCase();
  const decomposed = out.normalize('NFD');
  if (hasMark().test(decomposed)) out = decomposed.replace(latinDiacritics(), '$1').normalize('NFC');
  if (HAS_KATAKANA.test(out)) out = katakanaToHiragana(out);
  // NFKC can bring an ignorable back (a compatibility character decomposing to one): removed again.
  return withoutIgnorables(out);
}

/**
 * The one folding used by rules and adapters alike: the first MAX_FOLD_INPUT characters, invisible
 * (default-ignorable) characters removed, Unicode NFKC (full/half width), case fold, accents off Latin
 * letters, katakana as hiragana, `_` `-` `.` and runs of white space as one space, surrounding
 * punctuation trimmed. A tag of punctuation with at most one letter or digit (`;)`, `:d`, `-_-`) keeps its
 * punctuation, only white space folded: distinct such tags never fold to one. Linear in its input.
 */
export function fold(text: string): string {
  const input = cut(text, MAX_FOLD_INPUT);
  const cached = foldCache.get(input);
  if (cached !== undefined) return cached;
  const characters = foldCharacters(input);
  const out = isPunctuationTag(characters)
    ? characters.replace(WHITE_SPACE_RUN, ' ').trim()
    : trimPunctuation(characters.replace(SEPARATOR_RUN, ' '));
  if (foldCache.size >= FOLD_CACHE_MAX_ENTRIES) foldCache.clear();
  foldCache.set(input, out);
  return out;
}

/**
 * fold without trimming the punctuation around the text: what a wildcard's edges are compared with, so
 * that `*RPF)` keeps its parenthesis and matches "Bandom (RPF)" only (fold gives "bandom (rpf").
 */
export function foldKeepingEdges(text: string): string {
  const characters = foldCharacters(cut(text, MAX_FOLD_INPUT));
  return isPunctuationTag(characters)
    ? characters.replace(WHITE_SPACE_RUN, ' ').trim()
    : characters.replace(SEPARATOR_RUN, ' ').trim();
}

/** Site and booru abbreviations of namespaces (E-Hentai writes `f:milf` for `female:milf`). */
const NAMESPACE_ALIASES: Record<string, string> = {
  f: 'female',
  m: 'male',
  x: 'mixed',
  o: 'other',
  p: 'parody',
  c: 'character',
  a: 'artist',
  g: 'group',
  l: 'language',
  r: 'reclass',
  cos: 'cosplayer',
  // The longer words E-Hentai's tag search and EhViewer users write.
  lang: 'language',
  char: 'character',
  circle: 'group',
  series: 'parody',
};

/**
 * The namespace of tags shown without one, as E-Hentai and EhViewer users call it: `misc:artbook`
 * matches the tag `artbook` written with no namespace.
 */
export const MISC_NAMESPACE = 'misc';

/**
 * Namespaces the supported sites write (E-Hentai's, AO3's, the boorus'), folded: a typed `female:x` names
 * one, a typed `Re:Zero` does not (src/settings/foreign.ts literalTag).
 */
const KNOWN_NAMESPACES = new Set([
  ...Object.values(NAMESPACE_ALIASES),
  MISC_NAMESPACE,
  'temp',
  'id',
  'tag',
  'genre',
  'fandom',
  'rating',
  'warning',
  'category',
  'relationship',
  'freeform',
  'general',
  'copyright',
  'meta',
  'species',
  'lore',
  'invalid',
  'contributor',
]);

/** Whether a namespace (as written, `f` or `female`) is one a supported site uses. */
export function isKnownNamespace(namespace: string): boolean {
  return KNOWN_NAMESPACES.has(foldNamespace(namespace));
}

export function foldNamespace(namespace: string): string {
  // A namespace is a word: its punctuation always trimmed, even where a tag of punctuation keeps its own.
  const folded = trimPunctuation(foldCharacters(cut(namespace, MAX_FOLD_INPUT)).replace(SEPARATOR_RUN, ' '));
  return NAMESPACE_ALIASES[folded] ?? folded;
}

export interface FoldedTag {
  namespace: string | undefined;
  name: string;
  /** `namespace\u0000name` (or just the name): one string to key caches and indexes by. */
  key: string;
}

const GENDER_SUFFIX = /\s*([♀♂])$/u;
const foldedTags = new Map<string | undefined, Map<string, FoldedTag>>();
let foldedTagCount = 0;

/** Folds a site's tag; a trailing ♀/♂ (as some sites write it) becomes the female/male namespace. Cached. */
export function foldTag(tag: { namespace?: string | undefined; name: string }): FoldedTag {
  let byName = foldedTags.get(tag.namespace);
  const hit = byName?.get(tag.name);
  if (hit) return hit;
  // Invisible characters off first, so that "netorare ♀\uFE0F" (♀ as an emoji) still ends in ♀.
  let name = withoutIgnorables(cut(tag.name, MAX_FOLD_INPUT));
  let namespace = tag.namespace;
  const gender = GENDER_SUFFIX.exec(name);
  if (gender) {
    name = name.slice(0, gender.index);
    namespace ??= gender[1] === '♀' ? 'female' : 'male';
  }
  const ns =
    namespace === undefined || foldNamespace(namespace) === '' ? undefined : foldNamespace(namespace);
  const folded = fold(name);
  const result = { namespace: ns, name: folded, key: ns === undefined ? folded : `${ns}\u0000${folded}` };
  if (foldedTagCount >= FOLD_CACHE_MAX_ENTRIES) {
    foldedTags.clear();
    foldedTagCount = 0;
  }
  if (!byName) {
    byName = new Map();
    foldedTags.set(tag.namespace, byName);
  }
  byName.set(tag.name, result);
  foldedTagCount++;
  return result;
}

/** Displays a tag as the site wrote it. */
export function tagToString(tag: Tag): string {
  return tag.namespace ? `${tag.namespace}:${tag.name}` : tag.name;
}
