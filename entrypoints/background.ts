import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showCount } from '@/src/background/badge';
import { syncCustomSites } from '@/src/background/custom-sites';
import { hideEntryFor } from '@/src/background/hide-entry';
import { buildMenus, ENTRY_MENU, onEntryMenuClick, onMenuClick } from '@/src/background/menus';
import { pageUiFor } from '@/src/background/page-ui';
import { openPickedSite, reloadPickedTab } from '@/src/background/picked-site';
import { admit } from '@/src/background/senders';
import { PAGE_UI_REQUEST } from '@/src/page/ui-loader';
import { originPattern, type Settings } from '@/src/settings/schema';
import { SNAPSHOT_KEY, SNAPSHOT_REQUEST, type Snapshot, snapshotOf } from '@/src/settings/snapshot';
import { ensureSettingsStored, type LoadedSettings, loadSettings, watchSettings } from '@/src/settings/store';
import {
  refreshSubscriptions,
  SUBSCRIPTION_ALARM,
  SUBSCRIPTION_PERIOD_MINUTES,
} from '@/src/settings/subscriptions';
import { NHENTAI_TAG_IDS } from '@/src/sites/dictionaries/nhentai-tag-ids';
import { NHENTAI_NAMES_KEY, type StoredNames } from '@/src/sites/dictionaries/nhentai-tag-lines';

/** A subscription is fetched only from an origin the user granted. */
const granted = (url: string) => browser.permissions.contains({ origins: [originPattern(url)] });

/** The daily alarm exists exactly while some list is a subscription. */
async function scheduleSubscriptions(settings: Settings): Promise<void> {
  const wanted = settings.lists.some((l) => l.source);
  const existing = await browser.alarms.get(SUBSCRIPTION_ALARM);
  if (wanted && !existing)
    await browser.alarms.create(SUBSCRIPTION_ALARM, {
      periodInMinutes: SUBSCRIPTION_PERIOD_MINUTES,
      delayInMinutes: 1,
    });
  if (!wanted && existing) await browser.alarms.clear(SUBSCRIPTION_ALARM);
}

/** Menus, the subscription alarm and added sites' scripts, made to match the settings. */
function applySettings(settings: Settings): Promise<unknown> {
  return Promise.all([
    buildMenus(settings),
    scheduleSubscriptions(settings),
    // A site just added from the picker: its tab is reloaded once its script is registered.
    syncCustomSites(settings).then(reloadPickedTab),
  ]);
}

/** What content scripts start from (src/settings/snapshot.ts), written at every change of the settings. */
async function writeSnapshot(loaded: LoadedSettings): Promise<Snapshot> {
  const snapshot = snapshotOf(loaded);
  await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot }).catch(() => undefined); // pages then read fully
  return snapshot;
}

/**
 * nhentai's tag names, kept in storage.local for its pages to read beside their settings, so they come
 * back with them (entrypoints/nhentai.content.ts); written at install, update and browser start. Firefox's
 * script carries them.
 */
async function writeSiteNames(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const stored: StoredNames = { v: browser.runtime.getManifest().version, names: NHENTAI_TAG_IDS };
  await browser.storage.local.set({ [NHENTAI_NAMES_KEY]: stored }).catch(() => undefined); // pages then import them
}

async function syncWithSettings(): Promise<void> {
  const loaded = await loadSettings();
  await Promise.all([applySettings(loaded.settings), writeSnapshot(loaded), writeSiteNames()]);
}

/** A page's own request: its settings read the full way (its snapshot was missing, damaged or stale). */
async function snapshotForPage(): Promise<Snapshot> {
  return writeSnapshot(await loadSettings());
}

/**
 * Keeps no state of its own: menus, alarms and badges are the browser's, rebuilt from the settings.
 * Every listener is registered at the top level, so a woken service worker hears the event that woke it.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void (async () => {
      // A fresh install's lists are named in the user's language (stored as the user's own names).
      await ensureSettingsStored();
      await syncWithSettings();
      // A first install opens the onboarding page; nothing is hidden until the user chooses there.
      if (reason === 'install')
        await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    })();
  });
  browser.runtime.onStartup.addListener(() => void syncWithSettings());
  watchSettings((loaded) => {
    void applySettings(loaded.settings);
    void writeSnapshot(loaded);
  });
  // A site the user added starts working once its origin is granted (and stops when it is revoked).
  browser.permissions.onAdded.addListener(() => void syncWithSettings());
  browser.permissions.onRemoved.addListener(() => void syncWithSettings());

  browser.contextMenus.onClicked.addListener((info, tab) =>
    info.menuItemId === ENTRY_MENU ? void onEntryMenuClick(info, tab?.id) : void onMenuClick(info, tab?.id),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SUBSCRIPTION_ALARM) void refreshSubscriptions({ granted });
  });

  const self = { id: browser.runtime.id, base: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Tagveil's own content scripts (any page, any frame): the settings snapshot.
    const request = message as { type?: unknown; site?: unknown; id?: unknown } | null;
    if (sender.id === self.id && sender.tab !== undefined) {
      if (request?.type === SNAPSHOT_REQUEST) return snapshotForPage();
      // An added site's script, the first time its page needs a veil: our own page UI, into its own frame.
      if (request?.type === PAGE_UI_REQUEST) return pageUiFor(sender);
    }
    const admitted = admit(message, sender, self);
    switch (admitted.kind) {
      case 'page':
        return refreshSubscriptions({
          granted,
          ...(admitted.request.listId ? { onlyId: admitted.request.listId } : {}),
        });
      case 'tab':
        // Answered once the settings page is open: the picker closes only then (else it says so).
        if (admitted.request.type === 'tagveil:picker-save')
          return openPickedSite(admitted.url, admitted.request, admitted.tabId).then(() => true);
        if (admitted.request.type === 'tagveil:hide-entry')
          return hideEntryFor(admitted.request, admitted.url).then((outcome) => {
            if (outcome.ok) return outcome;
            console.warn(outcome.reason, sender.url);
            throw new Error(outcome.reason);
          });
        void showCount(admitted.tabId, admitted.request.count);
        return undefined;
      case 'refused':
        console.warn(admitted.reason, sender.url);
        return Promise.reject(new Error(admitted.reason));
      case 'ignored':
        return undefined;
    }
  });
});
