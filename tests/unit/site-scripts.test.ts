import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry';

const script = (id: string) =>
  readFileSync(resolve(import.meta.dirname, `../../entrypoints/${id}.content.ts`), 'utf8');

describe('each built-in site’s content script', () => {
  it('carries the local caches exactly when its site learns spellings or looks tags up', () => {
    for (const site of SITES) {
      const needs = site.learnDictionary !== undefined || site.createTagSource !== undefined;
      // Passed to runCatalog (runtime.ts `caches`): without them nothing learned or looked up is kept;
      // with them where nothing needs them, every page of the site loads code it never runs.
      expect(script(site.id).includes('caches: LOCAL_CACHES'), site.id).toBe(needs);
    }
  });

  it('is made by siteScript, which holds the site’s entries by its selector until the settings come', () => {
    for (const site of SITES) {
      const source = script(site.id);
      // runCatalog called by hand would start without the selector's hold (runtime.ts holdBySelector).
      expect(/export default siteScript\(/.test(source), site.id).toBe(true);
      expect(source.includes('runCatalog'), site.id).toBe(false);
    }
  });
});
