import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_BATCH, API_MIN_INTERVAL_MS, EhentaiTagCompleter, parseGdata } from './ehentai-api';

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

describe('EhentaiTagCompleter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks in batches of 25, one request in flight, at least a second apart', async () => {
    vi.useFakeTimers();
    const sent: { at: number; gids: number }[] = [];
    let open = 0;
    let maxOpen = 0;
    vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
      const { gidlist } = JSON.parse(init.body) as { gidlist: [number, string][] };
      open++;
      maxOpen = Math.max(maxOpen, open);
      sent.push({ at: Date.now(), gids: gidlist.length });
      await new Promise((resolve) => setTimeout(resolve, 200));
      open--;
      const gmetadata = gidlist.map(([gid, token]) => ({ gid, token, tags: ['other:x'] }));
      return { ok: true, status: 200, json: async () => ({ gmetadata }) };
    });
    const settled: string[] = [];
    const completer = new EhentaiTagCompleter({
      endpoint: 'https://api.e-hentai.org/api.php',
      origin: 'https://e-hentai.org',
      now: () => Date.now(),
      setTimer: (fn, ms) => {
        setTimeout(fn, ms);
      },
      onSettled: (ids) => settled.push(...ids),
      cache: { load: async () => ({}), save: async () => undefined },
    });
    await completer.init();
    const ids = Array.from({ length: 60 }, (_, i) => `${1000 + i}/abc`);
    for (const id of ids) expect(completer.awaiting(id)).toBe(true);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(sent.map((s) => s.gids)).toEqual([API_BATCH, API_BATCH, 10]);
    expect(maxOpen).toBe(1);
    for (let i = 1; i < sent.length; i++) {
      expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(API_MIN_INTERVAL_MS);
    }
    expect(new Set(settled)).toEqual(new Set(ids));
    expect(completer.extraTags('1000/abc')).toEqual([{ namespace: 'other', name: 'x' }]);
    expect(completer.awaiting('1000/abc')).toBe(false);
  });
});
