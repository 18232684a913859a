import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { fold } from './normalize';
import { formatRule, parseRule } from './parse';

/** Tags made of punctuation that Danbooru and e621 carry (their spelling: lower case, `_` for spaces). */
const BOORU_PUNCTUATION_TAGS = [
  ';)',
  ':)',
  ':(',
  ':d',
  ';d',
  ':p',
  ';p',
  ':o',
  ':3',
  ';3',
  ':q',
  ':t',
  ':<',
  ':>',
  ':/',
  ':|',
  '>:)',
  '>:(',
  '^_^',
  '^^^',
  '>_<',
  '-_-',
  '._.',
  ';_;',
  '=_=',
  '@_@',
  '+_+',
  '^o^',
  'o_o',
  '0_0',
  'x_x',
  '...',
  '?',
  '!',
  '!!',
  '!?',
  '?!',
  '\\m/',
  '\\o/',
  '|_|',
  'c#',
  ':>=',
  '<o>_<o>',
];

const hides = (rule: string, tag: string) =>
  compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]).judge({
    id: '1',
    tags: [{ name: tag }],
    title: '',
    creators: [],
  }).action === 'hide';

describe('tags made of punctuation', () => {
  it('no two distinct booru punctuation tags fold alike, and none folds to nothing', () => {
    const folded = BOORU_PUNCTUATION_TAGS.map(fold);
    expect(folded.every((f) => f.length > 0)).toBe(true);
    expect(new Set(folded).size).toBe(BOORU_PUNCTUATION_TAGS.length);
  });

  it('property: distinct texts of punctuation and at most one letter never fold alike', () => {
    const symbol = fc.constantFrom(...';:)(_-.^!?<>=@+|/\\~\'"*&%$,'.split(''), 'd', 'o', '3', 'x');
    const punct = fc.array(symbol, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(punct, punct, (a, b) => {
        const letters = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;
        fc.pre(a !== b && letters(a) <= 1 && letters(b) <= 1);
        return fold(a) !== fold(b) && fold(a) !== '';
      }),
      { numRuns: 2000 },
    );
  });

  it.each(BOORU_PUNCTUATION_TAGS)('a rule %s is accepted and matches exactly that tag', (tag) => {
    const parsed = parseRule(tag.startsWith('-') ? tag : tag);
    expect(parsed.ok).toBe(true);
    expect(hides(tag, tag)).toBe(true);
    for (const other of BOORU_PUNCTUATION_TAGS) if (other !== tag) expect(hides(tag, other)).toBe(false);
  });

  it(':d is not the tag d, and ;) is not :)', () => {
    expect(hides(':d', 'd')).toBe(false);
    expect(hides('d', ':d')).toBe(false);
    expect(hides(':D', ':d')).toBe(true);
    expect(hides(';)', ':)')).toBe(false);
  });

  it('a punctuation tag reads back as itself once written out', () => {
    for (const tag of BOORU_PUNCTUATION_TAGS) {
      const parsed = parseRule(tag);
      if (!parsed.ok || !parsed.rule) throw new Error(tag);
      const again = parseRule(formatRule(parsed.rule));
      expect(again.ok && again.rule?.terms).toEqual(parsed.rule.terms);
    }
  });

  it('words keep their folding: punctuation around them still trimmed', () => {
    expect(fold('"Netorare!"')).toBe('netorare');
    expect(fold('big_breasts')).toBe('big breasts');
  });
});
