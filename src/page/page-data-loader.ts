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
