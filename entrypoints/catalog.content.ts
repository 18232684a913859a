import { defineContentScript } from 'wxt/utils/define-content-script';
// First of the project's modules (import order is evaluation order): it notes when the script began.
import { markStarted } from '@/src/page/clock';
import { runCustomSite } from '@/src/page/custom-site';
import { CONTEXT_OPTIONS, runCatalog } from '@/src/page/runtime';
import { allMatchPatterns, SEPARATE_SCRIPT_MATCHES, siteForUrl } from '@/src/sites/registry';

export default defineContentScript({
  // nhentai has its own script with its tag names (nhentai.content.ts): one script per page.
  matches: allMatchPatterns().filter((p) => !SEPARATE_SCRIPT_MATCHES.includes(p)),
  runAt: 'document_start',
  ...CONTEXT_OPTIONS,
  main(ctx) {
    markStarted();
    const site = siteForUrl(location.href);
    // Elsewhere this script runs only where the background registered it: a site the user added.
    if (site) runCatalog(ctx, site);
    else runCustomSite(ctx);
  },
});
