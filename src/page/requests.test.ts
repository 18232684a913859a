import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageRequestSchema } from '../messages';
import { prepareLines } from '../rules/regex-verdicts';
import { POPUP_REQUESTS, pageRequest } from './requests';

describe('the page’s request check', () => {
  it('accepts and refuses what PageRequestSchema does, with the same data', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constant('x'.repeat(501)));
    const message = fc.oneof(
      fc.record({
        type: fc.constantFrom(
          'tagveil:get-page-state',
          'tagveil:show-all',
          'tagveil:entry-at-menu',
          'tagveil:count-matches',
          'tagveil:other',
        ),
        rule: fc.option(text, { nil: undefined }),
        aliases: fc.option(fc.oneof(fc.array(fc.array(text)), fc.array(fc.integer())), { nil: undefined }),
        // The rule's expressions, checked and prepared by the popup: as it makes them, damaged, or anything.
        regex: fc.option(
          fc.oneof(
            fc.constantFrom('/^ntr\\b/', 'a /b/s', '/(a+)+$/').map((r) => prepareLines([r]).regex),
            fc.dictionary(
              fc.oneof(fc.constantFrom('/a/', '/b/s'), fc.string({ maxLength: 3 })),
              fc.oneof(
                fc.tuple(
                  fc.string({ maxLength: 3 }),
                  fc.constantFrom('iu', 'siu', 'iug', ''),
                  fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer()), { maxLength: 2 }),
                ),
                fc.constant(null),
                fc.anything(),
              ),
              { maxKeys: 3 },
            ),
            fc.anything(),
          ),
          { nil: undefined },
        ),
        // The popup's parse of the rule: as the popup makes it, damaged, or anything.
        parsed: fc.option(
          fc.oneof(
            fc.constantFrom('netorare', '/^ntr/', '"unclosed', 'a -b').map((r) => prepareLines([r]).parsed),
            fc.constant({
              x: { ok: true, rule: { source: 'x', terms: [{ mode: 'all', atom: { kind: 'nope' } }] } },
            }),
            fc.constant({ x: { ok: false, error: { code: 'nope', params: [], column: 1 } } }),
            fc.anything(),
          ),
          { nil: undefined },
        ),
      }),
      fc.anything(),
    );
    fc.assert(
      fc.property(message, (m) => {
        const schema = PageRequestSchema.safeParse(m);
        expect(pageRequest(m)).toEqual(schema.success ? schema.data : null);
      }),
      { numRuns: 2_000 },
    );
  });

  it('knows the popup’s questions as the schema does: every request type but the background’s one', () => {
    const accepted = (type: unknown) => PageRequestSchema.safeParse({ type, rule: 'x' }).success;
    for (const type of POPUP_REQUESTS) expect(accepted(type), String(type)).toBe(true);
    expect(accepted('tagveil:entry-at-menu')).toBe(true);
    expect(POPUP_REQUESTS).not.toContain('tagveil:entry-at-menu');
    expect(accepted('tagveil:other')).toBe(false);
  });
});
