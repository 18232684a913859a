// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { compile } from '../rules/compile';
import { TAGS_ONLY } from '../rules/types';
import { repairSettings } from '../settings/repair';
import { CustomSiteSchema, defaultSettings } from '../settings/schema';
import { customAdapter, customSiteId, selectorProblem, selectorTextProblem } from './custom';

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

  it.each([
    ['a rule after it', 'article.item{} body{display:none}'],
    ['a declaration', 'a;color:red'],
    ['an at-rule', '@import url(https://x.example/a.css)'],
    ['a comment', 'a/**/b'],
    ['an HTML comment mark', 'a<!--'],
    ['an escaped brace', 'a\\7b display:none'],
    ['an escaped brace, by its character', 'a\\{'],
    ['a newline', 'article\n.item'],
    ['an escape of nothing', 'article\\'],
    ['an unclosed string', 'a[title="x'],
    ['an unclosed bracket', 'a:is(b'],
  ])('refuses a selector with %s, in the form, an import and stored settings alike', (_, selector) => {
    expect(selectorTextProblem(selector)).toMatch(/./u);
    expect(selectorProblem(selector)).toMatch(/./u);
    const crafted = { ...site, entrySelector: selector };
    expect(CustomSiteSchema.safeParse(crafted).success).toBe(false);
    const { settings, problems } = repairSettings({ ...defaultSettings(), customSites: [crafted, site] });
    expect(settings.customSites).toEqual([site]);
    expect(problems.map(englishText)).toEqual([expect.stringContaining('customSites[0]')]);
  });

  it.each([
    'article.item',
    'ul > li.work:not(.hidden)',
    'a[title="x; y"]'.replace(';', ','),
    '.md\\:flex > a',
    'div[data-kind="story"], li:is(.a, .b)',
  ])('keeps a plain selector list: %s', (selector) => {
    expect(selectorProblem(selector)).toBeNull();
    expect(CustomSiteSchema.safeParse({ ...site, tagSelector: selector }).success).toBe(true);
  });
});
