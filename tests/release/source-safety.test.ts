import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(ts|html)$/u.test(name) && !/\.test\.ts$/u.test(name)) out.push(path);
  }
  return out;
}

/** What turns page or user data into code or markup. The extension builds DOM from nodes and text only. */
const FORBIDDEN: [RegExp, string][] = [
  [/\.(innerHTML|outerHTML)\s*=(?!=)/u, 'HTML assignment'],
  [/insertAdjacentHTML|document\.write|createContextualFragment/u, 'HTML insertion'],
  [/\beval\s*\(|new Function\b|\bFunction\s*\(/u, 'eval'],
  [/set(Timeout|Interval)\(\s*['"`]/u, 'string timer'],
  [/\bfetch\s*\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/u, 'network request'],
];

/**
 * The modules that may fetch, each an opt-in feature that asks only the site itself, and what proves it:
 * refill (the list's own next page), the sites' look-ups (their own hosts only), and subscriptions (the
 * address the user subscribed to, on the origin they granted).
 */
const NETWORK_ALLOWED = new Map<string, RegExp>([
  ['src/page/refill.ts', /origin !== new URL\(this\.#doc\.baseURI\)\.origin/u],
  // The main-world reader wraps the page's own fetch and XMLHttpRequest and sends nothing itself: it
  // passes the page's own arguments through and reads a copy of the answer.
  [
    'src/page/facts-hook.ts',
    /^(?=[\s\S]*pageFetch\.apply\(this, args\))(?=[\s\S]*sendXhr\.apply\(this, args\))/u,
  ],
  // nhentai's name look-up (opt-in, completeTags): the tag's own page on the page's origin, which the
  // look-up builds from the runtime's deps (origin: the document's own), one request at a time.
  [
    'src/sites/lookups/nhentai-names.ts',
    /^(?=[\s\S]*new NhentaiNameLookup\(\{\s*\.\.\.deps,)(?=[\s\S]*credentials: 'same-origin')(?=[\s\S]*tagPageUrl\(this\.#deps\.origin)/u,
  ],
  // E-Hentai's, hitomi.la's and MangaDex's look-ups (opt-in, completeTags): without cookies, only to the
  // addresses their specs build, the site's own API and gallery files.
  ['src/sites/lookups/completer.ts', /credentials: 'omit'/u],
  ['src/sites/lookups/hitomi-galleries.ts', /HITOMI_GALLERY_JS = 'https:\/\/ltn\.hitomi\.la\/galleries\/'/u],
  ['src/sites/lookups/mangadex-manga.ts', /MANGADEX_MANGA_API = 'https:\/\/api\.mangadex\.org\/manga'/u],
  [
    'src/sites/lookups/ehentai-gdata.ts',
    /'https:\/\/e-hentai\.org': 'https:\/\/api\.e-hentai\.org\/api\.php'/u,
  ],
  // Subscriptions: only the URL the user subscribed to, on an origin they granted, without cookies.
  [
    'src/settings/subscriptions.ts',
    /^(?=[\s\S]*credentials: 'omit')(?=[\s\S]*await options\.granted\(url\))/u,
  ],
]);

describe('the shipped source', () => {
  const shipped = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'entrypoints'))];

  it('has files to check', () => {
    expect(shipped.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN.map(([re, what]) => [what, re] as const))('has no %s', (what, re) => {
    const hits = shipped
      .filter((f) => re.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f))
      .filter((f) => !(what === 'network request' && NETWORK_ALLOWED.has(f)));
    expect(hits).toEqual([]);
  });

  it('makes requests only where a user-enabled, same-site feature lives', () => {
    for (const [file, proof] of NETWORK_ALLOWED)
      expect(readFileSync(join(ROOT, file), 'utf8'), file).toMatch(proof);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('the %s build holds no Function constructor', (build) => {
    const dir = join(ROOT, '.output', build);
    const bundles = listJs(dir);
    expect(bundles.length).toBeGreaterThan(0);
    for (const file of bundles)
      expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(/\bFunction\(|new Function/u);
  });

  // wxt.config.ts resolves WXT's context to src/page/context.ts; WXT's would bring back its ~2.9 kB and
  // its window.postMessage (code for it stays in the bundle even when switched off).
  it.each(['chrome-mv3', 'firefox-mv3'])(
    'the %s content scripts carry Tagveil’s context, not WXT’s',
    (build) => {
      const scripts = listJs(join(ROOT, '.output', build, 'content-scripts'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const file of scripts)
        expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(
          /postMessage|requestIdleCallback/u,
        );
    },
  );
});

function listJs(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listJs(path, out);
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}
