import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookupHarness } from '../../../tests/lookup-harness';
import { API_BATCH, API_MIN_INTERVAL_MS, COMPLETE_WAIT_MS, ehentaiLookup, parseGdata } from './ehentai-gdata';

describe('parseGdata', () => {
  it('keeps well-formed galleries and drops the rest', () => {
    expect(
      parseGdata({
        gmetadata: [
          { gid: 1, token: 'ab', tags: ['female:netorare', 7] },
          { gid: '2', token: 'cd', tags: [] },
          null,
        ],
      }),
    ).toEqual([{ id: '1/ab', tags: ['female:netorare'] }]);
    expect(() => parseGdata({ error: 'Key missing' })).toThrow('no gmetadata');
  });
});

describe('E-Hentai’s metadata API as a look-up', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(answer: (gidlist: [number, string][]) => Promise<string>) {
    return lookupHarness(
      ehentaiLookup,
      async (_url, body = '') => {
        const { gidlist } = JSON.parse(body) as { gidlist: [number, string][] };
        return { status: 200, text: await answer(gidlist) };
      },
      { origin: 'https://exhentai.org', recordBody: true },
    );
  }

  it('asks the site’s own API in batches of 25 by POST, one in flight, a second after each answer', async () => {
    vi.useFakeTimers();
    const t = setup(async (gidlist) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const gmetadata = gidlist.map(([gid, token]) => ({ gid, token, tags: ['female:netorare', 'artbook'] }));
      return JSON.stringify({ gmetadata });
    });
    await t.lookup.init();
    const ids = Array.from({ length: 60 }, (_, i) => `${1000 + i}/abc`);
    for (const id of ids) expect(t.lookup.awaiting(id)).toBe(true);
    await vi.advanceTimersByTimeAsync(COMPLETE_WAIT_MS - 1);
    // ExHentai answers on its own origin; the body is the API's own request, in plain text.
    expect(t.sent.map((s) => s.url)).toEqual(Array(3).fill('https://exhentai.org/api.php'));
    expect(JSON.parse(t.sent[0]?.body ?? '')).toEqual({
      method: 'gdata',
      gidlist: ids.slice(0, API_BATCH).map((id) => [Number(id.split('/')[0]), 'abc']),
      namespace: 1,
    });
    expect(t.sent.map((s) => JSON.parse(s.body).gidlist.length)).toEqual([API_BATCH, API_BATCH, 10]);
    expect(t.maxOpen()).toBe(1);
    for (let i = 1; i < t.sent.length; i++)
      expect((t.sent[i]?.at ?? 0) - (t.sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(
        API_MIN_INTERVAL_MS + 200,
      );
    expect(new Set(t.settled)).toEqual(new Set(ids));
    expect(t.lookup.extraTags(ids[7] as string)).toEqual([
      { namespace: 'female', name: 'netorare' },
      { name: 'artbook' },
    ]);
    // Not a gallery id: never asked for.
    expect(t.lookup.awaiting('not-a-gallery')).toBe(false);
  });

  it('takes only the galleries asked for, and an answer that is not the API’s is an error said once', async () => {
    vi.useFakeTimers();
    let reply = JSON.stringify({
      gmetadata: [
        { gid: 1, token: 'ab', tags: ['female:netorare'] },
        { gid: 99, token: 'ff', tags: ['other:x'] },
      ],
    });
    const t = setup(async () => reply);
    await t.lookup.init();
    expect(t.lookup.awaiting('1/ab')).toBe(true);
    await vi.advanceTimersByTimeAsync(COMPLETE_WAIT_MS);
    expect(t.lookup.extraTags('1/ab')).toEqual([{ namespace: 'female', name: 'netorare' }]);
    expect(t.lookup.extraTags('99/ff')).toBeUndefined();
    reply = '<html>banned</html>';
    expect(t.lookup.awaiting('2/cd')).toBe(true);
    await vi.advanceTimersByTimeAsync(COMPLETE_WAIT_MS);
    expect(t.lookup.extraTags('2/cd')).toBeUndefined();
    expect(t.lookup.errors).toEqual(['the answer is not JSON']);
    expect(t.settled).toContain('2/cd');
  });

  it('is there only for E-Hentai’s and ExHentai’s own origins', () => {
    const deps = {
      now: Date.now,
      setTimer: () => undefined,
      onSettled: () => undefined,
      cache: { load: async () => ({}), save: async () => undefined },
    };
    expect(ehentaiLookup({ ...deps, origin: 'https://e-hentai.org' })).not.toBeNull();
    expect(ehentaiLookup({ ...deps, origin: 'https://example.org' })).toBeNull();
  });
});
