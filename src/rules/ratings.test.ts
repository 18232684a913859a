import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { ratingTag, ratingTags, SITE_RATINGS } from './ratings';

const hides = (rule: string, site: string, value: string | number) =>
  compile([{ id: 'r', name: 'R', enabled: true, action: 'hide', patterns: [rule] }]).judge({
    id: '1',
    tags: ratingTags(site, value),
    title: '',
    creators: [],
  }).action === 'hide';

describe('ratings in each site’s words', () => {
  it('rating:explicit covers every site’s adult tier', () => {
    expect(hides('rating:explicit', 'danbooru', 'e')).toBe(true);
    expect(hides('rating:explicit', 'e621', 'e')).toBe(true);
    expect(hides('rating:explicit', 'pixiv', 1)).toBe(true);
    expect(hides('rating:explicit', 'pixiv', 2)).toBe(true);
    expect(hides('rating:explicit', 'mangadex', 'pornographic')).toBe(true);
    expect(hides('rating:explicit', 'pixiv', 0)).toBe(false);
    expect(hides('rating:explicit', 'mangadex', 'erotica')).toBe(false);
  });

  it('pixiv’s and MangaDex’s own words', () => {
    expect(hides('rating:R-18G', 'pixiv', 2)).toBe(true);
    expect(hides('rating:r-18', 'pixiv', 2)).toBe(false);
    expect(hides('rating:erotica', 'mangadex', 'erotica')).toBe(true);
    expect(hides('rating:safe', 'mangadex', 'safe')).toBe(true);
    expect(hides('rating:safe', 'danbooru', 's')).toBe(false);
    expect(hides('rating:safe', 'e621', 's')).toBe(true);
  });

  it('the boorus’ letters mean the same tier on pixiv and MangaDex', () => {
    expect(hides('rating:e', 'pixiv', 1)).toBe(true);
    expect(hides('rating:e', 'pixiv', 2)).toBe(true);
    expect(hides('rating:e', 'pixiv', 0)).toBe(false);
    expect(hides('rating:e', 'mangadex', 'pornographic')).toBe(true);
    expect(hides('rating:e', 'mangadex', 'erotica')).toBe(false);
    expect(hides('rating:e', 'danbooru', 'e')).toBe(true);
    expect(hides('rating:r-18g', 'pixiv', 1)).toBe(false);
    expect(hides('rating:R-18', 'pixiv', 1)).toBe(true);
    expect(hides('rating:pornographic', 'mangadex', 'pornographic')).toBe(true);
    expect(ratingTags('danbooru', 'e')).toEqual([ratingTag('danbooru', 'e')]);
  });

  it('a page’s value named like an object’s own property is no meaning', () => {
    expect(ratingTag('pixiv', 'constructor')).toEqual({ namespace: 'rating', name: 'constructor' });
    expect(ratingTags('toString', 'e')).toEqual([{ namespace: 'rating', name: 'e' }]);
  });

  it('an unknown value is kept as written', () => {
    expect(ratingTag('danbooru', 'x')).toEqual({ namespace: 'rating', name: 'x' });
    expect(hides('rating:x', 'danbooru', 'x')).toBe(true);
  });

  it('every site word is a word its own letter does not already spell', () => {
    for (const table of Object.values(SITE_RATINGS))
      for (const meaning of Object.values(table)) expect(meaning.word).not.toBe(meaning.name);
  });
});
