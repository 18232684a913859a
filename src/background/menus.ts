import { browser } from 'wxt/browser';
import { literalTag } from '../settings/foreign';
import type { Settings } from '../settings/schema';
import { updateSettings } from '../settings/store';
import { SITES, siteForUrl } from '../sites/registry';
import { t } from '../ui/i18n';

/**
 * The context menu: on a site's tag link, "Hide entries with this tag" → a list; on selected text,
 * "Add ‘…’ to a blocklist" → a list. Rebuilt from the settings whenever the lists change.
 */
const LINK_MENU = 'tagveil-link';
const SELECTION_MENU = 'tagveil-selection';

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

/** The rule a menu click adds, and to which list; null when the click names no tag. */
export function ruleFromClick(info: MenuClick): { listId: string; rule: string } | null {
  const id = String(info.menuItemId);
  const cut = id.indexOf(':');
  if (cut < 0) return null;
  const menu = id.slice(0, cut);
  const listId = id.slice(cut + 1);
  let text: string | null | undefined = null;
  if (menu === LINK_MENU && info.linkUrl) {
    const url = new URL(info.linkUrl);
    text = siteForUrl(url.href)?.tagLink?.read(url);
  } else if (menu === SELECTION_MENU) {
    text = info.selectionText?.replace(/\s+/gu, ' ').trim().slice(0, 200);
  }
  return text ? { listId, rule: literalTag(text) } : null;
}

/** Handles a click on one of Tagveil's menu items: the rule joins the list, and every open tab re-judges. */
export async function onMenuClick(info: MenuClick): Promise<boolean> {
  const found = ruleFromClick(info);
  if (!found) return false;
  await updateSettings((settings) => {
    const list = settings.lists.find((l) => l.id === found.listId);
    if (list && !list.patterns.includes(found.rule)) list.patterns.push(found.rule);
  });
  return true;
}
