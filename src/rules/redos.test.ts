import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishRuleMessage } from './messages';
import { analyseRegex, MAX_SAFE_DEGREE, obviouslyLinear } from './redos';
import { QUADRATIC, SAFE, SLOW } from './redos-corpus';
import { compileRegex } from './regex';

describe('the ReDoS check on the corpus', () => {
  it.each(SLOW)('refuses /%s/%s (%s)', (source, flags) => {
    expect(analyseRegex(source, `${flags}iu`).safe).toBe(false);
    const compiled = compileRegex(source, flags);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(englishRuleMessage(compiled)).toMatch(/freeze the page/u);
  });

  it.each(QUADRATIC)(
    'accepts /%s/%s (%s): quadratic, on at most MAX_REGEX_INPUT characters',
    (source, flags) => {
      expect(analyseRegex(source, `${flags}iu`).complexity).toEqual({ kind: 'polynomial', degree: 2 });
      expect(compileRegex(source, flags).ok).toBe(true);
    },
  );

  it.each(SAFE)('accepts /%s/%s', (source, flags) => {
    expect(compileRegex(source, flags).ok).toBe(true);
  });

  it('detects every slow expression of the corpus and refuses no safe one', () => {
    const refused = (list: typeof SLOW) => list.filter(([s, f]) => !compileRegex(s, f).ok).length;
    expect([refused(SLOW), refused(QUADRATIC), refused(SAFE)]).toEqual([SLOW.length, 0, 0]);
  });
});

describe('what the check finds', () => {
  it.each([
    ['(a|a)*b', 'exponential'],
    ['(a+)+$', 'exponential'],
    ['(?:a|a){20}b', 'exponential'], // a count does not hide it
    ['(a{1,10}){1,10}$', 'exponential'],
  ])('%s is %s', (source, kind) => {
    expect(analyseRegex(source, 'iu').complexity.kind).toBe(kind);
  });

  it('counts the degree: each loop that can take over the text of the one before, and the search', () => {
    expect(analyseRegex('\\w*\\w*\\w*\\w*\\w*x', 'iu').complexity).toEqual({ kind: 'polynomial', degree: 6 });
    expect(analyseRegex('^\\w*\\w*x', 'iu').complexity).toEqual({ kind: 'polynomial', degree: 2 });
    expect(analyseRegex('\\w*\\w*x', 'iu').complexity).toEqual({ kind: 'polynomial', degree: 3 });
    // Loops over different characters hand nothing over.
    expect(analyseRegex('^[a-z]*[0-9]*x', 'iu').complexity).toEqual({ kind: 'linear' });
    // A counted repetition is written out: \d{4}\d{4} is no pair of loops.
    expect(analyseRegex('^\\d{4}\\d{4}x', 'iu').complexity).toEqual({ kind: 'linear' });
    expect(MAX_SAFE_DEGREE).toBe(2);
  });

  it('knows the engine stops at the first success', () => {
    // Nothing after the loop: the first character matches, whatever the loop's ambiguity.
    expect(analyseRegex('(a+)+', 'iu').safe).toBe(true);
    expect(analyseRegex('^(a|a)*', 'iu').safe).toBe(true);
    // An end anchor can fail: the engine tries every way before giving up.
    expect(analyseRegex('(a+)+$', 'iu').safe).toBe(false);
  });

  it('sees classes that overlap, through case folding too', () => {
    expect(analyseRegex('^(?:[a-f]|[f-z])+$', 'iu').safe).toBe(false);
    expect(analyseRegex('^(?:[a-e]|[f-z])+$', 'iu').safe).toBe(true);
    expect(analyseRegex('^(?:[A-Z]|k)+$', 'iu').safe).toBe(false); // k is K when case does not matter
    expect(analyseRegex('^(?:\\p{Script=Greek}|α)+$', 'iu').safe).toBe(false);
    expect(analyseRegex('^(?:\\p{Script=Greek}|a)+$', 'iu').safe).toBe(true);
  });

  it('checks look-arounds and back-references', () => {
    expect(analyseRegex('(?=(\\w+)+x)', 'iu').safe).toBe(false);
    expect(analyseRegex('(?<!(a|a)+b)c', 'iu').safe).toBe(false);
    expect(analyseRegex('^(\\w+) x \\1$', 'iu').safe).toBe(true);
    // Run at every place the loops before it reach, a look-around's own loop adds a degree.
    expect(analyseRegex('[a-z]+(?=[a-z]{0,200}!)', 'iu').complexity).toEqual({
      kind: 'polynomial',
      degree: 3,
    });
    expect(analyseRegex('[a-z]+(?<=\\p{L}{1,50})x', 'iu').safe).toBe(false);
    expect(analyseRegex('(?=.*x)', 'iu').complexity).toEqual({ kind: 'polynomial', degree: 2 });
    expect(analyseRegex('^(?=.*x)', 'iu').complexity).toEqual({ kind: 'linear' });
  });

  it('refuses an expression too large to check rather than guess', () => {
    expect(analyseRegex('(?:(?:a|b){30}c){30}', 'iu')).toMatchObject({ safe: false });
  });

  it('points at the loop that makes it slow', () => {
    expect(compileRegex('(a+)+$', '')).toMatchObject({ ok: false, offset: 4 });
    expect(compileRegex('x\\w*\\w*\\w*y', '')).toMatchObject({ ok: false });
  });
});

describe('obviouslyLinear (no analysis needed)', () => {
  it('holds for expressions without repetition, back-references or many choices', () => {
    for (const s of ['^ntr\\b', '^(netorare|ntr|cheating)$', 'cheat(ing|er)?', '[*+{}]', '\\*\\+']) {
      expect(obviouslyLinear(s)).toBe(true);
    }
    for (const s of ['a+', 'a*', 'a{2}', 'a{2,}', '(a)\\1', '\\k<x>', `${'(a|a)'.repeat(11)}`]) {
      expect(obviouslyLinear(s)).toBe(false);
    }
  });

  it('never says linear where the analysis finds a loop or many choices', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      '\\w',
      '.',
      '|',
      '(',
      ')',
      '(?:',
      '?',
      '*',
      '+',
      '{2}',
      '[a*]',
      '\\+',
      '$',
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), (tokens) => {
        const s = tokens.join('');
        try {
          new RegExp(s, 'iu');
        } catch {
          return true;
        }
        if (!obviouslyLinear(s)) return true;
        const { complexity } = analyseRegex(s, 'iu');
        return complexity.kind === 'linear' || complexity.kind === 'bounded';
      }),
      { numRuns: 1000 },
    );
  });
});
