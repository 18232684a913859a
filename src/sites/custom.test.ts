// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compile } from '../rules/compile';
import { TAGS_ONLY } from '../rules/types';
import { customAdapter, customSiteId, selectorProblem } from './custom';

const site = {
  id: 'custom-catalog-example',
  name: 'catalog.example',
  origin: 'https://catalog.example',
  entrySelector: 'article.item',
  tagSelector: '.tags a',
  titleSelector: 'h2',
};

describe('a custom site', () => {
  it('reads entries, tags and titles by the user’s selectors', () => {
    document.body.innerHTML = `
      <article class="item" id="a1"><h2> First  story </h2><p class="tags"><a>Netorare</a> <a>Drama</a></p></article>
      <article class="item"><h2>Second</h2><a href="/s/2">read</a><p class="tags"><a>Fluff</a></p></article>`;
    const adapter = customAdapter(site);
    const entries = [...document.querySelectorAll(adapter.entrySelector)].map((e) => adapter.read(e));
    expect(entries).toEqual([
      { id: 'a1', tags: [{ name: 'Netorare' }, { name: 'Drama' }], title: 'First story', creators: [] },
      { id: '/s/2', tags: [{ name: 'Fluff' }], title: 'Second', creators: [] },
    ]);
    const judge = compile([
      { id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['netorare'] },
    ]).judge;
    expect(entries.map((e) => judge(e).action)).toEqual(['hide', null]);
    // No rule asks about titles: the title selector is not read.
    const first = document.querySelector(adapter.entrySelector);
    expect(first && adapter.read(first, TAGS_ONLY).title).toBe('');
  });

  it('gets an id from its host and checks selectors before they are saved', () => {
    expect(customSiteId('https://Catalog.Example:8443')).toBe('custom-catalog-example-8443');
    expect(selectorProblem('article.item')).toBeNull();
    expect(selectorProblem('article[')).toMatch(/./u);
    expect(selectorProblem('  ')).toBe('empty');
  });
});
