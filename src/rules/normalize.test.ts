import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldTag, splitNamespace } from './normalize';

describe('fold', () => {
  it.each([
    ['Netorare', 'netorare'],
    ['ＮＥＴＯＲＡＲＥ', 'netorare'],
    ['ｎｅｔｏｒａｒｅ', 'netorare'],
    ['  netorare  ', 'netorare'],
    ['big_breasts', 'big breasts'],
    ['big-breasts', 'big breasts'],
    ['big   \t breasts', 'big breasts'],
    ['ネトラレ', 'ねとられ'],
    ['ﾈﾄﾗﾚ', 'ねとられ'],
    ['寝取られ', '寝取られ'],
    ['Major Character Death', 'major character death'],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => fold(fold(s)) === fold(s)),
      { numRuns: 2000 },
    );
  });
});

describe('foldTag', () => {
  it('reads a trailing ♀ or ♂ as the female or male namespace', () => {
    expect(foldTag({ name: 'netorare ♀' })).toEqual({ namespace: 'female', name: 'netorare' });
    expect(foldTag({ name: 'netorare♂' })).toEqual({ namespace: 'male', name: 'netorare' });
  });

  it('expands E-Hentai namespace abbreviations', () => {
    expect(foldTag({ namespace: 'f', name: 'Netorare' })).toEqual({ namespace: 'female', name: 'netorare' });
    expect(foldTag({ namespace: 'Female', name: 'netorare' })).toEqual({
      namespace: 'female',
      name: 'netorare',
    });
  });
});

describe('splitNamespace', () => {
  it('splits ns:tag', () => {
    expect(splitNamespace('female:netorare')).toEqual({ namespace: 'female', name: 'netorare' });
  });

  it('keeps a colon followed by a space inside the name', () => {
    expect(splitNamespace('Star Wars: The Clone Wars')).toEqual({ name: 'Star Wars: The Clone Wars' });
  });
});
