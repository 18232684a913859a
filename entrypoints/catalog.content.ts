import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCatalog } from '@/src/page/runtime';
import { allMatchPatterns, siteForUrl } from '@/src/sites/registry';

export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_start',
  main(ctx) {
    const site = siteForUrl(location.href);
    if (site) runCatalog(ctx, site);
  },
});
