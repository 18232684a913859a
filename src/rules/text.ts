import { lazyRegExp } from './lazy-regexp';

/** Scripts written without spaces between words: a phrase there needs no word boundary. */
const unspaced = lazyRegExp(() => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u);
const wordChar = lazyRegExp(() => /[\p{L}\p{N}]/u);

function boundaryOk(neighbour: string | undefined, edge: string | undefined): boolean {
  if (neighbour === undefined || edge === undefined) return true;
  const unspacedScript = unspaced();
  if (unspacedScript.test(neighbour) || unspacedScript.test(edge)) return true;
  return !wordChar().test(neighbour);
}

/**
 * Whether folded `text` contains folded `phrase` as whole words: "sister" is in "my step sister" but not
 * in "sisterhood"; in Japanese or Chinese, where words are not spaced, any occurrence counts.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  const first = phrase[0];
  const last = phrase[phrase.length - 1];
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (boundaryOk(text[at - 1], first) && boundaryOk(text[at + phrase.length], last)) return true;
  }
  return false;
}
