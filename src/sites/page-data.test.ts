import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GalleryInfoSchema,
  MangaListSchema,
  PageDataMessageSchema,
} from '../../tests/unit/page-data-schemas';
import { isGalleryInfo } from './lookups/hitomi-galleries';
import { isMangaList } from './lookups/mangadex-manga';
import { MAX_TEXT_LENGTH, readPageDataMessage } from './page-data';

// Values near each bound and of every JSON kind, so that both sides of each check are met often.
const text = (max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength: 6 }), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        '',
        '123',
        'x'.repeat(max),
        'x'.repeat(max + 1),
        '123456789012',
        '1234567890123',
      ),
      weight: 1,
    },
  );
const odd = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, 1.5, -1, [], {}, 'manga', 'ok'),
  fc.jsonValue({ maxDepth: 2 }),
);
/** Mostly a well-formed value, now and then anything or nothing: a whole answer is well formed often enough. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: arb, weight: 30 },
    { arbitrary: odd, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
const list = <T>(arb: fc.Arbitrary<T>, max: number) =>
  fc.oneof(
    { arbitrary: fc.array(arb, { maxLength: 3 }), weight: 20 },
    // One past the bound (of strings: refused for its length or for what it holds, either way).
    { arbitrary: fc.constant(max).map((n) => Array.from({ length: n + 1 }, () => 'x')), weight: 1 },
  );

const uuid = fc.oneof(fc.uuid(), fc.constant('not-a-uuid'));

describe('the content scripts’ hand checks, held to the zod schemas', () => {
  it('readPageDataMessage reads what PageDataMessageSchema reads, with the same data', () => {
    const tag = fc.record(
      {
        namespace: maybe(text(MAX_TEXT_LENGTH)),
        name: maybe(text(MAX_TEXT_LENGTH)),
        canonical: maybe(text(MAX_TEXT_LENGTH)),
        extra: odd,
      },
      { requiredKeys: [] },
    );
    const work = fc.record(
      {
        id: maybe(text(MAX_TEXT_LENGTH)),
        tags: maybe(list(tag, 200)),
        title: maybe(text(MAX_TEXT_LENGTH)),
        creators: maybe(list(text(MAX_TEXT_LENGTH), 20)),
        extra: odd,
      },
      { requiredKeys: ['id', 'tags', 'title', 'creators'] },
    );
    const message = fc.oneof(
      fc.record({
        site: maybe(fc.constantFrom('pixiv', 'hitomi')),
        works: maybe(list(work, 2_000)),
        more: odd,
      }),
      odd,
    );
    fc.assert(
      fc.property(message, (m) => {
        const schema = PageDataMessageSchema.safeParse(m);
        expect(readPageDataMessage(m)).toEqual(schema.success ? schema.data : null);
      }),
      { numRuns: 3_000 },
    );
  });

  it('isGalleryInfo accepts what GalleryInfoSchema accepts', () => {
    const flag = maybe(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)));
    const tag = fc.record(
      { tag: maybe(text(MAX_TEXT_LENGTH * 4)), female: flag, male: flag },
      { requiredKeys: [] },
    );
    const gallery = fc.oneof(
      fc.record(
        {
          id: maybe(fc.oneof(text(12), fc.integer(), fc.double())),
          title: maybe(fc.oneof(text(MAX_TEXT_LENGTH * 4), fc.constant(null))),
          type: maybe(text(MAX_TEXT_LENGTH * 4)),
          language: maybe(fc.constant(null)),
          tags: maybe(fc.oneof(list(tag, 1_000), fc.constant(null))),
          files: odd,
        },
        { requiredKeys: ['id'] },
      ),
      odd,
    );
    fc.assert(
      fc.property(gallery, (g) => {
        expect(isGalleryInfo(g)).toBe(GalleryInfoSchema.safeParse(g).success);
      }),
      { numRuns: 3_000 },
    );
  });

  it('isMangaList accepts what MangaListSchema accepts', () => {
    const localised = maybe(
      fc.oneof(
        fc.dictionary(
          fc.constantFrom('en', 'ja', 'ja-ro'),
          maybe(fc.oneof(text(MAX_TEXT_LENGTH * 4), fc.constant(null))),
        ),
        fc.constant(Object.assign(Object.create(null) as object, { en: 'x' })),
      ),
    );
    const tag = fc.record(
      {
        id: maybe(fc.uuid()),
        type: maybe(fc.constant('tag')),
        attributes: maybe(fc.record({ name: localised }, { requiredKeys: [] })),
      },
      { requiredKeys: ['id'] },
    );
    const manga = fc.record(
      {
        id: maybe(uuid),
        type: maybe(fc.constantFrom('manga', 'chapter')),
        attributes: maybe(
          fc.record(
            {
              title: localised,
              contentRating: maybe(fc.oneof(text(40), fc.constant(null))),
              tags: maybe(list(tag, 200)),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ['id', 'type', 'attributes'] },
    );
    const answer = fc.oneof(
      fc.record({ result: maybe(fc.constantFrom('ok', 'error')), data: maybe(list(manga, 100)) }),
      odd,
    );
    fc.assert(
      fc.property(answer, (a) => {
        expect(isMangaList(a)).toBe(MangaListSchema.safeParse(a).success);
      }),
      { numRuns: 3_000 },
    );
  });
});
