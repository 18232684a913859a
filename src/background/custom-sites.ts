import { browser } from 'wxt/browser';
import { type CustomSite, originPattern, type Settings } from '../settings/schema';

/** The built content script, registered again for each site the user added (the manifest lists only built-in sites). */
export const CATALOG_SCRIPT = 'content-scripts/catalog.js';
const ID_PREFIX = 'custom-';

/**
 * Registers the content script on each added site whose origin the user granted, and unregisters it
 * where the site or the grant is gone. The browser keeps registrations; this only reconciles them.
 */
export async function syncCustomSites(settings: Settings): Promise<string[]> {
  const wanted = new Map<string, CustomSite>();
  for (const site of settings.customSites) {
    if (await browser.permissions.contains({ origins: [originPattern(site.origin)] }))
      wanted.set(site.id, site);
  }
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(ID_PREFIX),
  );
  const stale = registered
    .filter((s) => {
      const site = wanted.get(s.id);
      return !site || s.matches?.[0] !== originPattern(site.origin);
    })
    .map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((s) => s.id).filter((id) => !stale.includes(id)));
  const missing = [...wanted.values()].filter((site) => !have.has(site.id));
  if (missing.length > 0) {
    await browser.scripting.registerContentScripts(
      missing.map((site) => ({
        id: site.id,
        matches: [originPattern(site.origin)],
        js: [CATALOG_SCRIPT],
        runAt: 'document_start' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  return [...wanted.keys()];
}
