// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { pageDataSource } from '@/src/page/facts-page';
import { LOCAL_CACHES } from '@/src/page/local-cache';
import { siteScript } from '@/src/page/site-script';
import { hitomi } from '@/src/sites/hitomi';

/**
 * hitomi's own content script: its adapter and the reader of the page's own data (its cards carry only an
 * id; page-data.content.ts hands the data over from the page's world).
 */
export default siteScript(hitomi, { pageData: pageDataSource, caches: LOCAL_CACHES });
