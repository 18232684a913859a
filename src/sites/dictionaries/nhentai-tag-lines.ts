/**
 * Where nhentai-tags.js (entrypoints/nhentai-tags.ts) leaves every tag-type id's name, one "id name" line
 * each, in the content script's world.
 */
export const NHENTAI_TAGS_KEY = Symbol.for('tagveil.nhentai-tags');

/** "id name" lines as id → name (lines without both are skipped). */
export function tagIdPairs(lines: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const line of lines.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && space < line.length - 1) pairs[line.slice(0, space)] = line.slice(space + 1);
  }
  return pairs;
}
