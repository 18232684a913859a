import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LookupAnswer, type LookupHarnessOptions, lookupHarness } from '../../../tests/lookup-harness';
import { HAVE_REAL_PAGES, realPage } from '../../../tests/real-pages';
import { LOOKUP_CACHE_MAX_AGE_MS } from './completer';
import {
  HITOMI_GRACE_MS,
  HITOMI_MAX_ANSWER_CHARS,
  HITOMI_MAX_REQUESTS,
  HITOMI_MIN_INTERVAL_MS,
  HITOMI_WAIT_MS,
  hitomiLookup,
  parseGalleryAnswer,
} from './hitomi-galleries';

const REAL = ['1674850', '2058075'];
const real = (id: string) => realPage('hitomi', `galleries-${id}.js`);

/** A real gallery's script with another id (the saved ones are two; the site's are millions). */
function derived(id: string): string {
  return real('1674850').replace('"id":"1674850"', `"id":"${id}"`);
}

function setup(answer: LookupAnswer, opts: Pick<LookupHarnessOptions, 'cache' | 'pageKnows'> = {}) {
  return lookupHarness(hitomiLookup, answer, { origin: 'https://hitomi.la', ...opts });
}

const idOf = (url: string) => /galleries\/(\d+)\.js$/u.exec(url)?.[1] ?? '';
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!HAVE_REAL_PAGES)('hitomi.la look-up of galleries/<id>.js', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the real files, and refuses another gallery’s, a script of another shape, or none', () => {
    for (const id of REAL) {
      const gallery = parseGalleryAnswer(real(id), id);
      expect(gallery.id).toBe(id);
      expect(gallery.tags.length).toBeGreaterThan(0);
    }
    expect(parseGalleryAnswer(real('1674850'), '1674850').tags).toContainEqual({
      namespace: 'female',
      name: 'sole female',
    });
    expect(() => parseGalleryAnswer(real('1674850'), '2058075')).toThrow('another gallery');
    expect(() => parseGalleryAnswer('<html>404</html>', '1')).toThrow('not a gallery script');
    expect(() => parseGalleryAnswer('var galleryinfo = {"id": "1", "tags": "incest"}', '1')).toThrow(
      'expected shape',
    );
    expect(() => parseGalleryAnswer('var galleryinfo = {"id": "1", "tags": [{"tag": 7}]}', '1')).toThrow(
      'expected shape',
    );
  });

  it('asks one file at a time, spaced, for the cards’ ids; the cards are settled with the full tags', async () => {
    vi.useFakeTimers();
    const ids = Array.from({ length: 8 }, (_, i) => String(4_000_000 + i));
    const t = setup(async (url) => {
      await after(100);
      return { status: 200, text: derived(idOf(url)) };
    });
    await t.lookup.init();
    const start = Date.now();
    for (const id of ids) expect(t.lookup.awaiting(id)).toBe(true);
    // Asked again while waiting: still waiting, not queued twice.
    expect(t.lookup.awaiting(ids[0] as string)).toBe(true);
    await vi.advanceTimersByTimeAsync(HITOMI_WAIT_MS - 1);
    expect(t.sent.map((s) => idOf(s.url))).toEqual(ids);
    expect(t.sent[0]?.url).toBe(`https://ltn.hitomi.la/galleries/${ids[0]}.js`);
    expect((t.sent[0]?.at ?? 0) - start).toBeGreaterThanOrEqual(HITOMI_GRACE_MS);
    // Spaced from the end of each answer (100 ms here), not from its start: the site gets the whole
    // interval of quiet however slowly the answer came.
    for (let i = 1; i < t.sent.length; i++)
      expect((t.sent[i]?.at ?? 0) - (t.sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        HITOMI_MIN_INTERVAL_MS + 100,
      );
    expect(t.maxOpen()).toBe(1);
    expect(new Set(t.settled)).toEqual(new Set(ids));
    expect(t.lookup.extraTags(ids[3] as string)).toContainEqual({ namespace: 'female', name: 'sole female' });
    expect(t.lookup.awaiting(ids[3] as string)).toBe(false);
    expect(Object.keys(t.saved() ?? {}).sort()).toEqual([...ids].sort());
    expect(t.lookup.errors).toEqual([]);
  });

  it('gives up at the bound: cards not reached are released and never asked for', async () => {
    vi.useFakeTimers();
    const ids = Array.from({ length: 30 }, (_, i) => String(5_000_000 + i));
    const t = setup(async (url) => {
      await after(400);
      return { status: 200, text: derived(idOf(url)) };
    });
    await t.lookup.init();
    for (const id of ids) t.lookup.awaiting(id);
    await vi.advanceTimersByTimeAsync(HITOMI_WAIT_MS);
    // Every card is settled by the bound, with its tags or without.
    expect(new Set(t.settled)).toEqual(new Set(ids));
    const asked = t.sent.length;
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(ids.length);
    await vi.advanceTimersByTimeAsync(30_000);
    // The one in flight at the bound may finish; nothing more goes out.
    expect(t.sent.length).toBeLessThanOrEqual(asked + 1);
    const late = ids.find((id) => !t.sent.some((s) => idOf(s.url) === id)) as string;
    expect(t.lookup.awaiting(late)).toBe(false);
  });

  it('a failed, malformed or oversized answer releases its card and is reported', async () => {
    vi.useFakeTimers();
    const t = setup(async (url) => {
      const id = idOf(url);
      if (id === '1') return { status: 404, text: '' };
      if (id === '2') return { status: 200, text: 'var galleryinfo = {"id": "2", "tags": {"a": 1}}' };
      if (id === '3')
        return { status: 200, text: `var galleryinfo = ${'x'.repeat(HITOMI_MAX_ANSWER_CHARS)}` };
      throw new TypeError('Failed to fetch');
    });
    await t.lookup.init();
    for (const id of ['1', '2', '3', '4']) t.lookup.awaiting(id);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.settled.sort()).toEqual(['1', '2', '3', '4']);
    expect(t.lookup.errors).toEqual([
      'the site answered 404',
      'the gallery script is not of the expected shape',
      'the answer is too large',
      'Failed to fetch',
    ]);
    for (const id of ['1', '2', '3', '4']) expect(t.lookup.extraTags(id)).toBeUndefined();
    expect(t.lookup.awaiting('1')).toBe(false);
  });

  it('a request that does not answer in time is given up', async () => {
    vi.useFakeTimers();
    const t = setup(
      (_url) =>
        new Promise((_, reject) => {
          // Never answers; the look-up aborts it.
          setTimeout(() => reject(new Error('aborted')), 60_000);
        }),
    );
    await t.lookup.init();
    t.lookup.awaiting('9');
    await vi.advanceTimersByTimeAsync(HITOMI_WAIT_MS);
    expect(t.settled).toEqual(['9']);
  });

  it('uses its week-old cache without asking, and forgets older entries', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const t = setup(async () => ({ status: 200, text: '' }), {
      cache: {
        '11': { tags: ['female:netorare', ':incest', 'type:doujinshi'], at: now - 1000 },
        '12': { tags: ['female:netorare'], at: now - LOOKUP_CACHE_MAX_AGE_MS - 1 },
      },
    });
    await t.lookup.init();
    expect(t.lookup.extraTags('11')).toEqual([
      { namespace: 'female', name: 'netorare' },
      { name: 'incest' },
      { namespace: 'type', name: 'doujinshi' },
    ]);
    expect(t.lookup.awaiting('11')).toBe(false);
    expect(t.lookup.extraTags('12')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sent).toEqual([]);
  });

  it('never asks for what the page’s own data gave, also when it comes during the grace', async () => {
    vi.useFakeTimers();
    const fromPage = new Set(['21']);
    const t = setup(async (url) => ({ status: 200, text: derived(idOf(url)) }), {
      pageKnows: (id) => fromPage.has(id),
    });
    await t.lookup.init();
    expect(t.lookup.awaiting('21')).toBe(false);
    expect(t.lookup.awaiting('22')).toBe(true);
    expect(t.lookup.awaiting('23')).toBe(true);
    fromPage.add('22'); // the page loaded that gallery's script meanwhile
    expect(t.lookup.awaiting('22')).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.sent.map((s) => idOf(s.url))).toEqual(['23']);
    expect(t.settled).toContain('22');
  });

  it('asks at most its bound of files for one page', async () => {
    vi.useFakeTimers();
    const t = setup(async (url) => ({ status: 200, text: derived(idOf(url)) }));
    await t.lookup.init();
    for (let wave = 0; wave < 15; wave++) {
      for (let i = 0; i < 10; i++) t.lookup.awaiting(String(6_000_000 + wave * 10 + i));
      await vi.advanceTimersByTimeAsync(10 * HITOMI_MIN_INTERVAL_MS + 1_000);
    }
    expect(t.sent).toHaveLength(HITOMI_MAX_REQUESTS);
    expect(t.lookup.awaiting('7000000')).toBe(false);
  });
});
