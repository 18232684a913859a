import { ratingMeaning, ratingTags } from '../rules/ratings';
import type { Tag } from '../rules/types';
import { bounded, clip, isRecord, MAX_WORKS_PER_ANSWER, type PageWork, str } from './page-data';

/** `aiType` 2 is a work its author marked AI-generated (1 is "not", 0 "unknown"). */
const AI_GENERATED = 2;
/** The answers nest works a few levels down (`body.thumbnails.illust[]`); never deeper than this. */
const MAX_DEPTH = 8;
/** No answer needs more nodes than this to be walked; a larger one is read this far. */
const MAX_NODES = 200_000;

/** One work as its answer has it, before the answer-wide translations are applied. */
interface RawWork {
  id: string;
  novel: boolean;
  tags: { tag: string; en?: string }[];
  title: string;
  user: string;
  xRestrict?: number;
  aiType?: number;
}

/** `tags` as lists write it (strings) or as a work's own answer writes it ({tags: [{tag, translation}]}). */
function readTags(value: unknown): RawWork['tags'] | null {
  if (Array.isArray(value)) {
    if (!value.every((t) => typeof t === 'string')) return null;
    return value.map((tag: string) => ({ tag }));
  }
  if (isRecord(value) && Array.isArray(value.tags)) {
    return value.tags.flatMap((t: unknown) => {
      if (!isRecord(t) || typeof t.tag !== 'string') return [];
      const en = isRecord(t.translation) ? str(t.translation.en) : '';
      return [en ? { tag: t.tag, en } : { tag: t.tag }];
    });
  }
  return null;
}

/** A work-like object: a numeric id, tags, and a field only works carry. */
function readWork(node: Record<string, unknown>, novel: boolean): RawWork | null {
  const id = str(node.id ?? node.illustId);
  if (!/^\d{1,12}$/u.test(id)) return null;
  const tags = readTags(node.tags);
  if (!tags || !('xRestrict' in node || 'illustType' in node || 'userId' in node)) return null;
  return {
    id,
    // Novels carry a text count; lists of novels sit under a key named for them.
    novel: novel || 'textCount' in node || 'wordCount' in node,
    tags,
    title: str(node.title ?? node.illustTitle),
    user: str(node.userName),
    xRestrict: typeof node.xRestrict === 'number' ? node.xRestrict : undefined,
    aiType: typeof node.aiType === 'number' ? node.aiType : undefined,
  };
}

/**
 * Every work in one of pixiv's own answers (`/ajax/search/…`, `/ajax/top/illust`, `/ajax/follow_latest/…`,
 * `/ajax/user/<id>/…`, `/ajax/illust/<id>`, `/ajax/discovery/…`, ranking, the artwork page's preload
 * data): id → tags (with the answer's English translations), rating, AI flag, title and user. The answers
 * differ in where the works sit, not in how a work is written, so the answer is walked (bounded) and
 * each work-like object read.
 */
export function pixivWorks(answer: unknown, novelAnswer = false): PageWork[] {
  const raw: RawWork[] = [];
  const translations = new Map<string, string>();
  let nodes = 0;
  const walk = (node: unknown, depth: number, novel: boolean): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH || raw.length >= MAX_WORKS_PER_ANSWER) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1, novel);
      return;
    }
    if (!isRecord(node)) return;
    const work = readWork(node, novel);
    if (work) raw.push(work);
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'object' || value === null) continue;
      if (key === 'tagTranslation' && isRecord(value)) {
        for (const [tag, names] of Object.entries(value)) {
          const en = isRecord(names) ? str(names.en) : '';
          if (en) translations.set(tag, en);
        }
        continue;
      }
      // A work's own tags were read with it; its other objects (urls, bookmarkData) hold no works.
      if (work && key !== 'userIllusts') continue;
      walk(value, depth + 1, novel || /novel/iu.test(key));
    }
  };
  walk(answer, 0, novelAnswer);
  const byId = new Map<string, PageWork>();
  for (const work of raw) {
    const id = work.novel ? `novel/${work.id}` : work.id;
    const previous = byId.get(id);
    const facts = toFacts(work, id, translations);
    // The same work can appear twice (a list and its "pickup"); the fuller answer wins.
    if (!previous || previous.tags.length < facts.tags.length) byId.set(id, facts);
  }
  return [...byId.values()];
}

function toFacts(work: RawWork, id: string, translations: Map<string, string>): PageWork {
  const tags: Tag[] = work.tags.map(({ tag, en }) => {
    const canonical = en ?? translations.get(tag);
    // pixiv writes R-18 and R-18G as tags too; the translation is matched as well as the tag.
    return canonical && canonical !== tag
      ? { name: clip(tag), canonical: clip(canonical) }
      : { name: clip(tag) };
  });
  // pixiv's `xRestrict` (0 all ages, 1 R-18, 2 R-18G), read through the ratings table like the boorus'.
  if (work.xRestrict !== undefined && ratingMeaning('pixiv', work.xRestrict))
    tags.push(...ratingTags('pixiv', work.xRestrict));
  if (work.aiType === AI_GENERATED) tags.push({ name: 'AI生成', canonical: 'ai-generated' });
  return bounded({ id, tags, title: work.title, creators: work.user ? [work.user] : [] });
}

/** The JSON of an artwork or novel page's `<meta id="meta-preload-data" content="…">`, if it has one. */
export function preloadData(doc: Document): unknown {
  const content = doc.querySelector('meta#meta-preload-data')?.getAttribute('content');
  if (!content) return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}
