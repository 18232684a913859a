import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LOOKUP_KEY } from '@/src/page/lookup-loader';
import { nhentaiNameLookup } from '@/src/sites/lookups/nhentai-names';

// nhentai's name look-up (opt-in completion; it also says which rules a page cannot apply yet), imported
// by its content script in Chromium as a page starts, without holding the first pass
// (entrypoints/nhentai.content.ts). Never run by itself, in no page's own world. Firefox's script carries it.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as { [LOOKUP_KEY]?: typeof nhentaiNameLookup })[LOOKUP_KEY] = nhentaiNameLookup;
  },
});
