import { originPattern } from '../sites/origin';
import type { Settings } from './schema';

/** The host permissions settings use: each added site's origin and each subscription's host. */
export function neededOrigins(settings: Settings): Set<string> {
  const needed = new Set<string>();
  for (const site of settings.customSites) needed.add(originPattern(site.origin));
  for (const list of settings.lists) {
    if (!list.source) continue;
    try {
      needed.add(originPattern(list.source.url));
    } catch {
      // An address that does not parse was never granted.
    }
  }
  return needed;
}

/**
 * The origins a change of the settings no longer needs (a site removed, a subscription deleted or
 * unsubscribed, a Replace import without them): the options page gives them back to the browser, so
 * Tagveil holds no host permission it has no use for. An origin still used by something else stays.
 */
export function originsToGiveBack(before: Settings, after: Settings): string[] {
  const still = neededOrigins(after);
  return [...neededOrigins(before)].filter((origin) => !still.has(origin));
}
