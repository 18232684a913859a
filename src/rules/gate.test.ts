import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { mayMatch, requiredLiterals, unicodeBoundaries } from './regex';
import type { RuleList } from './types';

/**
 * The literal gate (compile.ts) and the text it reads from expressions (requiredLiterals): a subject the
 * gate turns away can match none of the gated patterns. Held to the plain loop over random rules and tags.
 */

describe('requiredLiterals', () => {
  it.each([
    ['\\bguro\\b', ['guro']],
    ['^ntr(?![a-z])', ['ntr']],
    ['\\bnon ?con\\b', ['non', 'con']],
    ['Net(?:o)rare', ['net', 'rare']],
    ['a+bc', ['a', 'bc']],
    ['ab{2}c', ['a', 'c']],
    ['x[yz]w.v', ['x', 'w', 'v']],
    ['cat|dog', []],
    ['(cat|dog)s', ['s']],
    ['寝取られ', []],
    ['\\x67uro', ['uro']],
  ])('%s → %j', (source, literals) => {
    expect(requiredLiterals(unicodeBoundaries(source))).toEqual(literals);
  });

  it('every match contains them (any case, ſ for s, K for k)', () => {
    const char = fc.constantFrom(...'abkKsSſxX1 -_.寝', 'K');
    const atom = fc.oneof(
      { weight: 6, arbitrary: char.map((c) => (c === '.' || c === '-' ? `\\${c}` : c)) },
      fc.constantFrom('.', '[a-k]', '[^x]', '\\d', '\\w', '\\s', '\\b', '\\x61', '\\u{73}', '\\p{L}'),
    );
    const quantified = fc
      .tuple(atom, fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,2}', '+?'))
      .map(([a, q]) => (a === '\\b' ? a : a + q));
    const sequence = fc.array(quantified, { maxLength: 6 }).map((parts) => parts.join(''));
    const source = fc.oneof(
      { weight: 4, arbitrary: sequence },
      fc.tuple(sequence, sequence, sequence).map(([a, b, c]) => `${a}(?:${b}|${c})${a}`),
      fc.tuple(sequence, sequence).map(([a, b]) => `${a}|${b}`),
      fc.tuple(sequence, sequence).map(([a, b]) => `(?<!${a})${b}(?=${a})`),
    );
    const subject = fc.array(char, { maxLength: 12 }).map((c) => c.join(''));
    let matched = 0;
    fc.assert(
      fc.property(
        source,
        fc.array(subject, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('iu', 'u', 'ims u'),
        (src, subjects, flags) => {
          let regex: RegExp;
          try {
            regex = new RegExp(unicodeBoundaries(src), flags.replace(' ', ''));
          } catch {
            return;
          }
          const literals = requiredLiterals(regex.source);
          for (const s of subjects) {
            if (!regex.test(s)) continue;
            matched++;
            expect(mayMatch(s, literals), `/${regex.source}/${regex.flags} on ${JSON.stringify(s)}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(500);
  });
});

describe('the gate', () => {
  const word = fc.constantFrom(
    'net',
    'or',
    'are',
    'ntr',
    'cheat',
    'ing',
    'ſ',
    'K',
    'Sk',
    '寝取',
    'ら',
    'れ',
    ' ',
    '-',
    '(',
    ')',
  );
  const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(''));
  const glob = fc
    .array(fc.oneof(text, fc.constant('*')), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(''));
  const regex = fc
    .tuple(fc.constantFrom('', '^', '\\b'), text, fc.constantFrom('', '$', '\\b', '(?![a-z])', '|cheat'))
    .map(([a, t, b]) => `/${a}${t.replace(/[()]/g, '\\$&')}${b}/`);
  const rule = fc.oneof(
    text,
    glob,
    regex,
    fc.tuple(fc.constantFrom('female', 'freeform'), glob).map(([n, g]) => `${n}:${g}`),
  );
  const tag = fc.record({
    namespace: fc.option(fc.constantFrom('female', 'freeform', 'f'), { nil: undefined }),
    name: text,
  });

  it('gives the verdicts of trying every pattern on every tag', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(tag, { maxLength: 5 }), { maxLength: 6 }),
        (patterns, entries) => {
          const lists: RuleList[] = [{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns }];
          // A clock that stands still: the guard never switches an expression off (a slow first compile under
          // load would, in one matcher and not the other).
          const gated = compile(lists, { clock: () => 0 });
          const plain = compile(lists, { ungated: true, clock: () => 0 });
          for (const [i, tags] of entries.entries()) {
            const facts = { id: `${i}`, tags, title: '', creators: [] };
            expect(gated.judge(facts)).toEqual(plain.judge(facts));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
