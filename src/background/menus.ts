import { browser } from 'wxt/browser';
import { type EntryAtMenuAnswer, EntryAtMenuAnswerSchema } from '../messages';
import { ruleProblem } from '../rules/check';
import { literalTag } from '../settings/foreign';
import { originPattern, type Settings } from '../settings/schema';
import { updateSettings } from '../settings/store';
import { SITES, siteForUrl } from '../sites/registry';
import { t } from '../ui/i18n';
import { endWarning, showWarning } from './badge';
import { hideEntryFor } from './hide-entry';
import { ruleProblemText } from './rule-check';

/**
 * The context menu: on a site's tag link, "Hide entries with this tag" → a list; on selected text,
 * "Add ‘…’ to a blocklist" → a list. Rebuilt from the settings whenever the lists change.
 */
const LINK_MENU = 'tagveil-link';
const SELECTION_MENU = 'tagveil-selection';
/** "Hide this entry": the work, gallery or post right-clicked, by its id (entry-rules.ts). */
export const ENTRY_MENU = 'tagveil-entry';

export function tagLinkPatterns(): string[] {
  return SITES.flatMap((site) => site.tagLink?.patterns ?? []);
}

type CreateProperties = Parameters<typeof browser.contextMenus.create>[0];

function create(properties: CreateProperties): Promise<void> {
  return new Promise((resolve) => {
    browser.contextMenus.create(properties, () => {
      const error = browser.runtime.lastError;
      // A duplicate id after a quick rebuild is harmless; anything else is a bug to see.
      if (error && !/duplicate/iu.test(error.message ?? '')) console.error('Tagveil menu:', error.message);
      resolve();
    });
  });
}

let building: Promise<void> = Promise.resolve();

export function buildMenus(settings: Settings): Promise<void> {
  // One rebuild at a time: removeAll and create interleaving would leave duplicates.
  building = building.then(async () => {
    await browser.contextMenus.removeAll();
    // Needs no list: the "Hidden entries" list is made on first use. Sites the user added have it too.
    await create({
      id: ENTRY_MENU,
      title: t('menuHideEntry'),
      contexts: ['page', 'link', 'image'],
      documentUrlPatterns: [
        ...SITES.flatMap((s) => s.matches),
        ...settings.customSites.map((s) => originPattern(s.origin)),
      ],
    });
    const lists = settings.lists.filter((l) => !l.source);
    if (lists.length === 0) return;
    await create({
      id: LINK_MENU,
      title: t('menuHideTagged'),
      contexts: ['link'],
      targetUrlPatterns: tagLinkPatterns(),
      documentUrlPatterns: SITES.flatMap((s) => s.matches),
    });
    await create({ id: SELECTION_MENU, title: t('menuAddSelection', '%s'), contexts: ['selection'] });
    for (const list of lists) {
      const title = list.enabled ? list.name : t('listOff', list.name);
      await create({ id: `${LINK_MENU}:${list.id}`, parentId: LINK_MENU, title, contexts: ['link'] });
      await create({
        id: `${SELECTION_MENU}:${list.id}`,
        parentId: SELECTION_MENU,
        title,
        contexts: ['selection'],
      });
    }
  });
  return building;
}

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  selectionText?: string;
}

/** Page text as one line: a rule never holds a line break (the editor shows one rule a line). */
const oneLine = (text: string | null | undefined) => text?.replace(/\s+/gu, ' ').trim();

/** The rule a menu click adds (from `text`, the tag as the page gave it), and to which list; null when the click names no tag. */
export function ruleFromClick(info: MenuClick): { listId: string; rule: string; text: string } | null {
  const id = String(info.menuItemId);
  const cut = id.indexOf(':');
  if (cut < 0) return null;
  const menu = id.slice(0, cut);
  const listId = id.slice(cut + 1);
  let text: string | null | undefined = null;
  if (menu === LINK_MENU && info.linkUrl) {
    const url = new URL(info.linkUrl);
    text = oneLine(siteForUrl(url.href)?.tagLink?.read(url));
  } else if (menu === SELECTION_MENU) {
    // Not cut to fit: the first words of a long selection are not what the user chose.
    text = oneLine(info.selectionText);
  }
  return text ? { listId, rule: literalTag(text), text } : null;
}

/** How the user hears of a click that added nothing, and that a later one worked (src/background/badge.ts). */
export interface MenuFeedback {
  refused(tabId: number, message: string): Promise<void>;
  added(tabId: number): Promise<void>;
}

const onBadge: MenuFeedback = { refused: showWarning, added: endWarning };

/**
 * Handles a click on one of Tagveil's menu items: the rule joins the list, and every open tab re-judges.
 * A rule the rule editor would refuse (longer than the limit, or one that does not parse) is not added;
 * the tab's toolbar button says so instead.
 */
export async function onMenuClick(
  info: MenuClick,
  tabId?: number,
  feedback: MenuFeedback = onBadge,
): Promise<boolean> {
  const found = ruleFromClick(info);
  if (!found) return false;
  const problem = ruleProblem(found.rule);
  if (problem) {
    const shown = found.text.length > 60 ? `${found.text.slice(0, 59)}…` : found.text;
    const message = t('menuRuleRefused', shown, ruleProblemText(problem));
    console.warn(message);
    if (tabId !== undefined) await feedback.refused(tabId, message);
    return false;
  }
  await updateSettings((settings) => {
    const list = settings.lists.find((l) => l.id === found.listId);
    // A subscribed list is rewritten by its next update: a rule added by hand would vanish then.
    if (list && !list.source && !list.patterns.includes(found.rule)) list.patterns.push(found.rule);
  });
  if (tabId !== undefined) await feedback.added(tabId);
  return true;
}

/** Asks a frame of a tab for the entry the user right-clicked; what it answers is checked like any input. */
export type AskEntry = (tabId: number, frameId: number) => Promise<unknown>;

const askTab: AskEntry = (tabId, frameId) =>
  browser.tabs.sendMessage(tabId, { type: 'tagveil:entry-at-menu' }, { frameId });

/**
 * "Hide this entry": the content script of the frame clicked in says which entry the last right-click was
 * on (it keeps nothing else); the answer must name the site the frame shows (built-in or added) and an
 * id that reads back as one entry rule, which joins the "Hidden entries" list.
 */
export async function onEntryMenuClick(
  info: { menuItemId: string | number; frameId?: number; pageUrl?: string; frameUrl?: string },
  tabId: number | undefined,
  ask: AskEntry = askTab,
  feedback: MenuFeedback = onBadge,
): Promise<EntryAtMenuAnswer> {
  if (info.menuItemId !== ENTRY_MENU || tabId === undefined) return null;
  const parsed = EntryAtMenuAnswerSchema.safeParse(await ask(tabId, info.frameId ?? 0).catch(() => null));
  const answer = parsed.success ? parsed.data : null;
  // The site the browser says the clicked frame shows, a site the user added included: the frame's own
  // word for it is not enough (a page steering the script could name any site's entry). The same check
  // and write as a veil's "Hide this one" (hide-entry.ts).
  const url = info.frameUrl ?? info.pageUrl;
  const outcome = answer && url ? await hideEntryFor({ type: 'tagveil:hide-entry', ...answer }, url) : null;
  if (!answer || !outcome?.ok) {
    await feedback.refused(tabId, t('menuHideEntryNone'));
    return null;
  }
  await feedback.added(tabId);
  return answer;
}
