import { describe, expect, it } from 'vitest';
import { checkLines } from './rule-lines';

describe('checkLines', () => {
  it('keeps good lines, drops comments and blanks, and reports bad lines with line and column', () => {
    const { good, errors } = checkLines('gore\n\n# a comment\n/(a+)+$/\nnetorare -vanilla\ngore\n');
    expect(good).toEqual(['gore', 'netorare -vanilla']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: expect.any(Number), text: '/(a+)+$/' });
  });

  it('reads 5,000 rules', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `tag ${i}`).join('\n');
    expect(checkLines(text).good).toHaveLength(5000);
  });
});
