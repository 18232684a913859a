import type { Tag } from './types';

/**
 * What each site's rating values mean, in the site's own words. A rating is read as the tag
 * `rating:<value as the site writes it>`, matched also by the site's word for it: `rating:s` and
 * `rating:safe` both hide e621's `s`, while Danbooru's `s` (sensitive since 2022) answers to `rating:s`
 * and `rating:sensitive` only. Sites where a word means the adult tier also answer to `explicit`, so one
 * `rating:explicit` rule covers every site (docs/rules.md, Ratings).
 */
export interface RatingMeaning {
  /** The value as the site writes it (`e`, `r-18`, `pornographic`). */
  name: string;
  /** The word the site gives it, when that differs from the value (`explicit` for `e`). */
  word?: string;
  /**
   * The boorus' letter for that word, on a site that writes neither (pixiv's `r-18` is `e`): a
   * `rating:e` written for the boorus means the same tier there.
   */
  letter?: string;
}

export const SITE_RATINGS: Record<string, Record<string, RatingMeaning>> = {
  // https://danbooru.donmai.us/wiki_pages/howto:rate (2022: safe split into general and sensitive)
  danbooru: {
    g: { name: 'g', word: 'general' },
    s: { name: 's', word: 'sensitive' },
    q: { name: 'q', word: 'questionable' },
    e: { name: 'e', word: 'explicit' },
  },
  // https://e621.net/help/ratings: safe, questionable, explicit
  e621: {
    s: { name: 's', word: 'safe' },
    q: { name: 'q', word: 'questionable' },
    e: { name: 'e', word: 'explicit' },
  },
  // pixiv's xRestrict: 0 all ages, 1 R-18, 2 R-18G (both adult tiers are explicit)
  pixiv: {
    '0': { name: 'all-ages' },
    '1': { name: 'r-18', word: 'explicit', letter: 'e' },
    '2': { name: 'r-18g', word: 'explicit', letter: 'e' },
  },
  // MangaDex's contentRating: its own four words; pornographic is its explicit tier. Erotica is not
  // given the boorus' "questionable": the site does not define its words against their scale.
  mangadex: {
    safe: { name: 'safe' },
    suggestive: { name: 'suggestive' },
    erotica: { name: 'erotica' },
    pornographic: { name: 'pornographic', word: 'explicit', letter: 'e' },
  },
};

/**
 * The `rating:` tag for a site's rating value, carrying the site's word for it; a value the site table
 * does not know is kept as written (still matched by `rating:<value>`).
 */
/** What a site's rating value means; undefined for a value (or site) the table does not know. */
export function ratingMeaning(site: string, value: string | number): RatingMeaning | undefined {
  const table = Object.hasOwn(SITE_RATINGS, site) ? SITE_RATINGS[site] : undefined;
  // Own keys only: a page's rating "constructor" is no meaning.
  return table && Object.hasOwn(table, String(value)) ? table[String(value)] : undefined;
}

export function ratingTag(site: string, value: string | number): Tag {
  const meaning = ratingMeaning(site, value);
  if (!meaning) return { namespace: 'rating', name: String(value) };
  return meaning.word === undefined
    ? { namespace: 'rating', name: meaning.name }
    : { namespace: 'rating', name: meaning.name, canonical: meaning.word };
}

/**
 * Every `rating:` tag a site's rating value is read as: `ratingTag`'s, and the boorus' letter where the
 * site writes neither it nor its word (pixiv's R-18 is also `rating:e`). Unknown values as written.
 */
export function ratingTags(site: string, value: string | number): Tag[] {
  const tag = ratingTag(site, value);
  const meaning = ratingMeaning(site, value);
  return meaning?.letter === undefined
    ? [tag]
    : [tag, { namespace: 'rating', name: meaning.letter, canonical: meaning.word ?? meaning.letter }];
}

/** A `rating:` tag given back by its name alone (a cache of tags): a value's tag, or a letter's. */
export function ratingTagNamed(site: string, name: string): Tag {
  if (ratingMeaning(site, name)) return ratingTag(site, name);
  const table = Object.hasOwn(SITE_RATINGS, site) ? SITE_RATINGS[site] : undefined;
  const meaning = Object.values(table ?? {}).find((m) => m.letter === name);
  return meaning?.letter === undefined
    ? { namespace: 'rating', name }
    : { namespace: 'rating', name, canonical: meaning.word ?? name };
}
