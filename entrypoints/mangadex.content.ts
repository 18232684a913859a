import { defineContentScript } from 'wxt/utils/define-content-script';
// First of the project's modules (import order is evaluation order): it notes when the script began.
import { markStarted } from '@/src/page/clock';
import { pageDataSource } from '@/src/page/facts-page';
import { CONTEXT_OPTIONS, runCatalog } from '@/src/page/runtime';
import { mangadex } from '@/src/sites/mangadex';

/**
 * mangadex's own content script: its adapter and the reader of the page's own data (its cards carry only
 * an id; page-data.content.ts hands the data over from the page's world).
 */
export default defineContentScript({
  matches: mangadex.matches,
  runAt: 'document_start',
  ...CONTEXT_OPTIONS,
  main(ctx) {
    markStarted();
    runCatalog(ctx, mangadex, { pageData: pageDataSource });
  },
});
