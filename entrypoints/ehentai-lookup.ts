import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { withOwnCache } from '@/src/page/local-cache';
import { LOOKUP_KEY, type MakeTagSource } from '@/src/page/lookup-loader';
import { ehentaiLookup } from '@/src/sites/lookups/ehentai-gdata';

// ehentai's look-up (opt-in completion), imported by its content script in Chromium the first time an entry
// waits for it (src/page/lookup-loader.ts): the script every page of the site runs does not carry it.
// Never run by itself, in no page's own world. Firefox's script carries the look-up instead.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as { [LOOKUP_KEY]?: MakeTagSource })[LOOKUP_KEY] = withOwnCache('ehentai', ehentaiLookup);
  },
});
