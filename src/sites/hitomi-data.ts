import type { Tag } from '../rules/types';
import { bounded, clip, isRecord, type PageWork, str } from './page-data';

/** `var galleryinfo = {…}` at the head of `galleries/<id>.js` (after an optional comment line). */
const GALLERYINFO = /^\s*(?:\/\/[^\n]*\n\s*)*var\s+galleryinfo\s*=\s*/u;

/** Lists of a gallery's names beside its tags: the list's key, each item's key, and the namespace. */
const NAMED_LISTS: [list: string, item: string, namespace: string][] = [
  ['artists', 'artist', 'artist'],
  ['groups', 'group', 'group'],
  ['parodys', 'parody', 'series'],
  ['characters', 'character', 'character'],
];

/** A flag hitomi writes as "1"/"" in older files and 1/0 (or absent) in newer ones. */
function flag(value: unknown): boolean {
  return value === 1 || value === '1' || value === true;
}

/**
 * The object of a `galleries/<id>.js` script. Never evaluated: the script is one JSON literal assigned to
 * a variable, so the literal is cut out and parsed as JSON. Null when the text is anything else.
 */
export function parseGalleryScript(script: string): unknown {
  const head = GALLERYINFO.exec(script);
  if (!head) return null;
  const literal = script.slice(head[0].length).trim().replace(/;+$/u, '');
  try {
    return JSON.parse(literal) as unknown;
  } catch {
    return null;
  }
}

/** A gallery's facts: tags with their female/male flags as namespaces (`female:netorare`), names, type. */
export function hitomiGallery(info: unknown): PageWork | null {
  if (!isRecord(info)) return null;
  const id = str(info.id);
  if (!/^\d{1,12}$/u.test(id)) return null;
  const tags: Tag[] = [];
  if (Array.isArray(info.tags)) {
    for (const t of info.tags) {
      if (!isRecord(t) || typeof t.tag !== 'string') continue;
      const name = clip(t.tag);
      if (flag(t.female)) tags.push({ namespace: 'female', name });
      else if (flag(t.male)) tags.push({ namespace: 'male', name });
      else tags.push({ name });
    }
  }
  const creators: string[] = [];
  for (const [list, item, namespace] of NAMED_LISTS) {
    const names = info[list];
    if (!Array.isArray(names)) continue;
    for (const entry of names) {
      const name = isRecord(entry) ? str(entry[item]) : '';
      if (!name) continue;
      tags.push({ namespace, name: clip(name) });
      if (namespace === 'artist' || namespace === 'group') creators.push(name);
    }
  }
  const type = str(info.type);
  if (type) tags.push({ namespace: 'type', name: type });
  const language = str(info.language);
  if (language) tags.push({ namespace: 'language', name: language });
  return bounded({ id, tags, title: str(info.title), creators });
}

/** A `galleries/<id>.js` answer's gallery, as a list (the reader's shape). */
export function hitomiWorks(script: string): PageWork[] {
  const gallery = hitomiGallery(parseGalleryScript(script));
  return gallery ? [gallery] : [];
}
