import { siteScript } from '@/src/page/site-script';
import { ao3 } from '@/src/sites/ao3';

/** ao3's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default siteScript(ao3);
