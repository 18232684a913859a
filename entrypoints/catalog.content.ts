import { defineContentScript } from 'wxt/utils/define-content-script';
// First of the project's modules (import order is evaluation order): it notes when the script began.
import { markStarted } from '@/src/page/clock';
import { runCustomSite } from '@/src/page/custom-site';

/**
 * The content script of the sites the user added: not in the manifest, registered by the background on
 * each origin the user granted (src/background/custom-sites.ts, as content-scripts/catalog.js, the name
 * registrations kept from earlier versions point to). Each built-in site has its own script
 * (entrypoints/<site>.content.ts) with its adapter only.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  main(ctx) {
    runCustomSite(ctx);
    markStarted();
  },
});
