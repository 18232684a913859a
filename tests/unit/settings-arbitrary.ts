/**
 * Arbitrary stored settings for property tests: arbitrary JSON, and settings-shaped objects whose every
 * field may be right, wrong in a near way (an over-long rule, a time past year 9999, a duplicate id) or
 * any JSON at all. Shared by tests/unit/repair-property.test.ts and `npm run fuzz`.
 */
import fc from 'fast-check';
import { MAX_PATTERN_LENGTH, MAX_TIME_MS } from '../../src/settings/schema';

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Mostly `right`, sometimes absent, sometimes any JSON. */
function orJunk<T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: right },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: anyJson },
  );
}

const rule = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: MAX_PATTERN_LENGTH - 2, max: MAX_PATTERN_LENGTH + 200 })
      .map((n) => 'x'.repeat(n)),
  },
  { weight: 1, arbitrary: anyJson },
);

const time = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.constantFrom(MAX_TIME_MS, MAX_TIME_MS + 1, Number.MAX_SAFE_INTEGER, 8.64e15, 1e300, -1, 1.5, Number.NaN),
  fc.double(),
);

const list = fc.record(
  {
    id: orJunk(fc.constantFrom('mine', 'ntr', 'a', '')),
    name: orJunk(fc.oneof(fc.string({ maxLength: 10 }), fc.constant('n'.repeat(101)))),
    enabled: orJunk(fc.boolean()),
    action: orJunk(fc.constantFrom('hide', 'collapse', 'blur', 'label', 'remove')),
    patterns: orJunk(fc.array(rule, { maxLength: 6 })),
    sites: orJunk(fc.array(orJunk(fc.constantFrom('ao3', 'e-hentai')), { maxLength: 3 })),
    snoozedUntil: orJunk(time),
    exceptions: orJunk(fc.array(rule, { maxLength: 3 })),
    preset: orJunk(fc.record({ id: fc.constantFrom('ntr', ''), version: fc.constantFrom(1, 2, 0, 1.5) })),
    source: orJunk(
      fc.record({
        url: fc.constantFrom('https://lists.example/a.txt', 'http://x', 'nope'),
        error: orJunk(fc.string()),
      }),
    ),
  },
  { requiredKeys: [] },
);

/** A settings-shaped object, any of whose fields may be wrong. */
export const settingsLike: fc.Arbitrary<unknown> = fc.record(
  {
    enabled: orJunk(fc.boolean()),
    pausedUntil: orJunk(time),
    badge: orJunk(fc.boolean()),
    refill: orJunk(fc.constantFrom('off', 'offer', 'auto', 'sometimes')),
    completeTags: orJunk(fc.boolean()),
    hideAgainOffscreen: orJunk(fc.boolean()),
    audit: orJunk(fc.boolean()),
    sites: orJunk(fc.dictionary(fc.string({ maxLength: 10 }), orJunk(fc.boolean()))),
    lists: orJunk(fc.array(orJunk(list), { maxLength: 4 })),
    exceptions: orJunk(fc.array(rule, { maxLength: 4 })),
    aliases: orJunk(fc.array(orJunk(fc.array(rule, { maxLength: 3 })), { maxLength: 3 })),
    customSites: orJunk(
      fc.array(
        orJunk(
          fc.record({
            id: fc.constantFrom('custom-a', 'bad id'),
            name: fc.string({ maxLength: 5 }),
            origin: fc.constantFrom('https://catalog.example', 'https://x.example/path'),
            entrySelector: fc.constantFrom('li', ''),
            tagSelector: fc.constant('a'),
          }),
        ),
        { maxLength: 2 },
      ),
    ),
    extra: orJunk(anyJson),
  },
  { requiredKeys: [] },
);

/** What repair may be given: arbitrary JSON, or something shaped like settings. */
export const storedSettings: fc.Arbitrary<unknown> = fc.oneof(anyJson, settingsLike);
