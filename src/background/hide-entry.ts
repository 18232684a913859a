import type { HideEntryRequest } from '../messages';
import { addEntryRule, canonicalId, isEntryId } from '../rules/entry-rules';
import type { Settings } from '../settings/schema';
import { loadSettings, updateSettings } from '../settings/store';
import { siteForUrl } from '../sites/registry';
import { t } from '../ui/i18n';

// "Hide this one" on a veil: the content script asks, the background writes. A content script runs inside
// a web page that may steer it, so it never changes the user's lists itself; here the request is held to
// what that script can rightly ask: one entry, by an id that reads back as one entry rule, of the site
// the browser says its tab shows.

/** The site a page address belongs to: a built-in site, or one the user added (by its https origin). */
export function siteOfUrl(url: string, settings: Pick<Settings, 'customSites'>): string | undefined {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return undefined;
  }
  return siteForUrl(address.href)?.id ?? settings.customSites.find((s) => s.origin === address.origin)?.id;
}

export type HideEntryOutcome = { ok: true; added: boolean } | { ok: false; reason: string };

export interface HideEntryStore {
  load(): Promise<Settings>;
  update(change: (settings: Settings) => void): Promise<unknown>;
}

const BROWSER_STORE: HideEntryStore = {
  load: async () => (await loadSettings()).settings,
  update: (change) => updateSettings(change),
};

/**
 * Adds `entry:<site>/<id>` to the "Hidden entries" list for a content script of the tab at `url`, or
 * refuses: a site that is not the tab's, or an id that is not one entry's.
 */
export async function hideEntryFor(
  request: HideEntryRequest,
  url: string,
  store: HideEntryStore = BROWSER_STORE,
): Promise<HideEntryOutcome> {
  const settings = await store.load();
  const site = siteOfUrl(url, settings);
  if (site === undefined || site !== request.site)
    return {
      ok: false,
      reason: `Tagveil: a page of ${site ?? 'no known site'} cannot hide an entry of ${request.site}.`,
    };
  if (!isEntryId(site, request.id)) return { ok: false, reason: 'Tagveil: that is not an entry’s id.' };
  let added = false;
  await store.update((s) => {
    added = addEntryRule(s, site, canonicalId(site, request.id), t('hiddenOneByOneList'));
  });
  return { ok: true, added };
}
