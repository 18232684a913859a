import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry';

const script = (id: string) =>
  readFileSync(resolve(import.meta.dirname, `../../entrypoints/${id}.content.ts`), 'utf8');

describe('each built-in site’s content script', () => {
  it('carries the local caches exactly when its site learns spellings (a look-up brings its own)', () => {
    for (const site of SITES) {
      const needs = site.learnDictionary !== undefined;
      // Passed to runCatalog (runtime.ts `caches`): without them nothing learned is kept; with them where
      // nothing needs them, every page of the site loads code it never runs. A look-up's own file, or
      // Firefox's script, gives it its cache (local-cache.ts withOwnCache).
      expect(script(site.id).includes('caches: LOCAL_CACHES'), site.id).toBe(needs);
    }
  });

  it('adds the look-up its adapter announces, loaded only when needed in Chromium', () => {
    for (const site of SITES) {
      const source = script(site.id);
      const adds = source.includes('createTagSource');
      expect(adds, site.id).toBe(site.lookupInOwnScript === true);
      // The adapter itself carries no look-up: the popup and the background, which import it, never load one.
      expect(site.createTagSource, site.id).toBeUndefined();
      if (adds && site.id !== 'nhentai')
        expect(source, site.id).toContain(
          `lookupOnDemand(() => loadFromExtension<MakeTagSource>('/${site.id}-lookup.js'`,
        );
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
