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
const HAS_MARK = /\p{M}/u;
/** Accents on Latin letters only: kana's voicing marks (が = か + ゛) carry meaning. */
const LATIN_DIACRITICS = /(\p{Script=Latin})\p{M}+/gu;
const SEPARATOR_RUN = /[\s_.-]+/gu;
const SURROUNDING_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/**
 * The one folding used by rules and adapters alike: Unicode NFKC (full/half width), case fold, accents
 * off Latin letters, katakana as hiragana, `_` `-` `.` and runs of white space as one space, surrounding
 * punctuation trimmed.
 */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  let out = text.normalize('NFKC').toLowerCase();
  const decomposed = out.normalize('NFD');
  if (HAS_MARK.test(decomposed)) out = decomposed.replace(LATIN_DIACRITICS, '$1').normalize('NFC');
  if (HAS_KATAKANA.test(out)) out = katakanaToHiragana(out);
  out = out.replace(SEPARATOR_RUN, ' ').replace(SURROUNDING_PUNCTUATION, '');
  if (foldCache.size >= FOLD_CACHE_MAX_ENTRIES) foldCache.clear();
  foldCache.set(text, out);
  return out;
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
};

export function foldNamespace(namespace: string): string {
  const folded = fold(namespace);
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
  let name = tag.name;
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
