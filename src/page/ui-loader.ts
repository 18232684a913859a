import { browser } from 'wxt/browser';
import type { LoadPageUi } from './paint';
import { PAGE_UI, PAGE_UI_KEY, type PageUi } from './ui';

/**
 * The page UI from the extension's own page-ui.js (entrypoints/page-ui.ts), imported into this content
 * script's world. The file is web-accessible to the built-in sites only, and in Chromium only at the
 * session's dynamic address (use_dynamic_url): a page cannot probe for it (docs/privacy.md).
 */
export const loadPageUi: LoadPageUi = async () => {
  const scope = globalThis as { [PAGE_UI_KEY]?: PageUi };
  if (!scope[PAGE_UI_KEY]) await import(/* @vite-ignore */ browser.runtime.getURL('/page-ui.js'));
  const ui = scope[PAGE_UI_KEY];
  if (!ui) throw new Error('page-ui.js loaded without the page UI');
  return ui;
};

/**
 * A built-in site's page UI: loaded when first needed in Chromium; in Firefox part of the script
 * (addons-linter refuses an import() whose address is computed, and the extension's address there is
 * fixed per install, which a web-accessible file would expose to every page of the sites).
 */
export const builtInPageUi: PageUi | LoadPageUi = import.meta.env.FIREFOX ? PAGE_UI : loadPageUi;
