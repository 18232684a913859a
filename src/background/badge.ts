import { browser } from 'wxt/browser';
import { t } from '../ui/i18n';

/**
 * The toolbar button's badge, per tab: the count of entries acted on (from the tab's content script),
 * or for a while "!" when something the user just did in that tab could not be done, with the reason
 * as the button's tooltip. No notification permission is needed, and the count returns afterwards.
 */
const COUNT_COLOUR = '#6d4bd1';
const WARNING_COLOUR = '#b3261e';
/** How long "!" shows; within the 30 s a service worker lives on after an event, so its timer fires. */
export const WARNING_MS = 20_000;

type Colour = string | [number, number, number, number];

interface Shown {
  text: string;
  colour: Colour;
  title: string;
  timer: ReturnType<typeof setTimeout>;
}

/** What each warned tab showed before, to put back; counts that arrive meanwhile update it. */
const warned = new Map<number, Shown>();

/** Calls on a tab that has closed meanwhile fail; nothing is left to show there. */
const quietly = (p: Promise<unknown>) => p.catch(() => undefined);

export async function showCount(tabId: number, count: number | null): Promise<void> {
  const text = count ? String(count) : '';
  const warning = warned.get(tabId);
  if (warning) {
    // The "!" stays its time; the newest count is what comes back after it.
    warning.text = text;
    warning.colour = COUNT_COLOUR;
    return;
  }
  await quietly(browser.action.setBadgeBackgroundColor({ tabId, color: COUNT_COLOUR }));
  await quietly(browser.action.setBadgeText({ tabId, text }));
}

export async function showWarning(tabId: number, message: string): Promise<void> {
  const previous = warned.get(tabId);
  if (previous) clearTimeout(previous.timer);
  const timer = setTimeout(() => void endWarning(tabId), WARNING_MS);
  warned.set(tabId, previous ? { ...previous, timer } : { ...(await currentlyShown(tabId)), timer });
  await quietly(browser.action.setBadgeBackgroundColor({ tabId, color: WARNING_COLOUR }));
  await quietly(browser.action.setBadgeText({ tabId, text: '!' }));
  await quietly(browser.action.setTitle({ tabId, title: message }));
}

/** Puts back what the tab showed before the warning (with any count that arrived meanwhile). */
export async function endWarning(tabId: number): Promise<void> {
  const shown = warned.get(tabId);
  if (!shown) return;
  warned.delete(tabId);
  clearTimeout(shown.timer);
  await quietly(browser.action.setBadgeBackgroundColor({ tabId, color: shown.colour }));
  await quietly(browser.action.setBadgeText({ tabId, text: shown.text }));
  await quietly(browser.action.setTitle({ tabId, title: shown.title }));
}

async function currentlyShown(tabId: number): Promise<Omit<Shown, 'timer'>> {
  const [text, colour, title] = await Promise.all([
    browser.action.getBadgeText({ tabId }).catch(() => ''),
    browser.action.getBadgeBackgroundColor({ tabId }).catch((): Colour => COUNT_COLOUR),
    browser.action.getTitle({ tabId }).catch(() => ''),
  ]);
  // The manifest's default title is the extension's name; a browser that reports no title gets that back.
  return { text, colour: colour as Colour, title: title || t('extName') };
}
