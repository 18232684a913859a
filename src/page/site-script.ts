// First of the project's modules (import order is evaluation order): it notes when the script began.
import './clock';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../sites/types';
import { markStarted } from './clock';
import { type CatalogOptions, CONTEXT_OPTIONS, runCatalog } from './runtime';

/**
 * A built-in site's own content script (entrypoints/<site>.content.ts): that site's adapter and nothing
 * of the others', on the site's pages from document_start.
 */
export function siteScript(adapter: SiteAdapter, options?: CatalogOptions) {
  return defineContentScript({
    matches: adapter.matches,
    runAt: 'document_start',
    ...CONTEXT_OPTIONS,
    main(ctx) {
      markStarted();
      runCatalog(ctx, adapter, options);
    },
  });
}
