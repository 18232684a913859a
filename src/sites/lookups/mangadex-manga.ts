import { ratingTagNamed } from '../../rules/ratings';
import { isUuid } from '../dictionaries/mangadex-tags';
import { mangadexTitle } from '../mangadex-data';
import { isRecord, MAX_TAGS_PER_WORK, MAX_TEXT_LENGTH, type PageWork } from '../page-data';
import { type LookupDeps, type LookupSpec, parseJsonAnswer, plainTag, SiteLookup } from './completer';

/** The site's API: the same `/manga` list its own pages ask for. */
export const MANGADEX_MANGA_API = 'https://api.mangadex.org/manga';
/** The API takes at most 100 ids (and answers at most 100 titles) a request. */
export const MANGADEX_BATCH = 100;
/** At most one request a second, one in flight (the API allows about five a second). */
export const MANGADEX_MIN_INTERVAL_MS = 1_000;
/** Titles are asked for no sooner than this after their card was seen: the page's own answer may come. */
export const MANGADEX_GRACE_MS = 1_000;
/** A card waits this long (held back), as E-Hentai's rows and the page's own data do. */
export const MANGADEX_WAIT_MS = 3_000;
/** Requests for one page at most. */
export const MANGADEX_MAX_REQUESTS = 20;
/** A 100-title answer is ~700 kB. */
export const MANGADEX_MAX_ANSWER_CHARS = 4 * 1024 * 1024;
/** Every rating: without them the API leaves pornographic titles out of its answer. */
const CONTENT_RATINGS = ['safe', 'suggestive', 'erotica', 'pornographic'];

const isText = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH * 4;
/** A plain object (what a record reads: JSON's objects), every value a text, null or absent. */
const isLocalised = (v: unknown) =>
  isRecord(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v)) &&
  Object.values(v).every((x) => x === undefined || x === null || isText(x));

function isMangaTag(v: unknown): boolean {
  if (!isRecord(v) || typeof v.id !== 'string') return false;
  if (v.type !== undefined && typeof v.type !== 'string') return false;
  const a = v.attributes;
  return a === undefined || (isRecord(a) && (a.name === undefined || isLocalised(a.name)));
}

function isManga(v: unknown): boolean {
  if (!isRecord(v) || typeof v.id !== 'string' || !isUuid(v.id) || v.type !== 'manga') return false;
  const a = v.attributes;
  if (!isRecord(a)) return false;
  const { title, contentRating, tags } = a;
  return (
    (title === undefined || isLocalised(title)) &&
    (contentRating === undefined ||
      contentRating === null ||
      (typeof contentRating === 'string' && contentRating.length <= 40)) &&
    (tags === undefined ||
      (Array.isArray(tags) && tags.length <= MAX_TAGS_PER_WORK && tags.every(isMangaTag)))
  );
}

/**
 * A `/manga` list answer, checked before it is read. By hand: this runs in MangaDex's content script,
 * which carries no zod (held to MangaListSchema in tests/unit/page-data-schemas.ts by a property test).
 */
export function isMangaList(v: unknown): boolean {
  return (
    isRecord(v) &&
    v.result === 'ok' &&
    Array.isArray(v.data) &&
    v.data.length <= MANGADEX_BATCH &&
    v.data.every(isManga)
  );
}

/** The address that answers for these titles: every rating, as many as asked. */
export function mangaListUrl(ids: readonly string[]): string {
  const query = [
    ...ids.map((id) => `ids[]=${id}`),
    ...CONTENT_RATINGS.map((r) => `contentRating[]=${r}`),
    `limit=${ids.length}`,
  ];
  return `${MANGADEX_MANGA_API}?${query.join('&')}`;
}

/** The titles of one `/manga` answer; throws when it is not a list of titles. */
export function parseMangaList(text: string): PageWork[] {
  const json = parseJsonAnswer(text);
  if (!isMangaList(json)) throw new Error('the answer is not a list of titles');
  return (json as { data: Parameters<typeof mangadexTitle>[0][] }).data.flatMap(
    (manga) => mangadexTitle(manga) ?? [],
  );
}

export const MANGADEX_LOOKUP: LookupSpec = {
  batch: MANGADEX_BATCH,
  minIntervalMs: MANGADEX_MIN_INTERVAL_MS,
  graceMs: MANGADEX_GRACE_MS,
  timeoutMs: 5_000,
  waitMs: MANGADEX_WAIT_MS,
  maxRequests: MANGADEX_MAX_REQUESTS,
  maxAnswerChars: MANGADEX_MAX_ANSWER_CHARS,
  validId: isUuid,
  url: mangaListUrl,
  parse: (text) => parseMangaList(text),
  // A cached rating is read through the ratings table again (it carries the site's word).
  restore: (key) => {
    const tag = plainTag(key);
    return tag.namespace === 'rating' ? ratingTagNamed('mangadex', tag.name) : tag;
  },
};

/**
 * MangaDex chapter feeds carry no tags; where the page did not load its titles' `/manga?ids[]=` answer,
 * this asks for it (opt-in: settings.completeTags): batched, one request a second at most, cached.
 */
export function mangadexLookup(deps: LookupDeps): SiteLookup {
  return new SiteLookup(MANGADEX_LOOKUP, deps);
}
