import { siteScript } from '@/src/page/site-script';
import { e621 } from '@/src/sites/e621';

/** e621's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default siteScript(e621);
