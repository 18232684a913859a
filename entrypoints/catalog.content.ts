import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCustomSite } from '@/src/page/custom-site';
import { CONTEXT_OPTIONS, runCatalog } from '@/src/page/runtime';
import { allMatchPatterns, siteForUrl } from '@/src/sites/registry';

export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_start',
  ...CONTEXT_OPTIONS,
  main(ctx) {
    const site = siteForUrl(location.href);
    // Elsewhere this script runs only where the background registered it: a site the user added.
    if (site) runCatalog(ctx, site);
    else runCustomSite(ctx);
  },
});
