import type { PageWork } from '../page-data';
import { type LookupDeps, type LookupSpec, parseJsonAnswer, plainTag, SiteLookup } from './completer';

/** The site's metadata API takes at most this many galleries a request. */
export const API_BATCH = 25;
/** At least this long after an answer before the next request, and never two in flight. */
export const API_MIN_INTERVAL_MS = 1_000;
/** An entry waits this long for its full tags (held back, unpainted), then shows with what the row has. */
export const COMPLETE_WAIT_MS = 3_000;
/** Requests for one page at most: 40 × 25 rows, more than a list page shows. */
const API_MAX_REQUESTS = 40;
/** A 25-gallery answer is ~40 kB. */
const API_MAX_ANSWER_CHARS = 1024 * 1024;
/** A gallery as a row's link names it: `<gid>/<token>`. */
const GALLERY_ID = /^\d+\/[0-9a-f]+$/u;

/** The API of each site: E-Hentai's own host; ExHentai answers on its own origin. */
const API_ENDPOINTS: Record<string, string> = {
  'https://e-hentai.org': 'https://api.e-hentai.org/api.php',
  'https://exhentai.org': 'https://exhentai.org/api.php',
};

function apiEndpoint(origin: string): string | undefined {
  return API_ENDPOINTS[origin];
}

/** Reads the API's answer without trusting it: galleries with a numeric gid, a token and string tags. */
export function parseGdata(json: unknown): { id: string; tags: string[] }[] {
  const list = (json as { gmetadata?: unknown } | null)?.gmetadata;
  if (!Array.isArray(list)) throw new Error('the answer has no gmetadata list');
  return list.flatMap((g: unknown) => {
    const { gid, token, tags } = (g ?? {}) as { gid?: unknown; token?: unknown; tags?: unknown };
    if (typeof gid !== 'number' || typeof token !== 'string' || !Array.isArray(tags)) return [];
    return [{ id: `${gid}/${token}`, tags: tags.filter((t): t is string => typeof t === 'string') }];
  });
}

/** The galleries of one answer, their tags as the site writes them (`female:netorare`). */
function galleries(text: string): Pick<PageWork, 'id' | 'tags'>[] {
  return parseGdata(parseJsonAnswer(text)).map((g) => ({ id: g.id, tags: g.tags.map(plainTag) }));
}

/** The look-up of one site's API (`endpoint`): E-Hentai's or ExHentai's. */
function gdataLookup(endpoint: string): LookupSpec {
  return {
    batch: API_BATCH,
    minIntervalMs: API_MIN_INTERVAL_MS,
    // The rows are the page's; nothing else brings their tags: asked at once.
    graceMs: 0,
    timeoutMs: 5_000,
    waitMs: COMPLETE_WAIT_MS,
    maxRequests: API_MAX_REQUESTS,
    maxAnswerChars: API_MAX_ANSWER_CHARS,
    validId: (id) => GALLERY_ID.test(id),
    url: () => endpoint,
    body: (ids) =>
      JSON.stringify({
        method: 'gdata',
        gidlist: ids.map((id) => {
          const [gid, token] = id.split('/');
          return [Number(gid), token];
        }),
        namespace: 1,
      }),
    parse: galleries,
    restore: plainTag,
  };
}

/**
 * Completes E-Hentai list rows (which show a dozen tags, or only highlighted ones, or none) with the
 * site's own metadata API (opt-in: settings.completeTags): batched, cached, one request in flight.
 */
export function ehentaiLookup(deps: LookupDeps): SiteLookup | null {
  const endpoint = apiEndpoint(deps.origin);
  return endpoint ? new SiteLookup(gdataLookup(endpoint), deps) : null;
}
