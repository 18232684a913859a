import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { SETTINGS_VERSION } from './migrations';
import { repairSettings } from './repair';
import { defaultSettings, type Settings } from './schema';
import {
  chunkKey,
  decodeSync,
  ITEM_MARGIN_BYTES,
  itemBytes,
  jsonBytes,
  LEGACY_KEY,
  META_KEY,
  planSync,
  SYNC_QUOTA,
  splitByBytes,
  staleKeys,
} from './sync-layout';

function withRules(count: number, make: (i: number) => string = (i) => `tag number ${i}`): Settings {
  const settings = defaultSettings();
  const mine = settings.lists[0];
  if (mine) mine.patterns = Array.from({ length: count }, (_, i) => make(i));
  return settings;
}

describe('sizes as the browser counts them', () => {
  it('counts key plus JSON of the value, in UTF-8 bytes', () => {
    expect(itemBytes('k', 'ab')).toBe(1 + 4);
    expect(itemBytes('k', '寝取られ')).toBe(1 + 2 + 12);
    expect(itemBytes('key', { a: [1, 2] })).toBe(3 + '{"a":[1,2]}'.length);
  });

  it('counts what Chromium escapes that JavaScript does not', () => {
    expect(jsonBytes('<')).toBe('"\\u003C"'.length);
    expect(jsonBytes('\u2028')).toBe('"\\u2028"'.length);
    expect(jsonBytes('a"b')).toBe('"a\\"b"'.length);
  });
});

describe('splitByBytes', () => {
  it('keeps every chunk within the budget and loses nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 3000 }),
        fc.integer({ min: 16, max: 400 }),
        (text, budget) => {
          const chunks = splitByBytes(text, budget);
          expect(chunks.join('')).toBe(text);
          for (const chunk of chunks) expect(jsonBytes(chunk)).toBeLessThanOrEqual(budget);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000); // 300 strings of up to 3,000 characters: seconds on a busy 2-core machine

  it('never cuts a character in two', () => {
    const chunks = splitByBytes('😀'.repeat(100), 20);
    for (const chunk of chunks) expect(chunk).toMatch(/^(😀)+$/u);
  });
});

describe('planSync', () => {
  it('lays small settings out in one chunk and an index', () => {
    const plan = planSync(defaultSettings(), 5);
    expect(Object.keys(plan.items)).toEqual([META_KEY, chunkKey(0)]);
    expect(plan.items[META_KEY]).toMatchObject({ v: SETTINGS_VERSION, n: 1, t: '5' });
    expect(plan.fits).toBe(true);
  });

  it('cuts a big list into items that each fit the per-item quota', () => {
    const plan = planSync(
      withRules(3000, (i) => `寝取られ tag <${i}> "quoted"`),
      1,
    );
    const keys = Object.keys(plan.items);
    expect(keys.length).toBeGreaterThan(5);
    for (const [key, value] of Object.entries(plan.items))
      expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes - ITEM_MARGIN_BYTES);
    const total = Object.entries(plan.items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(plan.bytes).toBe(total);
  });

  it('says when the settings outgrow sync, and which list is largest', () => {
    const plan = planSync(
      withRules(8000, (i) => `a fairly long tag name ${i}`),
      1,
    );
    expect(plan.fits).toBe(false);
    expect(englishText(plan.reason)).toMatch(/need .* KiB and browser sync holds/u);
    expect(plan.lists[0]?.name).toBe('My blocklist');
  });

  it('stores a rule in about its own length plus 3 bytes (compact form)', () => {
    const empty = planSync(withRules(0), 1).bytes;
    const thousand = planSync(
      withRules(1000, () => 'abcdefghij'),
      1,
    ).bytes;
    expect((thousand - empty) / 1000).toBeLessThan(10 + 3.1);
  });
});

describe('decodeSync', () => {
  it('reads back exactly what planSync laid out', () => {
    const settings = withRules(2500, (i) => (i % 2 ? `寝取られ ${i}` : `title:"a \\ b" ${i}`));
    const plan = planSync(settings, 42);
    expect(decodeSync(plan.items)).toEqual({
      kind: 'ok',
      raw: settings,
      version: SETTINGS_VERSION,
      savedAt: 42,
      lineage: [],
    });
  });

  it('round-trips any settings the schema accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 80 }), (patterns) => {
        const settings = withRules(0);
        if (settings.lists[0]) settings.lists[0].patterns = patterns;
        const decoded = decodeSync(planSync(settings, 1).items);
        expect(decoded.kind === 'ok' && repairSettings(decoded.raw).settings).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });

  it('reads version 1, a single item', () => {
    const v1 = { enabled: true, lists: [] };
    expect(decodeSync({ [LEGACY_KEY]: v1, settings$: { v: 1 } })).toEqual({
      kind: 'ok',
      raw: v1,
      version: 1,
      savedAt: 0,
      lineage: [],
    });
  });

  it('says nothing is stored when nothing is', () => {
    expect(decodeSync({})).toEqual({ kind: 'none' });
  });

  it('calls a half-synced save damaged instead of reading half of it', () => {
    const items = planSync(withRules(3000), 1).items;
    const older = planSync(
      withRules(3000, (i) => `older ${i}`),
      0,
    ).items;
    const mixed = { ...items, [chunkKey(1)]: older[chunkKey(1)] };
    const incomplete = decodeSync(mixed);
    expect(incomplete.kind).toBe('damaged');
    expect(incomplete.kind === 'damaged' && englishText(incomplete.message)).toMatch(/incomplete/u);
    const { [chunkKey(2)]: _, ...missing } = items;
    const partial = decodeSync(missing);
    expect(partial.kind === 'damaged' && englishText(partial.message)).toMatch(
      /^part 3 of \d+ of the settings is missing$/u,
    );
  });
});

describe('staleKeys', () => {
  it('finds old chunks and version 1 items, never anyone else’s keys', () => {
    const items = planSync(defaultSettings(), 1).items;
    expect(
      staleKeys([META_KEY, chunkKey(0), chunkKey(1), chunkKey(7), 'settings', 'settings$', 'other'], items),
    ).toEqual([chunkKey(1), chunkKey(7), 'settings', 'settings$']);
  });
});

describe('a list’s own exceptions in sync', () => {
  it('round-trip with the list, and count in its share of the bytes', () => {
    const settings = defaultSettings();
    const ntr = settings.lists.find((l) => l.id === 'ntr');
    expect(ntr?.exceptions?.length).toBeGreaterThan(0);
    const plan = planSync(settings, 1);
    const decoded = decodeSync(plan.items);
    expect(decoded.kind === 'ok' && repairSettings(decoded.raw)).toEqual({ settings, problems: [] });
    const without = planSync({ ...settings, lists: settings.lists.map(({ exceptions: _, ...l }) => l) }, 1);
    const share = (p: typeof plan) => p.lists.find((l) => l.id === 'ntr')?.bytes ?? 0;
    expect(share(plan)).toBeGreaterThan(share(without));
  });
});
