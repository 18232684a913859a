import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, compileWith } from './compile';
import { isParsedLines } from './parsed-lines';
import { QUADRATIC, SAFE, SLOW } from './redos-corpus';
import { fromChecked, isPreparedRegexes, prepareLines } from './regex-verdicts';
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

describe('lines parsed and checked in the background (what a page compiles from, without parser or check)', () => {
  it('a matcher compiled from them judges and reports problems as one compiled with the parser and check', () => {
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
        const full = compile({ lists }, { site: 'ao3' });
        // From the lines the background parsed and checked (what the snapshot carries, through storage).
        const checked = JSON.parse(JSON.stringify(prepareLines([...patterns, ...own])));
        expect(isPreparedRegexes(checked.regex)).toBe(true);
        expect(isParsedLines(checked.parsed)).toBe(true);
        const fromParsed = compileWith({ lists }, { site: 'ao3', ...fromChecked(checked) });
        expect(fromParsed.errors).toEqual(full.errors);
        expect(fromParsed.ruleCount).toBe(full.ruleCount);
        for (const tag of TAGS) {
          const [namespace, name] = tag.includes(':') ? tag.split(':') : [undefined, tag];
          const entry: EntryFacts = {
            id: '1',
            tags: [{ name: name ?? '', namespace }],
            title: '',
            creators: [],
          };
          expect(fromParsed.judge(entry)).toEqual(full.judge(entry));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a page compiles from the lines the background parsed, and refuses one it was not given, unread', () => {
    const { regex, parsed } = prepareLines(['netorare']);
    // A stored parse says what the line means (here doctored, to show it is the one used).
    const doctored = {
      ...parsed,
      netorare: {
        ok: true as const,
        rule: {
          source: 'netorare',
          terms: [{ mode: 'all' as const, atom: { kind: 'tag' as const, name: 'fluff' } }],
        },
      },
    };
    const matcher = compileWith(
      { lists: [list(['netorare', 'gore'])] },
      fromChecked({ regex, parsed: doctored }),
    );
    const judged = (name: string) =>
      matcher.judge({ id: '1', tags: [{ name }], title: '', creators: [] }).action;
    expect(judged('fluff')).toBe('hide');
    expect(judged('netorare')).toBeNull();
    // Not in the stored parses: a page has no parser, so the line is not applied, and the popup says why.
    expect(judged('gore')).toBeNull();
    expect(matcher.ruleCount).toBe(1);
    expect(matcher.errors).toEqual([
      { code: 'ruleUnchecked', params: [], column: 1, listId: 'l', listName: 'List', line: 1, text: 'gore' },
    ]);
    // The first source that covers a line is used: the popup's parse of its typed rule, then the snapshot's.
    const both = compileWith(
      { lists: [list(['netorare', 'gore'])] },
      fromChecked(prepareLines(['gore']), { regex, parsed: doctored }),
    );
    expect(both.errors).toEqual([]);
    expect(both.judge({ id: '1', tags: [{ name: 'gore' }], title: '', creators: [] }).action).toBe('hide');
  });

  it('stored parses that do not read are refused', () => {
    const { parsed } = prepareLines(['netorare', '/^ntr/', 'title:"x"', '"unclosed']);
    expect(isParsedLines(JSON.parse(JSON.stringify(parsed)))).toBe(true);
    const rule = (atom: unknown) => ({
      x: { ok: true, rule: { source: 'x', terms: [{ mode: 'all', atom }] } },
    });
    expect(isParsedLines(rule({ kind: 'tag', name: 'x' }))).toBe(true);
    expect(isParsedLines(rule({ kind: 'explode', name: 'x' }))).toBe(false);
    expect(isParsedLines(rule({ kind: 'regex', source: 'x' }))).toBe(false);
    expect(
      isParsedLines({
        x: { ok: true, rule: { source: 'x', terms: [{ mode: 'maybe', atom: { kind: 'tag', name: 'x' } }] } },
      }),
    ).toBe(false);
    expect(
      isParsedLines({ x: { ok: false, error: { code: 'nope', params: [], column: 1, message: '' } } }),
    ).toBe(false);
    expect(isParsedLines({ x: { ok: 'yes' } })).toBe(false);
    expect(isParsedLines([])).toBe(false);
  });

  it('an expression nothing prepared never reaches the matcher: it is refused, and said so', () => {
    const lines = ['/^ntr/', 'netorare', '/(a+)+$/'];
    const { parsed } = prepareLines(lines);
    const matcher = compileWith(
      { lists: [list(['/^ntr/', 'netorare'])] },
      fromChecked({ parsed, regex: {} }),
    );
    expect(matcher.ruleCount).toBe(1);
    expect(matcher.errors.map((e) => e.code)).toEqual(['regexUnchecked']);
    const ntr: EntryFacts = { id: '1', tags: [{ name: 'ntr' }], title: '', creators: [] };
    expect(matcher.judge(ntr).action).toBeNull();
    // Another expression prepared does not stand for this one; a slow one is refused with its reason.
    const other = compileWith(
      { lists: [list(['/^ntr/'])] },
      fromChecked({ parsed, regex: prepareLines(['/^ntrx/']).regex }),
    );
    expect(other.errors.map((e) => e.code)).toEqual(['regexUnchecked']);
    const slow = compileWith({ lists: [list(['/(a+)+$/'])] }, fromChecked(prepareLines(lines)));
    expect(slow.errors.map((e) => e.code)).toEqual(['slowExponential']);
  });

  it('prepared expressions that do not read are refused; one that does not build is refused as invalid', () => {
    expect(isPreparedRegexes(prepareLines(['/^ntr\\b/', 'a /b/s']).regex)).toBe(true);
    expect(isPreparedRegexes({ '/a/': ['a', 'iu', ['a']] })).toBe(true);
    expect(isPreparedRegexes({ '/a/': ['a', 'iug', ['a']] })).toBe(false);
    expect(isPreparedRegexes({ '/a/': ['a', 'iu', [1]] })).toBe(false);
    expect(isPreparedRegexes({ '/a/': ['a', 'iu'] })).toBe(false);
    expect(isPreparedRegexes({ '/a/': null })).toBe(false);
    expect(isPreparedRegexes({ 'a/': ['a', 'iu', []] })).toBe(false);
    expect(isPreparedRegexes([])).toBe(false);
    expect(isPreparedRegexes(null)).toBe(false);
    const { parsed } = prepareLines(['/a/']);
    const broken = compileWith(
      { lists: [list(['/a/'])] },
      fromChecked({ parsed, regex: { '/a/': ['(', 'iu', []] } }),
    );
    expect(broken.errors.map((e) => e.code)).toEqual(['regexInvalid']);
  });
});
