// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compile } from '../rules/compile';
import { defineDictionary, readEntry, type SiteAdapter } from './types';

/** A site that writes its genres in its own words, like DLsite's renamed genres. */
const site: SiteAdapter = {
  id: 'test-site',
  name: 'Test site',
  matches: ['https://example.org/*'],
  entrySelector: 'li',
  read: (el) => ({
    id: el.id,
    title: '',
    creators: [],
    tags: [...el.querySelectorAll('a')].map((a) => ({ name: a.textContent ?? '' })),
  }),
  dictionary: defineDictionary({ 合意なし: 'non-consent', 'NTR（寝取られ）': 'netorare' }),
};

describe('site dictionaries', () => {
  it('give a site spelling its canonical name, kept beside the name as written', () => {
    const li = document.createElement('li');
    for (const name of ['合意なし', 'NTR(寝取られ)', 'Fluff']) {
      const a = document.createElement('a');
      a.textContent = name;
      li.append(a);
    }
    const facts = readEntry(site, li);
    expect(facts.tags).toEqual([
      { name: '合意なし', canonical: 'non-consent' },
      { name: 'NTR(寝取られ)', canonical: 'netorare' },
      { name: 'Fluff' },
    ]);
    const matcher = compile([
      { id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['non consent'] },
    ]);
    expect(matcher.judge(facts).reasons[0]?.tag?.name).toBe('合意なし');
  });
});
