import { defineContentScript } from 'wxt/utils/define-content-script';
// First of the project's modules (import order is evaluation order): it notes when the script began.
import { markStarted } from '@/src/page/clock';
import { CONTEXT_OPTIONS, runCatalog } from '@/src/page/runtime';
import { ao3 } from '@/src/sites/ao3';

/** ao3's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default defineContentScript({
  matches: ao3.matches,
  runAt: 'document_start',
  ...CONTEXT_OPTIONS,
  main(ctx) {
    markStarted();
    runCatalog(ctx, ao3);
  },
});
