import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unicodeBoundaries } from './regex';
import { boundaryProperty } from './regex-properties';

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
    const stats = { compared: 0 };
    fc.assert(boundaryProperty(stats), { numRuns: 2000 }); // npm run fuzz: 100,000
    expect(stats.compared).toBeGreaterThan(500);
  }, 30_000); // each run compiles two Unicode expressions: seconds on a busy machine
});
