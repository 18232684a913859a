import { browser } from 'wxt/browser';
import { pickedSiteQuery } from '../picker/confirm';
import type { Proposal } from '../picker/propose';

/**
 * The picker's selectors, to the options page's form for this site: the user confirms there with a
 * click, which is what lets the page ask the browser for the site (permissions.request needs a user
 * gesture on an extension page). The site is the address of the tab the picker ran in, never the message's.
 */
export async function openPickedSite(pageUrl: string | undefined, picked: Proposal): Promise<void> {
  const query = pickedSiteQuery(pageUrl, picked);
  if (query) await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${query}`) });
}
