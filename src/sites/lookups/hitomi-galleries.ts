import * as z from 'zod/mini';
import { hitomiGallery, parseGalleryScript } from '../hitomi-data';
import { MAX_TAGS_PER_WORK, MAX_TEXT_LENGTH, type PageWork } from '../page-data';
import { type LookupDeps, type LookupSpec, plainTag, SiteLookup } from './completer';

/** Where hitomi.la serves each gallery's script (the file its own gallery and reader pages load). */
export const HITOMI_GALLERY_JS = 'https://ltn.hitomi.la/galleries/';
/** One file a request, one in flight, starts at least this far apart (≤ 4 a second). */
export const HITOMI_MIN_INTERVAL_MS = 250;
/** A gallery's file is asked for no sooner than this after its card was seen (the page may load it). */
export const HITOMI_GRACE_MS = 200;
/** A card waits this long (held back), as E-Hentai's rows do. */
export const HITOMI_WAIT_MS = 3_000;
/** Files asked for on one page at most. */
export const HITOMI_MAX_REQUESTS = 100;
/** A gallery's script is a few kB plus its file list; a long one is ~200 kB. */
export const HITOMI_MAX_ANSWER_CHARS = 2 * 1024 * 1024;

const Flag = z.optional(z.union([z.string(), z.number(), z.boolean(), z.null()]));
const Name = z.string().check(z.maxLength(MAX_TEXT_LENGTH * 4));
/** What Tagveil reads of `galleryinfo`, checked before it is read (the rest is left alone). */
export const GalleryInfoSchema = z.looseObject({
  id: z.union([z.string().check(z.regex(/^\d{1,12}$/u)), z.number()]),
  title: z.optional(z.nullable(Name)),
  type: z.optional(z.nullable(Name)),
  language: z.optional(z.nullable(Name)),
  tags: z.optional(
    z.nullable(
      z
        .array(z.looseObject({ tag: Name, female: Flag, male: Flag }))
        .check(z.maxLength(MAX_TAGS_PER_WORK * 5)),
    ),
  ),
});

/** The gallery of one `galleries/<id>.js` answer; throws when it is not one gallery's script. */
export function parseGalleryAnswer(text: string, id: string): PageWork {
  const literal = parseGalleryScript(text);
  if (literal === null) throw new Error('the answer is not a gallery script');
  const checked = GalleryInfoSchema.safeParse(literal);
  if (!checked.success) throw new Error('the gallery script is not of the expected shape');
  const gallery = hitomiGallery(literal);
  if (!gallery || gallery.id !== id) throw new Error('the gallery script names another gallery');
  return gallery;
}

export const HITOMI_LOOKUP: LookupSpec = {
  batch: 1,
  minIntervalMs: HITOMI_MIN_INTERVAL_MS,
  graceMs: HITOMI_GRACE_MS,
  timeoutMs: 5_000,
  waitMs: HITOMI_WAIT_MS,
  maxRequests: HITOMI_MAX_REQUESTS,
  maxAnswerChars: HITOMI_MAX_ANSWER_CHARS,
  validId: (id) => /^\d{1,12}$/u.test(id),
  url: (ids) => `${HITOMI_GALLERY_JS}${ids[0]}.js`,
  parse: (text, asked) => [parseGalleryAnswer(text, asked[0] ?? '')],
  restore: plainTag,
};

/**
 * hitomi.la cards show a tag list that can be cut short; where the page did not load the gallery's
 * `galleries/<id>.js`, this asks for that same file (opt-in: settings.completeTags).
 */
export function hitomiLookup(deps: LookupDeps): SiteLookup {
  return new SiteLookup(HITOMI_LOOKUP, deps);
}
