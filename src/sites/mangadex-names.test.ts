// @vitest-environment happy-dom
// Without the registry (which learns the names at once for the extension's pages): as a page's script is.
import { describe, expect, it } from 'vitest';
import { MANGADEX_TAGS } from './dictionaries/mangadex-tags';
import { learnMangadexTags, MANGADEX_TAG_NAMES, mangadex } from './mangadex';

const GORE = 'b29d6a3d-1569-4e7a-8caf-7557bc92cd5d';

function card(): Element {
  document.body.innerHTML = `<div class="manga-card"><a href="/title/0f3d7b07-9a9e-4b4c-9f3e-2f8a0b0c1d2e">T</a><a href="/tag/${GORE}/gore">ゴア</a></div>`;
  return document.querySelector('.manga-card') as Element;
}

describe('MangaDex tag names in a page’s script', () => {
  it('names a card’s tag link by the table once it is in (loaded beside the settings), by its text before', () => {
    expect(MANGADEX_TAG_NAMES.size).toBe(0);
    expect(mangadex.read(card()).tags).toEqual([{ name: 'ゴア' }]);
    learnMangadexTags(MANGADEX_TAGS);
    expect(MANGADEX_TAG_NAMES.size).toBe(76);
    expect(mangadex.read(card()).tags).toEqual([{ name: 'Gore' }]);
    expect(mangadex.tagLink?.read(new URL(`https://mangadex.org/tag/${GORE}/gore`))).toBe('Gore');
  });
});
