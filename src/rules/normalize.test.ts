import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldTag } from './normalize';

describe('fold', () => {
  it.each([
    ['Netorare', 'netorare'],
    ['ＮＥＴＯＲＡＲＥ', 'netorare'],
    ['ｎｅｔｏｒａｒｅ', 'netorare'],
    ['  netorare  ', 'netorare'],
    ['big_breasts', 'big breasts'],
    ['big-breasts', 'big breasts'],
    ['big.breasts', 'big breasts'],
    ['big   \t breasts', 'big breasts'],
    ['ネトラレ', 'ねとられ'],
    ['ﾈﾄﾗﾚ', 'ねとられ'],
    ['スーパー', 'すーぱー'],
    ['が', 'が'],
    ['寝取られ', '寝取られ'],
    ['Café', 'cafe'],
    ['Pokémon', 'pokemon'],
    ['"Netorare!"', 'netorare'],
    ['(ntr)', 'ntr'],
    ['Major Character Death', 'major character death'],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('makes every spelling of netorare meet', () => {
    const spellings = ['Netorare', 'NETORARE', 'ｎｅｔｏｒａｒｅ', ' netorare ', 'netorare.'];
    expect(new Set(spellings.map(fold))).toEqual(new Set(['netorare']));
    expect(fold('ネトラレ')).toBe(fold('ねとられ'));
    expect(fold('ﾈﾄﾗﾚ')).toBe(fold('ネトラレ'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => fold(fold(s)) === fold(s)),
      { numRuns: 3000 },
    );
  });
});

describe('foldTag', () => {
  it('reads a trailing ♀ or ♂ as the female or male namespace', () => {
    expect(foldTag({ name: 'netorare ♀' })).toMatchObject({ namespace: 'female', name: 'netorare' });
    expect(foldTag({ name: 'netorare♂' })).toMatchObject({ namespace: 'male', name: 'netorare' });
  });

  it('expands E-Hentai namespace abbreviations', () => {
    expect(foldTag({ namespace: 'f', name: 'Netorare' })).toMatchObject({
      namespace: 'female',
      name: 'netorare',
    });
    expect(foldTag({ namespace: 'Female', name: 'netorare' })).toMatchObject({
      namespace: 'female',
      name: 'netorare',
    });
    expect(foldTag({ namespace: 'cos', name: 'x' }).namespace).toBe('cosplayer');
  });

  it('keys a folded tag by namespace and name', () => {
    expect(foldTag({ namespace: 'f', name: 'Netorare' }).key).toBe('female\u0000netorare');
    expect(foldTag({ name: 'Netorare' }).key).toBe('netorare');
  });
});
