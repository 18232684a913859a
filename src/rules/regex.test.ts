import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseRegex } from './redos';
import { unicodeBoundaries } from './regex';

const W = '[\\p{L}\\p{N}_]';

describe('unicodeBoundaries', () => {
  it('next to a plain letter, one look-around; elsewhere both sides', () => {
    expect(unicodeBoundaries('\\bscat\\b')).toBe(`(?:(?<!${W}))scat(?:(?!${W}))`);
    expect(unicodeBoundaries('\\Bx')).toBe(`(?:(?<=${W}))x`);
    expect(unicodeBoundaries('x\\B')).toBe(`x(?:(?=${W}))`);
    // The letter after may be absent (x?), or the thing before is not a plain letter: the long form.
    expect(unicodeBoundaries('\\bx?')).toBe(unicodeBoundaries('\\bx?', false));
    expect(unicodeBoundaries('\\x2d\\b')).toBe(unicodeBoundaries('\\x2d\\b', false));
    expect(unicodeBoundaries('(a)\\b')).toBe(unicodeBoundaries('(a)\\b', false));
    // Inside a class \b is a backspace, left alone.
    expect(unicodeBoundaries('[\\b]')).toBe('[\\b]');
  });

  it('the short form matches exactly what the long form matches', () => {
    // Letters, escapes, classes, groups and quantifiers; \b and \B twice, so they come up often.
    const tokens = String.raw`a b é _ 1 - ね \b \B \b \B . * + ? | ( ) (?: [ab] [\b] \x2d \x41 \u0041 \u{2d} \cJ \d \w \p{L} {2} {0,1} ^ $ (a)\1`;
    const token = fc.constantFrom(' ', ...tokens.split(' '));
    const source = fc.array(token, { minLength: 1, maxLength: 8 }).map((ts) => ts.join(''));
    const text = fc
      .array(fc.constantFrom('a', 'b', 'A', 'é', '_', '1', ' ', '-', '\n', 'ね', 'x'), { maxLength: 10 })
      .map((cs) => cs.join(''));
    let compared = 0;
    fc.assert(
      fc.property(source, fc.array(text, { minLength: 1, maxLength: 5 }), (s, texts) => {
        const compileBoth = (simplify: boolean) => {
          try {
            return new RegExp(unicodeBoundaries(s, simplify), 'iu');
          } catch {
            return null;
          }
        };
        const short = compileBoth(true);
        const long = compileBoth(false);
        // Not an expression at all: refused in both forms alike.
        if (!short || !long) return short === long;
        if (!analyseRegex(s, 'iu').safe) return true; // refused before it is ever compiled
        compared++;
        for (const t of texts) {
          const a = short.exec(t);
          const b = long.exec(t);
          if (a?.index !== b?.index || a?.[0] !== b?.[0]) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(500);
  }, 30_000); // each run compiles two Unicode expressions: seconds on a busy machine
});
