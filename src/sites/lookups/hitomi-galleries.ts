import { hitomiGallery, parseGalleryScript } from '../hitomi-data';
import { isRecord, MAX_TAGS_PER_WORK, MAX_TEXT_LENGTH, type PageWork } from '../page-data';
import { type LookupDeps, type LookupSpec, plainTag, SiteLookup } from './completer';

/** Where hitomi.la serves each gallery's script (the file its own gallery and reader pages load). */
export const HITOMI_GALLERY_JS = 'https://ltn.hitomi.la/galleries/';
/** One file a request, one in flight, each at least this long after the last answer (≤ 4 a second). */
export const HITOMI_MIN_INTERVAL_MS = 250;
/** A gallery's file is asked for no sooner than this after its card was seen (the page may load it). */
export const HITOMI_GRACE_MS = 200;
/** A card waits this long (held back), as E-Hentai's rows do. */
export const HITOMI_WAIT_MS = 3_000;
/** Files asked for on one page at most. */
export const HITOMI_MAX_REQUESTS = 100;
/** A gallery's script is a few kB plus its file list; a long one is ~200 kB. */
export const HITOMI_MAX_ANSWER_CHARS = 2 * 1024 * 1024;

const isName = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH * 4;
const isNameOrNone = (v: unknown) => v === undefined || v === null || isName(v);
const isFlag = (v: unknown) =>
  v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);

/**
 * What Tagveil reads of `galleryinfo`, checked before it is read (the rest is left alone). By hand: this
 * runs in hitomi.la's content script, which carries no zod (held to GalleryInfoSchema in
 * tests/unit/page-data-schemas.ts by a property test).
 */
export function isGalleryInfo(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const { id, tags } = v;
  if (!(typeof id === 'string' ? /^\d{1,12}$/u.test(id) : Number.isFinite(id))) return false;
  if (!isNameOrNone(v.title) || !isNameOrNone(v.type) || !isNameOrNone(v.language)) return false;
  if (tags === undefined || tags === null) return true;
  return (
    Array.isArray(tags) &&
    tags.length <= MAX_TAGS_PER_WORK * 5 &&
    tags.every((t) => isRecord(t) && isName(t.tag) && isFlag(t.female) && isFlag(t.male))
  );
}

/** The gallery of one `galleries/<id>.js` answer; throws when it is not one gallery's script. */
export function parseGalleryAnswer(text: string, id: string): PageWork {
  const literal = parseGalleryScript(text);
  if (literal === null) throw new Error('the answer is not a gallery script');
  if (!isGalleryInfo(literal)) throw new Error('the gallery script is not of the expected shape');
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
