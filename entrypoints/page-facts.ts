import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageDataSource } from '@/src/page/facts-page';
import { PAGE_FACTS_KEY } from '@/src/page/page-data-loader';

// The reader of the page's own data (src/page/facts-page.ts), imported by pixiv's, hitomi.la's and
// MangaDex's content scripts in Chromium as a page starts, beside the settings: the script that blocks
// the page's parse stays small. Never run by itself, in no page's own world. Firefox's scripts carry it.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as { [PAGE_FACTS_KEY]?: typeof pageDataSource })[PAGE_FACTS_KEY] = pageDataSource;
  },
});
