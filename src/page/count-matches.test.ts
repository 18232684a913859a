// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { worksPage } from '../../tests/e2e/pages';
import { checkedBy, regexVerdicts } from '../rules/regex-verdicts';
import { ao3 } from '../sites/ao3';
import { countMatches } from './count-matches';

function page(count: number): Document {
  return new DOMParser().parseFromString(worksPage(count), 'text/html');
}

describe('countMatches', () => {
  it('counts the entries a typed rule would match, before it is saved', () => {
    // Works 0, 7 and 14 of 20 carry "Netorare".
    expect(countMatches(page(20), ao3, 'netorare')).toEqual({ entries: 20, matches: 3 });
    expect(countMatches(page(20), ao3, 'freeform:ｎｅｔｏｒａｒｅ')).toEqual({ entries: 20, matches: 3 });
    expect(countMatches(page(20), ao3, 'netorere')).toEqual({ entries: 20, matches: 0 });
  });

  it('counts through the user’s alias groups, and a rule that does not read matches nothing', () => {
    expect(countMatches(page(20), ao3, 'ntr', [['netorare', 'ntr']])).toEqual({ entries: 20, matches: 3 });
    expect(countMatches(page(20), ao3, '/(a+)+$/')).toEqual({ entries: 20, matches: 0 });
  });

  it('counts a typed expression by the popup’s ReDoS verdicts; one nobody checked matches nothing', () => {
    const rule = '/^netor/';
    expect(countMatches(page(20), ao3, rule, [], checkedBy(regexVerdicts([rule])))).toEqual({
      entries: 20,
      matches: 3,
    });
    expect(countMatches(page(20), ao3, rule)).toEqual({ entries: 20, matches: 0 });
    const slow = '/(n+)+etorare/';
    expect(countMatches(page(20), ao3, slow, [], checkedBy(regexVerdicts([slow])))).toEqual({
      entries: 20,
      matches: 0,
    });
  });
});
