import { browser } from 'wxt/browser';
import { pickedSiteQuery } from '../picker/confirm';
import type { Proposal } from '../picker/propose';
import { customSiteId } from '../sites/custom';

/** The tab the picker last ran in, and its origin: reloaded once that site's script is registered. */
const PICKED_TAB = 'pickedTab';

interface PickedTab {
  tabId: number;
  origin: string;
}

function isPickedTab(value: unknown): value is PickedTab {
  const v = value as Partial<PickedTab> | null | undefined;
  return typeof v?.tabId === 'number' && typeof v.origin === 'string';
}

/**
 * The picker's selectors, to the options page's form for this site: the user confirms there with a
 * click, which is what lets the page ask the browser for the site (permissions.request needs a user
 * gesture on an extension page). The site is the address of the tab the picker ran in, never the message's.
 * The tab is remembered (session storage: the background may sleep meanwhile) to be reloaded once added.
 * Rejects when there is nothing to open (the selectors or the address do not read) or the tab cannot be.
 */
export async function openPickedSite(
  pageUrl: string | undefined,
  picked: Proposal,
  tabId?: number,
): Promise<void> {
  const query = pickedSiteQuery(pageUrl, picked);
  // Refused, not dropped: the picker keeps the selectors and tells the user.
  if (!query) throw new Error('The picked selectors or the page address do not read');
  if (tabId !== undefined) {
    const remembered: PickedTab = { tabId, origin: new URL(pageUrl as string).origin };
    await browser.storage.session.set({ [PICKED_TAB]: remembered });
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${query}`) });
}

/**
 * Once the added sites' scripts are registered (`registered`: their ids): the tab the picker ran in, if
 * its site is now one of them and it still shows that site, is reloaded, so the user sees it filtered
 * without reloading it by hand. Once only: the memory goes with the reload.
 */
export async function reloadPickedTab(registered: readonly string[]): Promise<boolean> {
  const { [PICKED_TAB]: picked } = await browser.storage.session.get(PICKED_TAB);
  if (!isPickedTab(picked) || !registered.includes(customSiteId(picked.origin))) return false;
  await browser.storage.session.remove(PICKED_TAB);
  // The tab's address is readable now that its origin is granted; another site there is left alone.
  const tab = await browser.tabs.get(picked.tabId).catch(() => undefined);
  if (!tab?.url || new URL(tab.url).origin !== picked.origin) return false;
  await browser.tabs.reload(picked.tabId);
  return true;
}
