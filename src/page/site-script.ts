// First of the project's modules (import order is evaluation order): it notes when the script began.
import './clock';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../sites/types';
import { markStarted } from './clock';
import { type CatalogOptions, runCatalog } from './runtime';
import { builtInPageUi } from './ui-loader';

/**
 * A built-in site's own content script (entrypoints/<site>.content.ts): that site's adapter and nothing
 * of the others', on the site's pages from document_start; the page UI is loaded when needed.
 */
export function siteScript(
  adapter: SiteAdapter,
  options: Omit<CatalogOptions, 'ui' | 'holdBySelector'> = {},
  /** The adapter as a page starts it, when it needs making then (nhentai's, with its name look-up). */
  prepare: () => SiteAdapter = () => adapter,
) {
  return defineContentScript({
    matches: adapter.matches,
    runAt: 'document_start',
    main(ctx) {
      // The veils and the rest of the page UI come when a page first needs them (paint.ts).
      runCatalog(ctx, prepare(), { ...options, ui: builtInPageUi, holdBySelector: true });
      markStarted();
    },
  });
}
