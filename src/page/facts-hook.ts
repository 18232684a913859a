/**
 * The main-world reader: runs in the page's own script world at document_start on the sites whose cards
 * carry only an id (pixiv, hitomi.la, MangaDex). It reads a copy of the page's own answers from the
 * site's own API paths, extracts id → facts, and hands plain JSON text to the isolated content script.
 * It changes no answer, sends nothing anywhere, never throws into the page, and knows nothing of the
 * user's lists. Kept small: it costs every page of these sites its start-up.
 */
import { hitomiGallery, hitomiWorks } from '../sites/hitomi-data';
import { mangadexWorks } from '../sites/mangadex-data';
import {
  MAX_ANSWER_BYTES,
  PAGE_DATA_EVENT,
  PAGE_DATA_HELLO_EVENT,
  PAGE_DATA_READER_EVENT,
  type PageDataMessage,
  type PageWork,
} from '../sites/page-data';
import { pixivWorks } from '../sites/pixiv-data';

/** How one answer is read: as JSON (parsed once more from a copy) or as script text. */
interface AnswerReader {
  json: boolean;
  read(body: unknown): PageWork[];
}

export interface HookSite {
  site: string;
  /** The reader for an answer from this address, or null for every answer the reader leaves alone. */
  answer(url: URL): AnswerReader | null;
  /** Data the page keeps in a global (hitomi's reader assigns `galleryinfo`). */
  globals?: Record<string, (value: unknown) => PageWork[]>;
}

const pixivJson: AnswerReader = { json: true, read: (body) => pixivWorks(body) };
const pixivNovelJson: AnswerReader = { json: true, read: (body) => pixivWorks(body, true) };
const mangadexJson: AnswerReader = { json: true, read: mangadexWorks };
const hitomiScript: AnswerReader = { json: false, read: (body) => hitomiWorks(String(body)) };

/** The sites the reader runs on, by the page's host. */
export const HOOK_SITES: Record<string, HookSite> = {
  'www.pixiv.net': {
    site: 'pixiv',
    answer: (url) =>
      url.hostname !== 'www.pixiv.net' || !url.pathname.startsWith('/ajax/')
        ? null
        : /^\/ajax\/novel\/\d+/u.test(url.pathname)
          ? pixivNovelJson
          : pixivJson,
  },
  'hitomi.la': {
    site: 'hitomi',
    answer: (url) =>
      url.hostname.endsWith('hitomi.la') && /^\/galleries\/\d+\.js$/u.test(url.pathname)
        ? hitomiScript
        : null,
    globals: { galleryinfo: (value) => [hitomiGallery(value)].filter((g): g is PageWork => g !== null) },
  },
  'mangadex.org': {
    site: 'mangadex',
    answer: (url) =>
      url.hostname === 'api.mangadex.org' && /^\/manga(\/|$)/u.test(url.pathname) ? mangadexJson : null,
  },
};

/** Messages kept until the isolated script says it listens (it may start after this script). */
const MAX_KEPT_MESSAGES = 500;

/** Installs the reader in `win` for `spec`. Returns the time spent reading answers (for the bench). */
export function installPageDataHook(
  win: typeof globalThis & Window,
  spec: HookSite,
): { readMs: () => number } {
  const doc = win.document;
  let listening = false;
  let kept: string[] = [];
  let spent = 0;
  const send = (message: string) => {
    if (listening) doc.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: message }));
    else if (kept.length < MAX_KEPT_MESSAGES) kept.push(message);
  };
  doc.addEventListener(PAGE_DATA_HELLO_EVENT, () => {
    listening = true;
    const pending = kept;
    kept = [];
    for (const message of pending) send(message);
  });
  // The isolated script may have said hello before this script started: it answers this with another.
  doc.dispatchEvent(new CustomEvent(PAGE_DATA_READER_EVENT));
  const hand = (reader: AnswerReader, body: unknown) => {
    const start = performance.now();
    try {
      const value = reader.json && typeof body === 'string' ? JSON.parse(body) : body;
      const works = reader.read(value);
      if (works.length > 0) send(JSON.stringify({ site: spec.site, works } satisfies PageDataMessage));
    } catch {
      // Not the answer it looked like: the page reads it as it will; nothing is handed over.
    }
    spent += performance.now() - start;
  };
  const readerFor = (input: unknown): AnswerReader | null => {
    try {
      const href = typeof input === 'string' || input instanceof URL ? String(input) : (input as Request).url;
      return spec.answer(new URL(href, win.location.href));
    } catch {
      return null;
    }
  };

  const pageFetch = win.fetch;
  if (typeof pageFetch === 'function') {
    win.fetch = function fetch(this: unknown, ...args: Parameters<typeof win.fetch>) {
      const answer = pageFetch.apply(this, args);
      const reader = readerFor(args[0]);
      if (reader) {
        // A copy is taken before the page's own reading starts (this callback runs first).
        answer
          .then((response) => {
            if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES)
              return;
            return response
              .clone()
              .text()
              .then((text) => {
                if (text.length <= MAX_ANSWER_BYTES) hand(reader, text);
              });
          })
          .catch(() => undefined);
      }
      return answer;
    };
  }

  const xhr = win.XMLHttpRequest?.prototype;
  if (xhr) {
    const readers = new WeakMap<XMLHttpRequest, AnswerReader>();
    const open = xhr.open;
    xhr.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      const reader = readerFor(args[1]);
      if (reader) readers.set(this, reader);
      else readers.delete(this);
      // biome-ignore lint/suspicious/noExplicitAny: open's overloads take 2 to 5 arguments, passed as given
      return (open as any).apply(this, args);
    };
    const sendXhr = xhr.send;
    xhr.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
      const reader = readers.get(this);
      if (reader) {
        this.addEventListener('load', () => {
          try {
            if (this.status < 200 || this.status >= 300) return;
            const type = this.responseType;
            if (type === '' || type === 'text') {
              if (this.responseText.length <= MAX_ANSWER_BYTES) hand(reader, this.responseText);
            } else if (type === 'json') hand(reader, this.response);
          } catch {
            // An answer of another type: nothing to read.
          }
        });
      }
      return sendXhr.apply(this, args);
    };
  }

  for (const [name, read] of Object.entries(spec.globals ?? {})) {
    // `var galleryinfo = {…}` of a classic script assigns through this accessor; the page reads its value
    // back unchanged. Left alone if the page (or another extension) already defined it.
    if (Object.getOwnPropertyDescriptor(win, name)) continue;
    let value: unknown;
    Object.defineProperty(win, name, {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (next: unknown) => {
        value = next;
        hand({ json: false, read }, next);
      },
    });
  }
  return { readMs: () => spent };
}
