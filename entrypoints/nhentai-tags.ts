import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { NHENTAI_TAG_IDS } from '@/src/sites/dictionaries/nhentai-tag-ids';
import { NHENTAI_TAGS_KEY, type NhentaiPart } from '@/src/sites/dictionaries/nhentai-tag-lines';
import { nhentaiNameLookup } from '@/src/sites/lookups/nhentai-names';

// nhentai's part: every tag-type id's name (32 kB) and the opt-in name look-up, imported by nhentai's
// content script in Chromium as a page starts, beside its settings (entrypoints/nhentai.content.ts): the
// script that blocks the page's parse stays small. Never run by itself, in no page's own world. Firefox's
// script carries both instead.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    const part: NhentaiPart = { names: NHENTAI_TAG_IDS, lookup: nhentaiNameLookup };
    (globalThis as { [NHENTAI_TAGS_KEY]?: NhentaiPart })[NHENTAI_TAGS_KEY] = part;
  },
});
