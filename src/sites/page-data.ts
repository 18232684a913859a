import type { Tag } from '../rules/types';

/**
 * What the page's own data says about one work, as the main-world reader hands it over: plain data, no
 * functions, no prototypes. The isolated script validates it again (src/page/facts-page.ts): the page
 * can see and forge these messages, so it is trusted only for facts of that page.
 */
export interface PageWork {
  /** The id the site's cards link to (pixiv `123`, pixiv novels `novel/123`, hitomi `123`, MangaDex a UUID). */
  id: string;
  tags: Tag[];
  title: string;
  creators: string[];
}

/** The main world → isolated world event; its detail is a JSON string of `PageDataMessage`. */
export const PAGE_DATA_EVENT = 'tagveil-page-data';
/** The isolated world → main world event: "I am listening, send what you kept". */
export const PAGE_DATA_HELLO_EVENT = 'tagveil-page-data-hello';
/** The main world → isolated world event "I started": the two scripts start in either order. */
export const PAGE_DATA_READER_EVENT = 'tagveil-page-data-reader';

export interface PageDataMessage {
  site: string;
  works: PageWork[];
}

/** Bounds on what one answer may hand over (a page's answer is ~60–100 works). */
export const MAX_WORKS_PER_ANSWER = 2_000;
export const MAX_TAGS_PER_WORK = 200;
export const MAX_TEXT_LENGTH = 500;
export const MAX_CREATORS = 20;
/** Answers larger than this are not read at all (the hook's cost stays bounded). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** Cuts a string to the bound (a page's title can be long; a tag longer than this is no tag). */
export function clip(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A work with its lists cut to the bounds. */
export function bounded(work: PageWork): PageWork {
  return {
    id: clip(work.id),
    tags: work.tags.slice(0, MAX_TAGS_PER_WORK),
    title: clip(work.title),
    creators: work.creators.slice(0, MAX_CREATORS).map(clip),
  };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH;
const isTexts = (v: unknown, max: number): v is string[] =>
  Array.isArray(v) && v.length <= max && v.every(isText);

/** A tag of a message: its known fields only, or null (as the zod schema in tests reads it). */
function messageTag(v: unknown): Tag | null {
  if (!isRecord(v) || !isText(v.name)) return null;
  const { namespace, canonical } = v;
  if ((namespace !== undefined && !isText(namespace)) || (canonical !== undefined && !isText(canonical)))
    return null;
  const tag: Tag = { name: v.name };
  if (namespace !== undefined) tag.namespace = namespace;
  if (canonical !== undefined) tag.canonical = canonical;
  return tag;
}

function messageWork(v: unknown): PageWork | null {
  if (!isRecord(v)) return null;
  const { id, tags, title, creators } = v;
  if (!isText(id) || id.length === 0 || !isText(title) || !isTexts(creators, MAX_CREATORS)) return null;
  if (!Array.isArray(tags) || tags.length > MAX_TAGS_PER_WORK) return null;
  const read: Tag[] = [];
  for (const t of tags) {
    const tag = messageTag(t);
    if (!tag) return null;
    read.push(tag);
  }
  return { id, tags: read, title, creators: [...creators] };
}

/**
 * What the main-world reader handed over, checked field by field (the page can see and forge it) and
 * copied with the known fields only; null when anything is out of shape or bounds. No zod: this runs in
 * the content script (tests/unit/page-data-schemas.ts holds it to the zod schema by a property test).
 */
export function readPageDataMessage(v: unknown): PageDataMessage | null {
  if (!isRecord(v) || typeof v.site !== 'string') return null;
  const { works } = v;
  if (!Array.isArray(works) || works.length > MAX_WORKS_PER_ANSWER) return null;
  const read: PageWork[] = [];
  for (const w of works) {
    const work = messageWork(w);
    if (!work) return null;
    read.push(work);
  }
  return { site: v.site, works: read };
}
