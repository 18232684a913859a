// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { loadPageDataSource } from '@/src/page/page-data-loader';
import { siteScript } from '@/src/page/site-script';
import { pixiv } from '@/src/sites/pixiv';

/**
 * pixiv's own content script: its adapter and the reader of the page's own data, loaded beside the settings
 * (its cards carry only an id; page-data.content.ts hands the data over from the page's world).
 */
export default siteScript(pixiv, { siteData: loadPageDataSource });
