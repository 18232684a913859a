import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseRuleWith } from './parse';
import { preparing, unicodeBoundaries, writtenForm } from './regex';
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

describe('writtenForm', () => {
  it('reads plain ASCII as the full Unicode path does (an invisible character sends a text down that path)', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 _-.,:;!?()\t\n\r'), maxLength: 400 });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(writtenForm(text)).toBe(writtenForm(`\u200b${text}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('regular expressions see the tag as written and as folded', () => {
  const hides = (rule: string, tag: { namespace?: string; name: string }) =>
    compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]).judge({
      id: '1',
      tags: [tag],
      title: '',
      creators: [],
    }).action === 'hide';

  it.each([
    ['/^post-canon$/', 'Post-Canon'],
    ['/^post canon$/', 'Post-Canon'],
    ['/^post_canon$/', 'post_canon'],
    ['/^post canon$/', 'post_canon'],
    ['/^Alternate Universe - Canon Divergence$/', 'Alternate Universe - Canon Divergence'],
    ['/^alternate universe canon divergence$/', 'Alternate Universe - Canon Divergence'],
    ['/^post-canon$/', 'Ｐｏｓｔ－Canon'],
    ['/^:d$/', ':d'],
    ['/^female:big_breasts$/', 'big_breasts', 'female'],
    ['/^freeform:post-canon$/', 'Post-Canon', 'freeform'],
  ])('%s matches %j', (rule, name, namespace?: string) => {
    expect(hides(rule, namespace === undefined ? { name } : { namespace, name })).toBe(true);
  });

  it('still matches nothing broader', () => {
    expect(hides('/^post-canon$/', { name: 'Post-Canon Fix-It' })).toBe(false);
    expect(hides('/^post-canon$/', { name: 'Post canon' })).toBe(false);
  });

  it('the time guard watches the written form too', () => {
    let now = 0;
    const matcher = compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['/^x-y$/'] }], {
      clock: () => (now += 30),
    });
    // Folded, "x y z" lacks the expression's "x-y": only the written form is tried (and takes too long).
    matcher.judge({ id: '1', tags: [{ name: 'X-Y z' }], title: '', creators: [] });
    expect(matcher.tripped()).toEqual([{ listId: 'l', listName: 'L', rule: '/^x-y$/' }]);
  });
});

describe('preparing', () => {
  it('checks and builds each expression once, however many lines and parses ask for it', () => {
    let checks = 0;
    const prepare = preparing(() => {
      checks++;
      return null;
    });
    const first = parseRuleWith('/^ntr/ fluff', prepare);
    const second = parseRuleWith('angst /^ntr/', prepare);
    expect(first.ok && second.ok).toBe(true);
    const asked = prepare('^ntr', '');
    expect(checks).toBe(1);
    // The same check (and RegExp) each time it is asked.
    expect(prepare('^ntr', '')).toBe(asked);
    // Another expression, or the same one with other flags, is checked on its own.
    prepare('^ntr', 'i');
    prepare('^cheat', '');
    expect(checks).toBe(3);
  });

  it('refuses as the check says, once, with where and why', () => {
    const prepare = preparing(() => ({ offset: 2, code: 'slowExponential', params: [] }));
    const refused = prepare('(a+)+$', '');
    expect(refused).toMatchObject({ ok: false, offset: 2, code: 'slowExponential' });
    expect(prepare('(a+)+$', '')).toBe(refused);
  });
});
