import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MANGADEX_TAGS } from '@/src/sites/dictionaries/mangadex-tags';
import { MANGADEX_TAGS_KEY } from '@/src/sites/mangadex';

// MangaDex's tag names by UUID, imported by its content script in Chromium as a page starts, beside its
// settings (entrypoints/mangadex.content.ts). Never run by itself, in no page's own world. Firefox's
// script carries the table instead.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as { [MANGADEX_TAGS_KEY]?: typeof MANGADEX_TAGS })[MANGADEX_TAGS_KEY] = MANGADEX_TAGS;
  },
});
