// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { withOwnCache } from '@/src/page/local-cache';
import { LOOKUP_KEY, lookupOnDemand, type MakeTagSource } from '@/src/page/lookup-loader';
import { loadPageDataSource, readerWithTable } from '@/src/page/page-data-loader';
import { siteScript } from '@/src/page/site-script';
import { loadFromExtension } from '@/src/page/ui-loader';
import { MANGADEX_TAGS } from '@/src/sites/dictionaries/mangadex-tags';
import { mangadexLookup } from '@/src/sites/lookups/mangadex-manga';
import { learnMangadexTags, MANGADEX_TAGS_KEY, mangadex } from '@/src/sites/mangadex';

/**
 * The opt-in look-up: in Chromium its own file (mangadex-lookup.js), imported the first time an entry waits for
 * it; in Firefox part of this script (addons-linter refuses an import() whose address is computed).
 */
const createTagSource: MakeTagSource = import.meta.env.FIREFOX
  ? withOwnCache('mangadex', mangadexLookup)
  : lookupOnDemand(() => loadFromExtension<MakeTagSource>('/mangadex-lookup.js', LOOKUP_KEY));

/** The tag names' table: in Chromium its own file (mangadex-tags.js); in Firefox part of this script. */
const tagNames: () => Promise<typeof MANGADEX_TAGS> = import.meta.env.FIREFOX
  ? async () => MANGADEX_TAGS
  : () => loadFromExtension<typeof MANGADEX_TAGS>('/mangadex-tags.js', MANGADEX_TAGS_KEY);

/** Loaded beside the settings: the reader of the page's own data, and the tag names cards are read by. */
const siteData = () => readerWithTable(loadPageDataSource(), tagNames(), learnMangadexTags);

/**
 * mangadex's own content script: its adapter, and beside the settings the reader of the page's own data
 * (its cards carry only an id; page-data.content.ts hands the data over from the page's world) and the
 * tag names; its look-up comes when first needed.
 */
export default siteScript(mangadex, { siteData }, () => ({ ...mangadex, createTagSource }));
