import { siteScript } from '@/src/page/site-script';
import { danbooru } from '@/src/sites/danbooru';

/** danbooru's own content script: its adapter and nothing of the other sites (docs/architecture.md). */
export default siteScript(danbooru);
