import { pageDataSource } from './facts-page';
import { loadFromExtension } from './ui-loader';

/** Where page-facts.js (entrypoints/page-facts.ts) leaves the page-data source's maker in the content script's world. */
export const PAGE_FACTS_KEY = Symbol.for('tagveil.page-facts');

/**
 * The page's own data as a facts source (facts-page.ts), for the sites whose cards carry only an id: in
 * Chromium the extension's page-facts.js, imported as a page starts, beside the settings (the main-world
 * reader keeps what it saw until this side says hello); in Firefox part of the script (addons-linter
 * refuses an import() whose address is computed).
 */
export const loadPageDataSource: () => Promise<typeof pageDataSource> = import.meta.env.FIREFOX
  ? async () => pageDataSource
  : () => loadFromExtension<typeof pageDataSource>('/page-facts.js', PAGE_FACTS_KEY);

/**
 * The page-data reader with a table the site's cards are read by (MangaDex's tag names), both asked for
 * at once: the table is learned when it comes; without it the cards are read as they show themselves,
 * and the reader is kept all the same. Only the reader's failure fails the whole (said in the popup).
 */
export async function readerWithTable<T>(
  reader: Promise<typeof pageDataSource>,
  table: Promise<T>,
  learn: (table: T) => void,
): Promise<typeof pageDataSource> {
  const [made, rows] = await Promise.allSettled([reader, table]);
  if (rows.status === 'fulfilled') learn(rows.value);
  if (made.status === 'rejected') throw made.reason;
  return made.value;
}
