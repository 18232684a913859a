import { describe, expect, it } from 'vitest';
import { checkLines } from '../ui/rule-lines';
import {
  gutter,
  lineAt,
  lineRange,
  mergeOrdered,
  rebaseText,
  storedLines,
  textAfterSave,
} from './editor-model';

describe('storedLines', () => {
  it('keeps every line as written, in the user’s order, bad lines and notes included', () => {
    expect(storedLines('zeta\n\n/(a+)+$/\n# note\nalpha\nzeta\n')).toEqual([
      'zeta',
      '/(a+)+$/',
      '# note',
      'alpha',
    ]);
  });
});

describe('mergeOrdered', () => {
  it('is the edit itself, in its order, when nothing changed meanwhile', () => {
    expect(mergeOrdered(['a', 'b', 'c'], ['c', 'new', 'a', 'b'], ['a', 'b', 'c'])).toEqual([
      'c',
      'new',
      'a',
      'b',
    ]);
  });

  it('keeps others’ additions (after the user’s lines) and their removals', () => {
    expect(mergeOrdered(['a', 'b', 'c'], ['a', 'x', 'c'], ['a', 'b', 'c', 'y'])).toEqual([
      'a',
      'x',
      'c',
      'y',
    ]);
    expect(mergeOrdered(['a', 'b'], ['b', 'a', 'c'], ['a'])).toEqual(['a', 'c']);
  });

  it('an edited line stays where the user put it', () => {
    // The old merge moved "cheating*" (an edited "cheating") to the end.
    expect(mergeOrdered(['a', 'cheating', 'z'], ['a', 'cheating*', 'z'], ['a', 'cheating', 'z'])).toEqual([
      'a',
      'cheating*',
      'z',
    ]);
  });
});

describe('rebaseText', () => {
  it('brings in a rule added elsewhere, keeps the user’s unsaved lines and bad lines in place', () => {
    expect(rebaseText(['a', 'b'], 'b\n/(a+)+$/\na\nmine', ['a', 'b', 'other'])).toBe(
      'b\n/(a+)+$/\na\nmine\nother',
    );
  });

  it('drops a rule removed elsewhere that the user had not touched', () => {
    expect(rebaseText(['a', 'b'], 'a\nb\nmine', ['a'])).toBe('a\nmine');
  });
});

describe('gutter and lines', () => {
  it('marks the lines that do not read', () => {
    const text = 'ok\n/(a+)+$/\nfine';
    expect(gutter(text, checkLines(text))).toEqual([
      { line: 1, error: false },
      { line: 2, error: true },
      { line: 3, error: false },
    ]);
  });

  it('finds a line’s range and the line at an offset', () => {
    const text = 'one\ntwo\nthree';
    expect(lineRange(text, 2)).toEqual([4, 7]);
    expect(lineRange(text, 3)).toEqual([8, 13]);
    expect(lineAt(text, 5)).toBe(2);
  });
});

describe('textAfterSave', () => {
  const long = 'x'.repeat(600);

  it('shows what was stored when nothing was left out and nothing typed meanwhile', () => {
    expect(textAfterSave(['b', 'a'], 'b\n\na', 'b\n\na', ['b', 'a'])).toEqual({ text: 'b\na', dropped: [] });
  });

  it('keeps a line the writer left out in the box, as the user wrote it', () => {
    expect(textAfterSave(['a', long], `a\n${long}`, `a\n${long}`, ['a'])).toEqual({
      text: `a\n${long}`,
      dropped: [long],
    });
  });

  it('keeps what was typed while the save ran', () => {
    expect(textAfterSave(['a'], 'a', 'a\nhalf typ', ['a'])).toEqual({ text: 'a\nhalf typ', dropped: [] });
  });
});
