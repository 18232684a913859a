import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishText } from '../../tests/locale-text';
import { msg } from './message';
import {
  type Blocklist,
  BlocklistSchema,
  defaultSettings,
  MAX_SUBSCRIPTION_BYTES,
  originPattern,
} from './schema';
import { loadSettings, saveSettings } from './store';
import { applyFetched, fetchRules, refreshSubscriptions } from './subscriptions';
import { exportLists } from './transfer';

/** fetchRules, with what it says in English. */
async function fetchSaid(...args: Parameters<typeof fetchRules>) {
  const fetched = await fetchRules(...args);
  if (!fetched.ok) return { ...fetched, error: englishText(fetched.error) };
  return fetched.note ? { ...fetched, note: englishText(fetched.note) } : fetched;
}

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
    expect(await fetchSaid(URL_, answer('netorare\ncheating\n'))).toEqual({
      ok: true,
      patterns: ['netorare', 'cheating'],
    });
    expect(await fetchSaid(URL_, answer('ugly_bastard -vanilla\n'))).toEqual({
      ok: true,
      patterns: ['ugly_bastard -vanilla'],
    });
    const file = exportLists([{ ...subscribed, patterns: ['a', 'b'] }]);
    expect(await fetchSaid(URL_, answer(file))).toEqual({ ok: true, patterns: ['a', 'b'] });
  });

  it('refuses an error status, an oversized answer, a file that does not validate', async () => {
    expect(await fetchSaid(URL_, answer('', 404))).toEqual({ ok: false, error: 'the server answered 404' });
    expect(
      await fetchSaid(URL_, answer('x', 200, { 'content-length': String(MAX_SUBSCRIPTION_BYTES + 1) })),
    ).toEqual({
      ok: false,
      error: 'larger than 256 KiB',
    });
    expect(await fetchSaid(URL_, answer('a\n'.repeat(MAX_SUBSCRIPTION_BYTES)))).toMatchObject({ ok: false });
    const bad = await fetchSaid(URL_, answer('{"format":"tagveil","version":2,"lists":[{"id":1}]}'));
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the file cannot be read: lists\[0\]\.id: expected string/u),
    });
  });

  it('says when the network fails', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchSaid(URL_, failing)).toEqual({
      ok: false,
      error: 'could not fetch it (Failed to fetch)',
    });
  });
});

const CHUNK = 64 * 1024;
/** Past this, a test stream errors: the old unbounded read would otherwise fill the machine's memory. */
const GUARD_BYTES = 64 * 1024 * 1024;

/** An answer whose body never ends (and declares no size, or a false one); counts what was pulled from it. */
function endless(headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= GUARD_BYTES) return controller.error(new Error('read past the guard'));
        seen.pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    // Nothing is pulled ahead of a read: what was pulled is what the reader took.
    { highWaterMark: 0 },
  );
  return { seen, fetchFn: async () => new Response(body, { headers }) };
}

describe('fetchRules against answers that do not end', () => {
  it('stops reading an endless answer with no declared size at the cap', async () => {
    const { seen, fetchFn } = endless();
    expect(await fetchSaid(URL_, fetchFn)).toEqual({ ok: false, error: 'larger than 256 KiB' });
    expect(seen.pulled).toBeLessThanOrEqual(MAX_SUBSCRIPTION_BYTES + CHUNK);
    expect(seen.cancelled).toBe(true);
  });

  it('does not believe a declared size that is false', async () => {
    const { seen, fetchFn } = endless({ 'content-length': '100' });
    expect(await fetchSaid(URL_, fetchFn)).toEqual({ ok: false, error: 'larger than 256 KiB' });
    expect(seen.pulled).toBeLessThanOrEqual(MAX_SUBSCRIPTION_BYTES + CHUNK);
  });

  it('gives up on a body that never comes', async () => {
    let cancelled = false;
    const silent = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
    });
    const started = Date.now();
    expect(await fetchSaid(URL_, async () => new Response(silent), { timeoutMs: 100 })).toEqual({
      ok: false,
      error: 'no complete answer within 0.1 s',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(cancelled).toBe(true);
  });

  it('gives up on a server that never answers', async () => {
    const never = (_: string, init: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await fetchSaid(URL_, never, { timeoutMs: 100 })).toEqual({
      ok: false,
      error: 'no complete answer within 0.1 s',
    });
  });

  it('reads an answer that trickles in within the time', async () => {
    const lines = ['netorare\n', 'cheating\n'];
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const line = lines.shift();
        if (line === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(line));
      },
    });
    expect(await fetchSaid(URL_, async () => new Response(trickle), { timeoutMs: 1_000 })).toEqual({
      ok: true,
      patterns: ['netorare', 'cheating'],
    });
  });
});

