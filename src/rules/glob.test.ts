import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatcher } from './glob';

/** What a glob means, written the obvious way: the pattern as an anchored regular expression. */
function reference(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'su');
}

describe('globMatcher', () => {
  it('anchors at both ends, * for any run of characters (none too)', () => {
    const cheating = globMatcher('*cheating*');
    expect(cheating('cheating')).toBe(true);
    expect(cheating('past cheating mention')).toBe(true);
    expect(cheating('cheat')).toBe(false);
    expect(globMatcher('star *')('star wars')).toBe(true);
    expect(globMatcher('star *')('a star wars')).toBe(false);
    expect(globMatcher('ab*ba')('aba')).toBe(false);
    expect(globMatcher('ab*ba')('abba')).toBe(true);
    expect(globMatcher('a*b*c')('a c b')).toBe(false);
    expect(globMatcher('a*b*c')('a b c')).toBe(true);
    expect(globMatcher('*')('')).toBe(true);
    expect(globMatcher('netorare')('netorare')).toBe(true);
    expect(globMatcher('netorare')('netorare x')).toBe(false);
    expect(globMatcher('寝取*')('寝取られ')).toBe(true);
    expect(globMatcher('*😀*')('a😀b')).toBe(true);
  });

  it('agrees with the anchored regular expression on any pattern and text', () => {
    // A small alphabet, so that patterns and texts meet often; * and regex metacharacters included.
    const char = fc.constantFrom('a', 'b', 'c', ' ', '.', '+', '(', '😀', 'ね');
    const pattern = fc.array(fc.oneof(char, fc.constant('*')), { maxLength: 8 }).map((cs) => cs.join(''));
    const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(pattern, text, (p, t) => globMatcher(p)(t) === reference(p).test(t)),
      { numRuns: 5000 },
    );
  });
});
