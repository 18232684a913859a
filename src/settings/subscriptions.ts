import { detectFormat, readImport } from './foreign';
import { type Blocklist, MAX_SUBSCRIPTION_BYTES } from './schema';
import { loadSettings, updateSettings } from './store';

/**
 * Lists kept up to date from a URL, like an ad blocker's filter lists. Fetched only from a host the user
 * granted (an optional permission asked for when subscribing), on a daily alarm or when asked; the
 * answer is size-capped and validated like an import, and a failed update keeps the last good rules.
 */
export const SUBSCRIPTION_ALARM = 'tagveil-subscriptions';
export const SUBSCRIPTION_PERIOD_MINUTES = 24 * 60;
export const SUBSCRIPTION_TIMEOUT_MS = 15_000;

export type Fetched = { ok: true; patterns: string[] } | { ok: false; error: string };

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Fetches and reads a subscribed list: a Tagveil file (its lists' rules), a booru or plain list. */
export async function fetchRules(url: string, fetchFn: FetchLike = fetch): Promise<Fetched> {
  let text: string;
  try {
    const response = await fetchFn(url, {
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'error',
      signal: AbortSignal.timeout(SUBSCRIPTION_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, error: `the server answered ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_SUBSCRIPTION_BYTES) return { ok: false, error: tooBig() };
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      error: `could not fetch it (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (text.length > MAX_SUBSCRIPTION_BYTES) return { ok: false, error: tooBig() };
  const read = readImport(text, detectFormat(text));
  if (!read.ok) return { ok: false, error: read.errors.slice(0, 3).join('; ') };
  const patterns = [...new Set(read.incoming.lists.flatMap((l) => l.patterns))];
  if (patterns.length === 0) return { ok: false, error: 'the file holds no rules' };
  return { ok: true, patterns };
}

function tooBig(): string {
  return `larger than ${MAX_SUBSCRIPTION_BYTES / 1024} KiB`;
}

/** The list after a fetch: new rules on success, the last good ones (and the error) on failure. */
export function applyFetched(list: Blocklist, fetched: Fetched, now: number): Blocklist {
  if (!list.source) return list;
  if (!fetched.ok)
    return { ...list, source: { ...list.source, checkedAt: now, error: fetched.error.slice(0, 300) } };
  const changed = fetched.patterns.join('\n') !== list.patterns.join('\n');
  const { error: _, ...source } = list.source;
  return {
    ...list,
    patterns: fetched.patterns,
    source: { ...source, checkedAt: now, ...(changed || !source.updatedAt ? { updatedAt: now } : {}) },
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
      : { ok: false, error: `no permission to read ${new URL(url).host}: subscribe again to allow it` };
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
