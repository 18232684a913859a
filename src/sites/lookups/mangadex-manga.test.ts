import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LookupAnswer, type LookupHarnessOptions, lookupHarness } from '../../../tests/lookup-harness';
import { HAVE_REAL_PAGES, realPage } from '../../../tests/real-pages';
import { compile } from '../../rules/compile';
import {
  MANGADEX_BATCH,
  MANGADEX_GRACE_MS,
  MANGADEX_MAX_ANSWER_CHARS,
  MANGADEX_MIN_INTERVAL_MS,
  MANGADEX_WAIT_MS,
  mangadexLookup,
  mangaListUrl,
  parseMangaList,
} from './mangadex-manga';

interface ApiManga {
  id: string;
  type: string;
  attributes: { contentRating: string; tags: { attributes: { name: { en: string } } }[] };
}
interface ApiList {
  result: string;
  data: ApiManga[];
}

const LIST = 'manga-list-100-2024-08.json';
const realList = (): ApiList => JSON.parse(realPage('mangadex', LIST)) as ApiList;

/** The real list's titles, 250 of them: the saved 100, then copies under new ids (the file is not edited). */
function titles(): ApiManga[] {
  const base = realList().data;
  return Array.from({ length: 250 }, (_, i) => {
    const m = base[i % base.length] as ApiManga;
    if (i < base.length) return m;
    return { ...m, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` };
  });
}

/** What the API answers for a `/manga?ids[]=…` address: the titles asked for that it has. */
function answerFor(url: string, all: ApiManga[]): string {
  const asked = new URL(url).searchParams.getAll('ids[]');
  const data = all.filter((m) => asked.includes(m.id));
  return JSON.stringify({ result: 'ok', response: 'collection', data, limit: asked.length, offset: 0 });
}

function setup(answer: LookupAnswer, opts: Pick<LookupHarnessOptions, 'cache' | 'pageKnows'> = {}) {
  return lookupHarness(mangadexLookup, answer, { origin: 'https://mangadex.org', ...opts });
}

const askedIn = (url: string) => new URL(url).searchParams.getAll('ids[]');

describe.skipIf(!HAVE_REAL_PAGES)('MangaDex look-up of /manga?ids[]=', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the real list answer: every title with every tag and its rating', () => {
    const list = realList();
    const works = parseMangaList(realPage('mangadex', LIST));
    expect(works.map((w) => w.id)).toEqual(list.data.map((m) => m.id));
    list.data.forEach((m, i) => {
      const names = works[i]?.tags.filter((t) => t.namespace === undefined).map((t) => t.name);
      expect(names).toEqual(m.attributes.tags.map((t) => t.attributes.name.en));
      expect(works[i]?.tags).toContainEqual(
        expect.objectContaining({ namespace: 'rating', name: m.attributes.contentRating }),
      );
    });
  });

  it('refuses an answer that is not a list of titles', () => {
    expect(() => parseMangaList('<html>')).toThrow('not JSON');
    expect(() => parseMangaList('{"result":"error","errors":[{"status":400}]}')).toThrow('not a list');
    expect(() => parseMangaList('{"result":"ok","data":{"id":"x"}}')).toThrow('not a list');
    const tooMany = { result: 'ok', data: titles().slice(0, MANGADEX_BATCH + 1) };
    expect(() => parseMangaList(JSON.stringify(tooMany))).toThrow('not a list');
    const badId = { result: 'ok', data: [{ ...realList().data[0], id: 'nope' }] };
    expect(() => parseMangaList(JSON.stringify(badId))).toThrow('not a list');
  });

  it('asks for every rating (the API leaves pornographic titles out otherwise), as many as asked', () => {
    const url = new URL(mangaListUrl(['a', 'b']));
    expect(url.origin + url.pathname).toBe('https://api.mangadex.org/manga');
    expect(url.searchParams.getAll('ids[]')).toEqual(['a', 'b']);
    expect(url.searchParams.getAll('contentRating[]')).toEqual([
      'safe',
      'suggestive',
      'erotica',
      'pornographic',
    ]);
    expect(url.searchParams.get('limit')).toBe('2');
  });

  it('batches the feed’s titles 100 a request, one in flight, a second apart, after the grace', async () => {
    vi.useFakeTimers();
    const all = titles();
    const t = setup(async (url) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { status: 200, text: answerFor(url, all) };
    });
    await t.lookup.init();
    const start = Date.now();
    for (const m of all) expect(t.lookup.awaiting(m.id)).toBe(true);
    await vi.advanceTimersByTimeAsync(MANGADEX_WAIT_MS + 10_000);
    // Two requests fit in the bound (the grace, then a second apart); the titles left are released at
    // the bound, shown as their cards are, and never asked for.
    expect(t.sent.map((s) => askedIn(s.url).length)).toEqual([100, 100]);
    expect(t.sent.flatMap((s) => askedIn(s.url))).toEqual(all.slice(0, 200).map((m) => m.id));
    expect((t.sent[0]?.at ?? 0) - start).toBeGreaterThanOrEqual(MANGADEX_GRACE_MS);
    for (let i = 1; i < t.sent.length; i++)
      expect((t.sent[i]?.at ?? 0) - (t.sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        MANGADEX_MIN_INTERVAL_MS,
      );
    expect(t.maxOpen()).toBe(1);
    expect(new Set(t.settled)).toEqual(new Set(all.map((m) => m.id)));
    // The look-up's tags judge the title as the page's own answer would.
    const { judge } = compile([
      { id: 'r', name: 'R', enabled: true, action: 'hide', patterns: ['Romance', 'rating:erotica'] },
    ]);
    for (const m of all.slice(0, 200)) {
      const facts = { id: m.id, tags: t.lookup.extraTags(m.id) ?? [], title: '', creators: [] };
      const expected =
        m.attributes.contentRating === 'erotica' ||
        m.attributes.tags.some((tag) => tag.attributes.name.en === 'Romance');
      expect(judge(facts).action === 'hide', m.id).toBe(expected);
    }
    expect(t.lookup.extraTags(all[200]?.id as string)).toBeUndefined();
    expect(t.lookup.awaiting(all[200]?.id as string)).toBe(false);
  });

  it('takes only the titles it asked for from an answer; titles the answer left out are released', async () => {
    vi.useFakeTimers();
    const [a, b, c] = realList().data as [ApiManga, ApiManga, ApiManga];
    const t = setup(async () => ({ status: 200, text: JSON.stringify({ result: 'ok', data: [a, c] }) }));
    await t.lookup.init();
    t.lookup.awaiting(a.id);
    t.lookup.awaiting(b.id);
    await vi.advanceTimersByTimeAsync(MANGADEX_GRACE_MS + 10);
    expect(t.lookup.extraTags(a.id)).toBeDefined();
    expect(t.lookup.extraTags(b.id)).toBeUndefined();
    expect(t.lookup.extraTags(c.id)).toBeUndefined();
    expect(t.settled.sort()).toEqual([a.id, b.id].sort());
    expect(t.lookup.awaiting(b.id)).toBe(false);
  });

  it('a failed or oversized answer releases its titles and is reported; the next batch still goes', async () => {
    vi.useFakeTimers();
    const all = titles();
    let n = 0;
    const t = setup(async (url) => {
      n++;
      if (n === 1) return { status: 503, text: '' };
      if (n === 2) return { status: 200, text: ' '.repeat(MANGADEX_MAX_ANSWER_CHARS + 1) };
      return { status: 200, text: answerFor(url, all) };
    });
    await t.lookup.init();
    for (const m of all.slice(0, 100)) t.lookup.awaiting(m.id);
    await vi.advanceTimersByTimeAsync(MANGADEX_GRACE_MS + 10);
    for (const m of all.slice(100, 200)) t.lookup.awaiting(m.id);
    await vi.advanceTimersByTimeAsync(MANGADEX_GRACE_MS + 10);
    for (const m of all.slice(200)) t.lookup.awaiting(m.id);
    await vi.advanceTimersByTimeAsync(MANGADEX_WAIT_MS);
    expect(t.lookup.errors).toEqual(['the site answered 503', 'the answer is too large']);
    expect(new Set(t.settled)).toEqual(new Set(all.map((m) => m.id)));
    expect(t.lookup.extraTags(all[0]?.id as string)).toBeUndefined();
    expect(t.lookup.extraTags(all[200]?.id as string)).toBeDefined();
  });

  it('never asks for titles the page’s own answer gave, also when it comes during the grace', async () => {
    vi.useFakeTimers();
    const all = titles().slice(0, 10);
    const fromPage = new Set([all[0]?.id]);
    const t = setup(async (url) => ({ status: 200, text: answerFor(url, all) }), {
      pageKnows: (id) => fromPage.has(id),
    });
    await t.lookup.init();
    expect(t.lookup.awaiting(all[0]?.id as string)).toBe(false);
    for (const m of all.slice(1)) expect(t.lookup.awaiting(m.id)).toBe(true);
    // The page's own /manga answer for half the feed arrives before the grace ends.
    for (const m of all.slice(1, 5)) fromPage.add(m.id);
    await vi.advanceTimersByTimeAsync(MANGADEX_WAIT_MS);
    expect(t.sent).toHaveLength(1);
    expect(askedIn(t.sent[0]?.url as string)).toEqual(all.slice(5).map((m) => m.id));
  });

  it('keeps what it learned a week, ratings read through the ratings table again', async () => {
    vi.useFakeTimers();
    const [a] = realList().data as [ApiManga];
    const porn = { ...a, attributes: { ...a.attributes, contentRating: 'pornographic' } };
    const first = setup(async () => ({ status: 200, text: JSON.stringify({ result: 'ok', data: [porn] }) }));
    await first.lookup.init();
    first.lookup.awaiting(a.id);
    await vi.advanceTimersByTimeAsync(MANGADEX_GRACE_MS + 10);
    const saved = first.saved();
    expect(saved?.[a.id]?.tags).toContain('rating:pornographic');
    const second = setup(async () => ({ status: 500, text: '' }), { cache: saved });
    await second.lookup.init();
    expect(second.lookup.awaiting(a.id)).toBe(false);
    expect(second.lookup.extraTags(a.id)).toEqual(first.lookup.extraTags(a.id));
    const { judge } = compile([
      { id: 'r', name: 'R', enabled: true, action: 'hide', patterns: ['rating:explicit'] },
    ]);
    expect(
      judge({ id: a.id, tags: second.lookup.extraTags(a.id) ?? [], title: '', creators: [] }).action,
    ).toBe('hide');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(second.sent).toEqual([]);
  });
});
