// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { withOwnCache } from '@/src/page/local-cache';
import { LOOKUP_KEY, lookupOnDemand, type MakeTagSource } from '@/src/page/lookup-loader';
import { siteScript } from '@/src/page/site-script';
import { loadFromExtension } from '@/src/page/ui-loader';
import { ehentai } from '@/src/sites/ehentai';
import { ehentaiLookup } from '@/src/sites/lookups/ehentai-gdata';

/**
 * The opt-in look-up: in Chromium its own file (ehentai-lookup.js), imported the first time an entry waits for
 * it; in Firefox part of this script (addons-linter refuses an import() whose address is computed).
 */
const createTagSource: MakeTagSource = import.meta.env.FIREFOX
  ? withOwnCache('ehentai', ehentaiLookup)
  : lookupOnDemand(() => loadFromExtension<MakeTagSource>('/ehentai-lookup.js', LOOKUP_KEY));

/**
 * ehentai's own content script: its adapter and nothing of the other sites (docs/architecture.md); its look-up comes when first needed.
 */
export default siteScript(ehentai, {}, () => ({ ...ehentai, createTagSource }));