describe('fetchRules checks each rule the file holds', () => {
  const long = `${'x'.repeat(600)}`;

  it('leaves out an AO3 Savior tag over 500 characters, and says so', async () => {
    const savior = JSON.stringify({ tagBlacklist: [long, 'Netorare'], showPlaceholders: false });
    const fetched = await fetchSaid(URL_, answer(savior));
    expect(fetched).toEqual({
      ok: true,
      patterns: ['Netorare'],
      note: `left out 1 of its rules and applied the other 1. “"${'x'.repeat(38)}…”: longer than 500 characters`,
    });
  });

  it('leaves out a rule that does not parse, from a Tagveil file', async () => {
    const file = exportLists([{ ...subscribed, patterns: ['/(unclosed/', 'netorare', '# a note'] }]);
    const fetched = await fetchSaid(URL_, answer(file));
    expect(fetched).toMatchObject({ ok: true, patterns: ['netorare', '# a note'] });
    expect(fetched.ok && fetched.note).toMatch(
      /^left out 1 of its rules and applied the other 1\. “\/\(unclosed\/”: column 2: /u,
    );
  });

  it('refuses a file none of whose rules can be used', async () => {
    const savior = JSON.stringify({ tagBlacklist: [long, `y${long}`, `z${long}`] });
    expect(await fetchSaid(URL_, answer(savior))).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^none of its rules can be used\. “"x+…”: longer than 500 characters; “"yx+…”: longer than 500 characters; and 1 more$/u,
      ),
    });
  });
});

describe('applyFetched', () => {
  it('takes the new rules and notes when they changed', () => {
    const next = applyFetched(subscribed, { ok: true, patterns: ['netorare'] }, 50);
    expect(next.patterns).toEqual(['netorare']);
    expect(next.source).toEqual({ url: URL_, updatedAt: 50, checkedAt: 50 });
  });

  it('takes the good rules of a file with bad ones, and says which were left out', () => {
    const note = msg('subRulesLeftOut', 1, 1, [msg('ruleLeftOut', '/(a/', msg('ruleUnreadable', 2, '…'))]);
    // What an older version stored in words gives way to the message.
    const older = { ...subscribed, source: { ...subscribed.source, url: URL_, error: 'in words' } };
    const next = applyFetched(older, { ok: true, patterns: ['netorare'], note }, 70);
    expect(next.patterns).toEqual(['netorare']);
    expect(next.source).toEqual({ url: URL_, updatedAt: 70, checkedAt: 70, problem: note });
    expect(englishText(next.source?.problem)).toBe(
      'left out 1 of its rules and applied the other 1. “/(a/”: column 2: …',
    );
    // The next clean update clears it.
    expect(applyFetched(next, { ok: true, patterns: ['netorare'] }, 80).source).toEqual({
      url: URL_,
      updatedAt: 70,
      checkedAt: 80,
    });
  });

  it('keeps the last good rules when an update fails, with the error', () => {
    const error = msg('subServerAnswered', 500);
    const next = applyFetched(subscribed, { ok: false, error }, 60);
    expect(next.patterns).toEqual(['old rule']);
    expect(next.source).toEqual({ url: URL_, updatedAt: 1, checkedAt: 60, problem: error });
    // Stored as it is, and read back by the settings' own schema.
    expect(BlocklistSchema.parse(next)).toEqual(next);
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
    expect(englishText(list?.source?.problem)).toMatch(/no permission to read lists\.example/u);
  });

  it('asks for that origin only', () => {
    expect(originPattern('https://lists.example/a/b.txt?x=1')).toBe('https://lists.example/*');
  });
});
