import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { NHENTAI_TAG_IDS } from '@/src/sites/dictionaries/nhentai-tag-ids';
import { NHENTAI_TAGS_KEY } from '@/src/sites/dictionaries/nhentai-tag-lines';

// Every tag-type id's name (32 kB), imported by nhentai's content script in Chromium when the copy the
// background keeps in storage.local is not there (entrypoints/nhentai.content.ts). Never run by itself,
// in no page's own world. Firefox's script carries the names instead.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as { [NHENTAI_TAGS_KEY]?: string })[NHENTAI_TAGS_KEY] = NHENTAI_TAG_IDS;
  },
});
