import { describe, expect, it } from 'vitest';
import { checkLines, mergeEdit } from './rule-lines';

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

describe('mergeEdit', () => {
  it('applies the user’s removals and additions to the newest rules, keeping others’ additions', () => {
    const base = ['a', 'b', 'c'];
    const edited = ['a', 'c', 'd'];
    const latest = ['a', 'b', 'c', 'x'];
    expect(mergeEdit(base, edited, latest)).toEqual(['a', 'c', 'x', 'd']);
  });

  it('is the edit itself when nothing changed meanwhile', () => {
    expect(mergeEdit(['a', 'b'], ['b', 'c'], ['a', 'b'])).toEqual(['b', 'c']);
  });

  it('does not bring back a rule someone else removed meanwhile', () => {
    expect(mergeEdit(['a', 'b'], ['a', 'b', 'c'], ['a'])).toEqual(['a', 'c']);
  });
});
