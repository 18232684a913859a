import { LOCAL_CACHES } from '@/src/page/local-cache';
import { siteScript } from '@/src/page/site-script';
import { dlsite } from '@/src/sites/dlsite';

/** dlsite's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default siteScript(dlsite, { caches: LOCAL_CACHES });
