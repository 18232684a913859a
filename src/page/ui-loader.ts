import { browser, type PublicPath } from 'wxt/browser';
import type { LoadPageUi } from './paint';
import { PAGE_UI, PAGE_UI_KEY, type PageUi } from './ui';

/**
 * What one of the extension's own scripts left in this content script's world under `key`, importing it
 * the first time (Chromium). The file is web-accessible to the sites that use it only, and only at the
 * session's dynamic address (use_dynamic_url): a page cannot probe for it (docs/privacy.md).
 */
export async function loadFromExtension<T>(path: PublicPath, key: PropertyKey): Promise<T> {
  const scope = globalThis as Record<PropertyKey, unknown>;
  if (scope[key] === undefined) await import(/* @vite-ignore */ browser.runtime.getURL(path));
  const value = scope[key];
  if (value === undefined) throw new Error(`${path} is empty`);
  return value as T;
}

/** The page UI from the extension's own page-ui.js (entrypoints/page-ui.ts). */
export const loadPageUi: LoadPageUi = () => loadFromExtension<PageUi>('/page-ui.js', PAGE_UI_KEY);

/**
 * A built-in site's page UI: loaded when first needed in Chromium; in Firefox part of the script
 * (addons-linter refuses an import() whose address is computed, and the extension's address there is
 * fixed per install, which a web-accessible file would expose to every page of the sites).
 */
export const builtInPageUi: PageUi | LoadPageUi = import.meta.env.FIREFOX ? PAGE_UI : loadPageUi;

/** Content script → background: put page-ui.js into this frame, the added sites' script's way (Chromium). */
export const PAGE_UI_REQUEST = 'tagveil:page-ui';

/**
 * An added site's page UI in Chromium: the background puts page-ui.js into this frame's content-script
 * world (scripting.executeScript, on the origin the user granted), since no file of the extension can be
 * web-accessible to the sites a user adds (the manifest names its origins). Asked for the first time a
 * page needs a veil or the popup asks, as on a built-in site.
 */
export const injectedPageUi: LoadPageUi = async () => {
  const scope = globalThis as { [PAGE_UI_KEY]?: PageUi };
  if (!scope[PAGE_UI_KEY]) await browser.runtime.sendMessage({ type: PAGE_UI_REQUEST });
  const ui = scope[PAGE_UI_KEY];
  if (!ui) throw new Error('page-ui.js is empty');
  return ui;
};

/** The added sites' page UI: injected when first needed in Chromium; in Firefox part of the script. */
export const addedSitePageUi: PageUi | LoadPageUi = import.meta.env.FIREFOX ? PAGE_UI : injectedPageUi;
