import { describe, expect, it } from 'vitest';
import { pickedFromQuery, pickedSiteQuery } from './confirm';

const picked = { entrySelector: 'article.story', tagSelector: 'ul.tags a' };

describe('the picker hands its selectors to the options form', () => {
  it('for the https page it ran on, by its origin, and the form reads them back as they were', () => {
    const query = pickedSiteQuery('https://catalog.example/list?page=2#top', picked);
    expect(query).toBe('?site=https%3A%2F%2Fcatalog.example&entry=article.story&tags=ul.tags+a#custom-sites');
    expect(pickedFromQuery((query ?? '').replace(/#.*$/u, ''))).toEqual({
      site: 'https://catalog.example',
      entry: 'article.story',
      tags: 'ul.tags a',
    });
  });

  it('not for a page that is not https, and not a selector that could end a style rule', () => {
    expect(pickedSiteQuery('http://catalog.example/', picked)).toBeNull();
    expect(pickedSiteQuery(undefined, picked)).toBeNull();
    expect(
      pickedSiteQuery('https://catalog.example/', { ...picked, tagSelector: 'a} body{display:none' }),
    ).toBeNull();
  });
});
