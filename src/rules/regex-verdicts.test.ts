import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, compileWith } from './compile';
import { QUADRATIC, SAFE, SLOW } from './redos-corpus';
import { checkedBy, isSlowVerdicts, regexVerdicts } from './regex-verdicts';
import type { EntryFacts, RuleList } from './types';

const list = (patterns: string[], exceptions?: string[]): RuleList => ({
  id: 'l',
  name: 'List',
  enabled: true,
  action: 'hide',
  patterns,
  ...(exceptions ? { exceptions } : {}),
});

const TAGS = ['netorare', 'ntr', 'no cheating', 'aaaa', 'xxy', 'female:rape', 'post-canon'];

describe('the ReDoS check’s verdicts (what a page compiles with instead of the check)', () => {
  it('a matcher compiled from the verdicts judges and reports problems as one compiled with the check', () => {
    const expressions = [
      ...[...SLOW.slice(0, 15), ...QUADRATIC.slice(0, 5), ...SAFE.slice(0, 20)].map(
        ([source, flags]) => `/${source}/${flags}`,
      ),
      '/^ntr\\b/',
      '/no (cheating|ntr)/',
      '/(/',
      '//',
    ];
    const line = fc.oneof(
      fc.constantFrom(...expressions),
      fc.constantFrom(...TAGS, 'netorare -ntr', '~ntr ~xxy'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 2 }), (patterns, own) => {
        const lists = [list(patterns, own)];
        const verdicts = JSON.parse(JSON.stringify(regexVerdicts([...patterns, ...own])));
        expect(isSlowVerdicts(verdicts)).toBe(true);
        const full = compile({ lists }, { site: 'ao3' });
        const page = compileWith({ lists }, { site: 'ao3', slow: checkedBy(verdicts) });
        expect(page.errors).toEqual(full.errors);
        expect(page.ruleCount).toBe(full.ruleCount);
        for (const tag of TAGS) {
          const [namespace, name] = tag.includes(':') ? tag.split(':') : [undefined, tag];
          const entry: EntryFacts = {
            id: '1',
            tags: [{ name: name ?? '', namespace }],
            title: '',
            creators: [],
          };
          expect(page.judge(entry)).toEqual(full.judge(entry));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an expression no verdict covers never reaches the matcher: it is refused, and said so', () => {
    const matcher = compileWith({ lists: [list(['/^ntr/', 'netorare'])] }, { slow: checkedBy({}) });
    expect(matcher.ruleCount).toBe(1);
    expect(matcher.errors.map((e) => e.code)).toEqual(['regexUnchecked']);
    const ntr: EntryFacts = { id: '1', tags: [{ name: 'ntr' }], title: '', creators: [] };
    expect(matcher.judge(ntr).action).toBeNull();
    // A verdict for another expression does not stand for this one; a slow one is refused with its reason.
    const other = compileWith({ lists: [list(['/^ntr/'])] }, { slow: checkedBy(regexVerdicts(['/^ntrx/'])) });
    expect(other.errors.map((e) => e.code)).toEqual(['regexUnchecked']);
    const slow = compileWith(
      { lists: [list(['/(a+)+$/'])] },
      { slow: checkedBy(regexVerdicts(['/(a+)+$/'])) },
    );
    expect(slow.errors.map((e) => e.code)).toEqual(['slowExponential']);
  });

  it('a verdict that claims an unknown problem, or is not one, does not read', () => {
    expect(isSlowVerdicts({ '/a/iu': null })).toBe(true);
    expect(isSlowVerdicts({ '/a/iu': { offset: 1, code: 'slowPolynomial', params: [3] } })).toBe(true);
    expect(isSlowVerdicts({ '/a/iu': { offset: 1, code: 'explode', params: [] } })).toBe(false);
    expect(isSlowVerdicts({ '/a/iu': { offset: 1.5, code: 'slowPolynomial', params: [] } })).toBe(false);
    expect(isSlowVerdicts({ 'a/iu': null })).toBe(false);
    expect(isSlowVerdicts({ '/a/iu': false })).toBe(false);
    expect(isSlowVerdicts([])).toBe(false);
    expect(isSlowVerdicts(null)).toBe(false);
  });
});
