import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_UI, PAGE_UI_KEY } from '@/src/page/ui';

// The veils, a detail page's warning and the refill bar, imported by a built-in site's content script
// the first time a page needs one (src/page/paint.ts): never run by itself, in no page's own world.
export default defineUnlistedScript(() => {
  (globalThis as { [PAGE_UI_KEY]?: typeof PAGE_UI })[PAGE_UI_KEY] = PAGE_UI;
});
