import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from './registry';

const DIR = import.meta.dirname;
const files = readdirSync(DIR);
const tests = files.filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(DIR, f), 'utf8'));
/**
 * Files in src/sites that are not one site's adapter (custom.ts builds adapters for sites the user adds;
 * `<site>-data.ts` reads a site's own data, page-data.ts is their shared format).
 */
const SHARED = new Set(['types.ts', 'registry.ts', 'data-tags.ts', 'custom.ts', 'origin.ts']);

describe('the site registry', () => {
  it.each(SITES.map((s) => [s.id, s] as const))('%s: its file is its id, and a test reads it', (id) => {
    expect(files).toContain(`${id}.ts`);
    expect(tests.some((t) => t.includes(`from './${id}'`))).toBe(true);
  });

  it('registers every adapter file', () => {
    const adapters = files.filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('-data.ts') && !SHARED.has(f),
    );
    expect(adapters.map((f) => f.replace(/\.ts$/u, '')).sort()).toEqual(SITES.map((s) => s.id).sort());
  });

  it.each(SITES.map((s) => [s.id, s] as const))(
    '%s: has its own content script, on its own patterns, with the page-data reader where it needs one',
    (id, site) => {
      // One script per site: a page loads its site's adapter (and dictionary) only (docs/architecture.md).
      const entry = readFileSync(join(DIR, `../../entrypoints/${id}.content.ts`), 'utf8');
      // Its patterns are the adapter's: siteScript(adapter) (src/page/site-script.ts) or matches: adapter.matches.
      expect(entry).toMatch(new RegExp(`siteScript\\(${id}\\b|matches: ${id}\\.matches`, 'u'));
      expect(/siteData: loadPageDataSource|loadPageDataSource\(\)/.test(entry)).toBe(
        site.pageData !== undefined,
      );
    },
  );

  it('gives each site its own match patterns', () => {
    const patterns = SITES.flatMap((s) => s.matches);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
