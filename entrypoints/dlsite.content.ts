import { defineContentScript } from 'wxt/utils/define-content-script';
// First of the project's modules (import order is evaluation order): it notes when the script began.
import { markStarted } from '@/src/page/clock';
import { CONTEXT_OPTIONS, runCatalog } from '@/src/page/runtime';
import { dlsite } from '@/src/sites/dlsite';

/** dlsite's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default defineContentScript({
  matches: dlsite.matches,
  runAt: 'document_start',
  ...CONTEXT_OPTIONS,
  main(ctx) {
    markStarted();
    runCatalog(ctx, dlsite);
  },
});
