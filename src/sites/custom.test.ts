// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { englishText, localeText } from '../../tests/locale-text';
import { compile } from '../rules/compile';
import { TAGS_ONLY } from '../rules/types';
import { msg } from '../settings/message';
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
    expect(selectorProblem('article[')).toEqual(msg('selectorError_unclosed'));
    expect(selectorProblem('div >> p')).toEqual(msg('selectorError_invalid'));
    expect(selectorProblem('  ')).toEqual(msg('selectorError_empty'));
    expect(selectorProblem('a'.repeat(301))).toEqual(msg('selectorError_tooLong', 300));
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
    const problem = selectorTextProblem(selector);
    expect(problem?.key).toMatch(/^selectorError_/u);
    expect(selectorProblem(selector)).toEqual(problem);
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

describe('why a selector is refused', () => {
  const BAD = [
    '',
    'a'.repeat(301),
    'article\\',
    'a{}',
    'a;b',
    '@import x',
    'a/**/b',
    'a<!--',
    'a\nb',
    'a[title="x',
    'article[',
    'a::-never-a-pseudo(',
    'div >> p',
  ];
  const ja = localeText('ja');

  it('is a locale key with its values, never the browser’s own (English) reason', () => {
    for (const selector of BAD) {
      const problem = selectorProblem(selector);
      expect(problem, selector).not.toBeNull();
      expect(problem?.key, selector).toMatch(/^selectorError_/u);
    }
  });

  it('reads in Japanese in a Japanese browser, in the site form, the picker and an import alike', () => {
    for (const selector of BAD) {
      const said = ja(selectorProblem(selector));
      expect(said, selector).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(said, selector).not.toMatch(/[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/u);
      // The form and the picker put it in their own sentence; an import names the field.
      expect(ja(msg('selectorBad', '各エントリー', selectorProblem(selector) ?? '')), selector).not.toMatch(
        /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/u,
      );
    }
    const issues = CustomSiteSchema.safeParse({ ...site, tagSelector: 'a{}' }).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(['msg_fileSelector']);
  });
});
