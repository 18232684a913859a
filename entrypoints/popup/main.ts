import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { CountMatchesAnswerSchema, PageEntriesSchema, PageStateSchema } from '@/src/messages';
import { prepareLines } from '@/src/rules/regex-verdicts';
import { changeSettings, loadLearned, loadSettings, watchSettings } from '@/src/settings/store';
import { SITES } from '@/src/sites/registry';
import { learnInto } from '@/src/sites/types';
import { messageText, setDocumentLanguage } from '@/src/ui/i18n';
import { Popup } from '@/src/views/popup';
import { PopupStore } from '@/src/views/popup-store';

/** The tab this popup is about: `?tab=ID` when opened as a page (tests, a pinned window), else the active tab. */
async function targetTab(): Promise<{ id?: number; url?: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const [tab] = param
    ? [await browser.tabs.get(Number(param)).catch(() => undefined)]
    : await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function ask(tabId: number | undefined, message: object): Promise<unknown> {
  if (tabId === undefined) return null;
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    return null; // no content script on this page
  }
}

/** The picker, injected into the tab on this click only (activeTab), then the popup gets out of the way. */
async function startPicker(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
  window.close();
}

async function start(): Promise<void> {
  setDocumentLanguage();
  const tab = await targetTab();
  const store = new PopupStore({
    loadSettings,
    watchSettings,
    changeSettings: async (change) => ({ cut: (await changeSettings(change)).cut.map(messageText) }),
    askPage: async (type) => {
      const answer = PageStateSchema.safeParse(await ask(tab?.id, { type }));
      return answer.success ? answer.data : null;
    },
    countMatches: async (rule, aliases) => {
      const answer = CountMatchesAnswerSchema.safeParse(
        // Parsed, with the ReDoS check's verdicts on its expressions: the page carries neither parser nor check.
        await ask(tab?.id, { type: 'tagveil:count-matches', rule, aliases, ...prepareLines([rule]) }),
      );
      return answer.success ? answer.data : null;
    },
    listEntries: async () => {
      const answer = PageEntriesSchema.safeParse(await ask(tab?.id, { type: 'tagveil:list-entries' }));
      return answer.success ? answer.data : null;
    },
    dictionary: async (siteId) => {
      const site = SITES.find((s) => s.id === siteId);
      if (!site?.dictionary) return undefined;
      const names = new Map(site.dictionary);
      learnInto(names, await loadLearned(siteId).catch(() => ({})));
      return names;
    },
    // The popup's click grants activeTab, so the tab's address is known: the site to offer to add.
    tabOrigin: tab?.url?.startsWith('https://') ? new URL(tab.url).origin : null,
    openOptions: (query) =>
      void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${query}`) }),
    openOptionsPage: () => void browser.runtime.openOptionsPage(),
    ...(tab?.id !== undefined && tab.url?.startsWith('https://')
      ? { startPicker: () => startPicker(tab.id as number) }
      : {}),
    now: Date.now,
    later: (fn, ms) => void setTimeout(fn, ms),
  });
  render(h(Popup, { store }), document.getElementById('app') as HTMLElement);
  await store.start();
}

void start();
