import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Blocklist, defaultSettings, MAX_SUBSCRIPTION_BYTES, originPattern } from './schema';
import { loadSettings, saveSettings } from './store';
import { applyFetched, fetchRules, refreshSubscriptions } from './subscriptions';
import { exportLists } from './transfer';

const URL_ = 'https://lists.example/ntr.txt';

function answer(body: string, status = 200, headers: Record<string, string> = {}) {
  return async () => new Response(body, { status, headers });
}

const subscribed: Blocklist = {
  id: 'sub',
  name: 'Shared NTR list',
  enabled: true,
  action: 'hide',
  patterns: ['old rule'],
  source: { url: URL_, updatedAt: 1 },
};

describe('fetchRules', () => {
  it('reads a plain list, a booru list and a Tagveil file', async () => {
    expect(await fetchRules(URL_, answer('netorare\ncheating\n'))).toEqual({
      ok: true,
      patterns: ['netorare', 'cheating'],
    });
    expect(await fetchRules(URL_, answer('ugly_bastard -vanilla\n'))).toEqual({
      ok: true,
      patterns: ['ugly_bastard -vanilla'],
    });
    const file = exportLists([{ ...subscribed, patterns: ['a', 'b'] }]);
    expect(await fetchRules(URL_, answer(file))).toEqual({ ok: true, patterns: ['a', 'b'] });
  });

  it('refuses an error status, an oversized answer, a file that does not validate', async () => {
    expect(await fetchRules(URL_, answer('', 404))).toEqual({ ok: false, error: 'the server answered 404' });
    expect(
      await fetchRules(URL_, answer('x', 200, { 'content-length': String(MAX_SUBSCRIPTION_BYTES + 1) })),
    ).toEqual({
      ok: false,
      error: 'larger than 256 KiB',
    });
    expect(await fetchRules(URL_, answer('a\n'.repeat(MAX_SUBSCRIPTION_BYTES)))).toMatchObject({ ok: false });
    const bad = await fetchRules(URL_, answer('{"format":"tagveil","version":2,"lists":[{"id":1}]}'));
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^lists\[0\]\.id: expected string/u),
    });
  });

  it('says when the network fails', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchRules(URL_, failing)).toEqual({
      ok: false,
      error: 'could not fetch it (Failed to fetch)',
    });
  });
});

describe('applyFetched', () => {
  it('takes the new rules and notes when they changed', () => {
    const next = applyFetched(subscribed, { ok: true, patterns: ['netorare'] }, 50);
    expect(next.patterns).toEqual(['netorare']);
    expect(next.source).toEqual({ url: URL_, updatedAt: 50, checkedAt: 50 });
  });

  it('keeps the last good rules when an update fails, with the error', () => {
    const next = applyFetched(subscribed, { ok: false, error: 'the server answered 500' }, 60);
    expect(next.patterns).toEqual(['old rule']);
    expect(next.source).toEqual({ url: URL_, updatedAt: 1, checkedAt: 60, error: 'the server answered 500' });
  });
});

describe('refreshSubscriptions', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const settings = defaultSettings();
    settings.lists.push(structuredClone(subscribed));
    await saveSettings(settings);
  });

  it('stores what each subscribed list’s URL gives', async () => {
    expect(await refreshSubscriptions({ fetchFn: answer('guro\n') })).toBe(1);
    const list = (await loadSettings()).settings.lists.find((l) => l.id === 'sub');
    expect(list?.patterns).toEqual(['guro']);
  });

  it('fetches nothing from a host the user did not allow', async () => {
    let fetched = false;
    await refreshSubscriptions({
      fetchFn: async () => {
        fetched = true;
        return new Response('x');
      },
      granted: async () => false,
    });
    expect(fetched).toBe(false);
    const list = (await loadSettings()).settings.lists.find((l) => l.id === 'sub');
    expect(list?.patterns).toEqual(['old rule']);
    expect(list?.source?.error).toMatch(/no permission to read lists\.example/u);
  });

  it('asks for that origin only', () => {
    expect(originPattern('https://lists.example/a/b.txt?x=1')).toBe('https://lists.example/*');
  });
});
