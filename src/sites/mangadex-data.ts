import { ratingMeaning, ratingTags } from '../rules/ratings';
import type { Tag } from '../rules/types';
import { isUuid, MANGADEX_TAGS } from './dictionaries/mangadex-tags';
import { bounded, clip, isRecord, MAX_WORKS_PER_ANSWER, type PageWork, str } from './page-data';

/**
 * UUID → English name, for the answers that give a tag by its id only: made at first use, so a script
 * that imports this module without reading an answer (a content script, for its look-up's types) keeps
 * the table out.
 */
let tagNames: ReadonlyMap<string, string> | undefined;
const tagName = (uuid: string) => {
  tagNames ??= new Map(MANGADEX_TAGS.map(([id, name]) => [id, name]));
  return tagNames.get(uuid);
};

/** A localised string map ({en: …, ja: …}): English, else the first language given. */
function localised(value: unknown): string {
  if (!isRecord(value)) return '';
  return str(value.en) || str(Object.values(value).find((v) => typeof v === 'string'));
}

/** One `manga` resource of the API: its tags by name (the answer's, else the dictionary's), rating, title. */
export function mangadexTitle(resource: unknown): PageWork | null {
  if (!isRecord(resource) || resource.type !== 'manga' || !isRecord(resource.attributes)) return null;
  const id = str(resource.id);
  if (!isUuid(id)) return null;
  const attributes = resource.attributes;
  const tags: Tag[] = [];
  if (Array.isArray(attributes.tags)) {
    for (const tag of attributes.tags) {
      if (!isRecord(tag)) continue;
      const uuid = str(tag.id);
      const name = localised(isRecord(tag.attributes) ? tag.attributes.name : undefined);
      const known = tagName(uuid);
      if (name || known) tags.push({ name: clip(name || known || '') });
    }
  }
  const rating = str(attributes.contentRating);
  // `contentRating` (safe, suggestive, erotica, pornographic), read through the ratings table.
  if (rating && ratingMeaning('mangadex', rating)) tags.push(...ratingTags('mangadex', rating));
  const creators: string[] = [];
  if (Array.isArray(resource.relationships)) {
    for (const rel of resource.relationships) {
      // Names are there only when the page asked for them (`includes[]=author`).
      if (!isRecord(rel) || (rel.type !== 'author' && rel.type !== 'artist')) continue;
      const name = isRecord(rel.attributes) ? str(rel.attributes.name) : '';
      if (name && !creators.includes(name)) creators.push(name);
    }
  }
  return bounded({ id, tags, title: localised(attributes.title), creators });
}

/**
 * Every title in one of the API's answers: `/manga` lists and searches (`data[]`), one title
 * (`/manga/<id>`: `data{}`). Chapter feeds carry no tags and give nothing.
 */
export function mangadexWorks(answer: unknown): PageWork[] {
  if (!isRecord(answer)) return [];
  const data = Array.isArray(answer.data) ? answer.data.slice(0, MAX_WORKS_PER_ANSWER) : [answer.data];
  return data.flatMap((resource) => mangadexTitle(resource) ?? []);
}
