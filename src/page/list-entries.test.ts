// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { worksPage } from '../../tests/e2e/pages';
import { MAX_LISTED_ENTRIES, MAX_LISTED_TITLE_LENGTH, PageEntriesSchema } from '../messages';
import { ao3 } from '../sites/ao3';
import { customAdapter } from '../sites/custom';
import { LISTED_ENTRIES, LISTED_TITLE_LENGTH, listEntries } from './list-entries';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('listEntries (the popup’s entries of this page)', () => {
  it('keeps to the bounds of the popup’s answer schema (its own copy of them: no zod in the page)', () => {
    expect([LISTED_ENTRIES, LISTED_TITLE_LENGTH]).toEqual([MAX_LISTED_ENTRIES, MAX_LISTED_TITLE_LENGTH]);
    const long = worksPage(3).replace('Work 1', 'W'.repeat(400));
    expect(PageEntriesSchema.safeParse(listEntries(parse(long), ao3)).success).toBe(true);
  });

  it('lists each AO3 work once by the number an entry rule holds, with its title', () => {
    const answer = listEntries(parse(worksPage(3)), ao3);
    expect(answer).toEqual({
      site: 'ao3',
      total: 3,
      entries: [
        { id: '0', title: 'Work 0' },
        { id: '1', title: 'Work 1' },
        { id: '2', title: 'Work 2' },
      ],
    });
  });

  it('lists the first entries of a huge page and says how many there are', () => {
    const answer = listEntries(parse(worksPage(MAX_LISTED_ENTRIES + 5)), ao3);
    expect(answer.entries).toHaveLength(MAX_LISTED_ENTRIES);
    expect(answer.total).toBe(MAX_LISTED_ENTRIES + 5);
  });

  it('on a site the user added, an entry is known by its first link; one with no id is left out', () => {
    const site = customAdapter({
      id: 'custom-catalog-example',
      name: 'Catalog',
      origin: 'https://catalog.example',
      entrySelector: '.item',
      tagSelector: '.tag',
      titleSelector: 'h3',
    });
    const doc = parse(`<div class="item"><h3><a href="/items/7">Seven</a></h3><span class="tag">x</span></div>
      <div class="item"><h3>No link</h3></div>
      <div class="item"><h3><a href="/items/7">Seven again</a></h3></div>
      <div class="item"><h3><a href=" /items/8#comments">Eight</a></h3></div>`);
    expect(listEntries(doc, site)).toEqual({
      site: 'custom-catalog-example',
      total: 2,
      entries: [
        { id: '/items/7', title: 'Seven' },
        { id: '/items/8', title: 'Eight' },
      ],
    });
  });
});
