import * as z from 'zod/mini';
import { ratingTagNamed } from '../../rules/ratings';
import { isUuid, mangadexTitle } from '../mangadex-data';
import { MAX_TAGS_PER_WORK, MAX_TEXT_LENGTH, type PageWork } from '../page-data';
import { type LookupDeps, type LookupSpec, plainTag, SiteLookup } from './completer';

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

const Text = z.string().check(z.maxLength(MAX_TEXT_LENGTH * 4));
const Localised = z.record(z.string(), z.optional(z.nullable(Text)));
const TagSchema = z.looseObject({
  id: z.string(),
  type: z.optional(z.string()),
  attributes: z.optional(z.looseObject({ name: z.optional(Localised) })),
});
const MangaSchema = z.looseObject({
  id: z.string().check(z.refine(isUuid)),
  type: z.literal('manga'),
  attributes: z.looseObject({
    title: z.optional(Localised),
    contentRating: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
    tags: z.optional(z.array(TagSchema).check(z.maxLength(MAX_TAGS_PER_WORK))),
  }),
});
/** A `/manga` list answer, checked before it is read. */
export const MangaListSchema = z.looseObject({
  result: z.literal('ok'),
  data: z.array(MangaSchema).check(z.maxLength(MANGADEX_BATCH)),
});

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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the answer is not JSON');
  }
  const checked = MangaListSchema.safeParse(json);
  if (!checked.success) throw new Error('the answer is not a list of titles');
  return checked.data.data.flatMap((manga) => mangadexTitle(manga) ?? []);
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
