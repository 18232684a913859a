import { checkRules, type RuleProblem } from '../rules/check';
import { detectFormat, readImport } from './foreign';
import { MAX_STORED_MESSAGE_CHARS, type Message, msg, ruleProblemMessage } from './message';
import { type Blocklist, MAX_SUBSCRIPTION_BYTES } from './schema';
import { loadSettings, updateSettings } from './store';

/**
 * Lists kept up to date from a URL, like an ad blocker's filter lists. Fetched only from a host the user
 * granted (an optional permission asked for when subscribing), on a daily alarm or when asked; the
 * answer is size-capped and validated like an import, and a failed update keeps the last good rules.
 */
export const SUBSCRIPTION_ALARM = 'tagveil-subscriptions';
export const SUBSCRIPTION_PERIOD_MINUTES = 24 * 60;
/** The whole answer, headers and body, must arrive within this; a server that stalls is given up on. */
export const SUBSCRIPTION_TIMEOUT_MS = 15_000;
/** How many of the rules left out a status names (the field holds 300 characters). */
const LEFT_OUT_SHOWN = 2;

export type Fetched = { ok: true; patterns: string[]; note?: Message } | { ok: false; error: Message };

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
}

/** Why a fetch was aborted by its own clock rather than by the network. */
const TIMED_OUT = new Error('timed out');

/**
 * Reads a body, counting bytes as they arrive, and stops at `maxBytes`: null when the body is larger.
 * An answer with no Content-Length, or a false one, is never held in memory past the cap and one chunk.
 * Aborting `signal` stops the read even where the stream itself ignores it.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const stop = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      // A cancelled read ends as "done": that is the abort, not the end of the body.
      signal.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel('too large').catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Fetches and reads a subscribed list: a Tagveil file (its lists' rules), AO3 Savior's, a booru or plain list. */
export async function fetchRules(
  url: string,
  fetchFn: FetchLike = fetch,
  limits: FetchLimits = {},
): Promise<Fetched> {
  const { timeoutMs = SUBSCRIPTION_TIMEOUT_MS, maxBytes = MAX_SUBSCRIPTION_BYTES } = limits;
  const tooBig: Fetched = { ok: false, error: msg('subTooBig', maxBytes / 1024) };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  let bytes: Uint8Array | null;
  try {
    const response = await fetchFn(url, {
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'error',
      signal: controller.signal,
    });
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      return { ok: false, error: msg('subServerAnswered', response.status) };
    }
    // A declared size over the cap is refused unread; a missing or false one is caught while reading.
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      return tooBig;
    }
    bytes = await readCapped(response.body, maxBytes, controller.signal);
  } catch (error) {
    if (controller.signal.reason === TIMED_OUT)
      return { ok: false, error: msg('subTimedOut', Math.round(timeoutMs / 100) / 10) };
    return {
      ok: false,
      // The browser's own reason (a network error) is passed on as it gives it.
      error: msg('subCouldNotFetch', (error instanceof Error ? error.message : String(error)).slice(0, 200)),
    };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  if (!bytes) return tooBig;
  const text = new TextDecoder().decode(bytes);
  // Only the rules are kept (the list is the user's, with its own name): the address names the rest.
  const read = readImport(text, detectFormat(text), { booru: url, plain: url });
  if (!read.ok) return { ok: false, error: msg('msg_subUnreadable', read.errors.slice(0, 2)) };
  const { kept, rules, leftOut } = checkRules([...new Set(read.incoming.lists.flatMap((l) => l.patterns))]);
  const named = leftOut.slice(0, LEFT_OUT_SHOWN).map(({ rule, problem }) => leftOutNote(rule, problem));
  const more =
    leftOut.length > LEFT_OUT_SHOWN ? [msg('msg_subMoreLeftOut', leftOut.length - LEFT_OUT_SHOWN)] : [];
  if (rules === 0)
    return {
      ok: false,
      error: leftOut.length > 0 ? msg('subNoUsableRules', [...named, ...more]) : msg('subNoRules'),
    };
  if (leftOut.length === 0) return { ok: true, patterns: kept };
  return {
    ok: true,
    patterns: kept,
    note: msg('subRulesLeftOut', leftOut.length, rules, [...named, ...more]),
  };
}

/** One rule left out, shortened, with what is wrong with it. */
function leftOutNote(rule: string, problem: RuleProblem): Message {
  const shown = rule.length > 40 ? `${rule.slice(0, 39)}…` : rule;
  return msg('ruleLeftOut', shown, ruleProblemMessage(problem));
}

/** A message small enough to store with the list (its values shortened, then its details dropped). */
function storable(said: Message): Message {
  if (JSON.stringify(said).length <= MAX_STORED_MESSAGE_CHARS) return said;
  const short = { ...said, params: said.params.map((p) => (typeof p === 'string' ? p.slice(0, 60) : p)) };
  if (JSON.stringify(short).length <= MAX_STORED_MESSAGE_CHARS) return short;
  return { key: said.key, params: said.params.filter((p) => typeof p === 'number') };
}

/** The list after a fetch: new rules on success, the last good ones (and the error) on failure. */
export function applyFetched(list: Blocklist, fetched: Fetched, now: number): Blocklist {
  if (!list.source) return list;
  // The words an older version stored give way to a message in the user's language.
  const { error: _, problem: __, ...source } = list.source;
  if (!fetched.ok)
    return { ...list, source: { ...source, checkedAt: now, problem: storable(fetched.error) } };
  const changed = fetched.patterns.join('\n') !== list.patterns.join('\n');
  return {
    ...list,
    patterns: fetched.patterns,
    source: {
      ...source,
      checkedAt: now,
      ...(changed || !source.updatedAt ? { updatedAt: now } : {}),
      // Rules the file held that could not be used: the status field is where the user reads about them.
      ...(fetched.note ? { problem: storable(fetched.note) } : {}),
    },
  };
}

/**
 * Fetches every subscribed list (or the one with `onlyId`) and stores what came back. Fetches happen
 * outside the settings lock; the results apply to the newest settings, to lists still subscribed to the
 * same URL.
 */
export async function refreshSubscriptions(
  options: { onlyId?: string; fetchFn?: FetchLike; granted?: (url: string) => Promise<boolean> } = {},
): Promise<number> {
  const { settings } = await loadSettings();
  const due = settings.lists.filter(
    (l) => l.source && (options.onlyId === undefined || l.id === options.onlyId),
  );
  const results = new Map<string, { url: string; fetched: Fetched }>();
  for (const list of due) {
    const url = list.source?.url as string;
    const allowed = options.granted ? await options.granted(url) : true;
    const fetched: Fetched = allowed
      ? await fetchRules(url, options.fetchFn)
      : { ok: false, error: msg('subNotAllowed', new URL(url).host) };
    results.set(list.id, { url, fetched });
  }
  if (results.size === 0) return 0;
  const now = Date.now();
  await updateSettings((s) => {
    s.lists = s.lists.map((list) => {
      const result = results.get(list.id);
      return result && list.source?.url === result.url ? applyFetched(list, result.fetched, now) : list;
    });
  });
  return results.size;
}
