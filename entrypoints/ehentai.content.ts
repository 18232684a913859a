import { LOCAL_CACHES } from '@/src/page/local-cache';
import { siteScript } from '@/src/page/site-script';
import { ehentai } from '@/src/sites/ehentai';

/** ehentai's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default siteScript(ehentai, { caches: LOCAL_CACHES });
