import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOOK_SITES, installPageDataHook } from '@/src/page/facts-hook';

/**
 * The page's own data, read in the page's main world (src/page/facts-hook.ts) on the three sites whose
 * cards carry only an id. No extension API here: it hands plain data to that site's own content script
 * (pixiv.content.ts, hitomi.content.ts, mangadex.content.ts).
 */
export default defineContentScript({
  matches: ['https://www.pixiv.net/*', 'https://hitomi.la/*', 'https://mangadex.org/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const site = HOOK_SITES[location.hostname];
    if (site) installPageDataHook(window, site);
  },
});
