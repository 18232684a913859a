import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRule } from './parse';

describe('parseRule', () => {
  it('reads a plain tag and a namespaced tag', () => {
    expect(parseRule('Netorare')).toEqual({
      ok: true,
      rule: { kind: 'tag', namespace: undefined, name: 'netorare', source: 'Netorare' },
    });
    expect(parseRule(' f:netorare ')).toEqual({
      ok: true,
      rule: { kind: 'tag', namespace: 'female', name: 'netorare', source: 'f:netorare' },
    });
  });

  it('reads blank lines and comments as no rule, and strips a trailing comment', () => {
    expect(parseRule('')).toEqual({ ok: true, rule: null });
    expect(parseRule('  # my notes')).toEqual({ ok: true, rule: null });
    expect(parseRule('gore # too much')).toMatchObject({ ok: true, rule: { name: 'gore', source: 'gore' } });
  });

  it('refuses syntax it does not understand yet, with the column', () => {
    expect(parseRule('*cheating*')).toMatchObject({ ok: false, error: { column: 1 } });
    expect(parseRule('netorare -vanilla')).toMatchObject({ ok: false, error: { column: 10 } });
    expect(parseRule('/^ntr/')).toMatchObject({ ok: false, error: { column: 1 } });
    expect(parseRule('female:')).toMatchObject({ ok: true, rule: { name: 'female:' } });
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        parseRule(s);
      }),
      { numRuns: 3000 },
    );
  });
});
