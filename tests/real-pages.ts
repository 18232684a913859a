import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Saved pages of real sites live outside the project (../shared/fixtures/real, or TAGVEIL_REAL_PAGES).
 * They are read, never copied; where the folder is absent the tests that need it say so and skip.
 */
export const REAL_PAGES_DIR = resolve(
  process.env.TAGVEIL_REAL_PAGES ?? join(import.meta.dirname, '../../shared/fixtures/real'),
);

export const HAVE_REAL_PAGES = existsSync(REAL_PAGES_DIR);

export const NO_REAL_PAGES_REASON = `real pages not found at ${REAL_PAGES_DIR} (set TAGVEIL_REAL_PAGES): real-page tests skipped`;

if (!HAVE_REAL_PAGES && process.env.CI) {
  throw new Error(`${NO_REAL_PAGES_REASON} — CI must have them`);
}

export function realPage(site: string, file: string): string {
  return readFileSync(join(REAL_PAGES_DIR, site, file), 'utf8');
}

export function realPages(site: string, ext = '.html'): string[] {
  return HAVE_REAL_PAGES ? readdirSync(join(REAL_PAGES_DIR, site)).filter((f) => f.endsWith(ext)) : [];
}

/** Decodes the HTML entities saved pages use in text and attributes (for reading them with regexes). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/gu, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

/** A saved page as a document (in the happy-dom test environment). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
