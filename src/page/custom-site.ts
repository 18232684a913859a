import type { CustomSite } from '../settings/schema';
import { isCustomSite } from '../settings/snapshot';
import { customAdapter } from '../sites/custom';
import type { ContentScriptContext } from './context';
import { loadSettingsForPage } from './page-settings';
import type { LoadPageUi } from './paint';
import { addStyle, HOLD_PAGE_CSS, runCatalog, SETTINGS_TIMEOUT_MS } from './runtime';
import type { PageUi } from './ui';
import { addedSitePageUi } from './ui-loader';

/**
 * The content script on a site the user added. Its selectors live in the settings, which take a moment
 * to read, so the whole page stays covered until then (at most SETTINGS_TIMEOUT_MS); from there the
 * catalog runtime holds back each entry until it is judged, as on a built-in site.
 */
export function runCustomSite(
  ctx: ContentScriptContext,
  doc: Document = document,
  ui: PageUi | LoadPageUi = addedSitePageUi,
): void {
  const hold = addStyle(doc, HOLD_PAGE_CSS);
  const release = () => hold.remove();
  ctx.setTimeout(release, SETTINGS_TIMEOUT_MS);
  // A stored added site that does not read makes the snapshot as unreadable as a damaged one.
  const loaded = loadSettingsForPage(({ settings }) => settings.customSites.every(isCustomSite));
  loaded.then(({ settings }) => {
    const site = settings.customSites.find(
      (s): s is CustomSite => isCustomSite(s) && s.origin === doc.location.origin,
    );
    // The catalog runtime starts from the same read.
    if (site && !ctx.isInvalid) runCatalog(ctx, customAdapter(site), { ui }, doc, loaded);
    release();
  }, release);
}
