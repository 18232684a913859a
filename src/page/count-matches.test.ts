// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { worksPage } from '../../tests/e2e/pages';
import { compileWith } from '../rules/compile';
import { fromChecked, prepareLines } from '../rules/regex-verdicts';
import { ao3 } from '../sites/ao3';
import { countMatches } from './count-matches';

function page(count: number): Document {
  return new DOMParser().parseFromString(worksPage(count), 'text/html');
}

/** The rule as the popup sends it: parsed, its expressions checked (the page has neither parser nor check). */
const count = (rule: string, aliases: string[][] = []) =>
  countMatches(page(20), ao3, rule, aliases, fromChecked(prepareLines([rule])), compileWith);

describe('countMatches', () => {
  it('counts the entries a typed rule would match, before it is saved', () => {
    // Works 0, 7 and 14 of 20 carry "Netorare".
    expect(count('netorare')).toEqual({ entries: 20, matches: 3 });
    expect(count('freeform:ｎｅｔｏｒａｒｅ')).toEqual({ entries: 20, matches: 3 });
    expect(count('netorere')).toEqual({ entries: 20, matches: 0 });
  });

  it('counts through the user’s alias groups, and a rule that does not read matches nothing', () => {
    expect(count('ntr', [['netorare', 'ntr']])).toEqual({ entries: 20, matches: 3 });
    expect(count('/(a+)+$/')).toEqual({ entries: 20, matches: 0 });
    expect(count('"netorare')).toEqual({ entries: 20, matches: 0 });
  });

  it('counts a typed expression by the popup’s parse and verdicts; a rule nobody parsed or checked matches nothing', () => {
    expect(count('/^netor/')).toEqual({ entries: 20, matches: 3 });
    expect(count('/(n+)+etorare/')).toEqual({ entries: 20, matches: 0 });
    // Sent without its parse (an older popup): not read here, where there is no parser.
    expect(countMatches(page(20), ao3, 'netorare', [], fromChecked(), compileWith)).toEqual({
      entries: 20,
      matches: 0,
    });
    // Parsed, but its expression without a verdict: refused, as in the page's matcher.
    const { parsed } = prepareLines(['/^netor/']);
    expect(countMatches(page(20), ao3, '/^netor/', [], fromChecked({ parsed }), compileWith)).toEqual({
      entries: 20,
      matches: 0,
    });
  });
});
