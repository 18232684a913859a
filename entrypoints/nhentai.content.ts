// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { browser } from 'wxt/browser';
import { LOCAL_CACHES } from '@/src/page/local-cache';
import { lookupOnDemand } from '@/src/page/lookup-loader';
import { siteScript } from '@/src/page/site-script';
import { loadFromExtension } from '@/src/page/ui-loader';
import { NHENTAI_TAG_IDS } from '@/src/sites/dictionaries/nhentai-tag-ids';
import {
  currentNames,
  NHENTAI_NAMES_KEY,
  NHENTAI_TAGS_KEY,
  type NhentaiPart,
  tagIdPairs,
} from '@/src/sites/dictionaries/nhentai-tag-lines';
import { nhentaiNameLookup } from '@/src/sites/lookups/nhentai-names';
import { nhentai } from '@/src/sites/nhentai';
import { learnInto } from '@/src/sites/types';

/**
 * nhentai's part: every `tag`-type id's name ("id name" lines, 32 kB) and the opt-in name look-up. In
 * Chromium the extension's nhentai-tags.js, asked for once as the page starts, beside the settings, so the
 * script that blocks the page's parse stays small; in Firefox part of this script (addons-linter refuses an
 * import() whose address is computed).
 */
let part: Promise<NhentaiPart> | undefined;
const nhentaiPart = (): Promise<NhentaiPart> =>
  (part ??= import.meta.env.FIREFOX
    ? Promise.resolve({ names: NHENTAI_TAG_IDS, lookup: nhentaiNameLookup })
    : loadFromExtension<NhentaiPart>('/nhentai-tags.js', NHENTAI_TAGS_KEY));

/**
 * The names as the background keeps them in storage.local for this version (entrypoints/background.ts),
 * asked for as the script starts: they come back with the settings. Else (not written yet, another
 * version's, storage full) nhentai's part brings them.
 */
const storedNames = async (): Promise<string | undefined> =>
  currentNames(
    (await browser.storage.local.get(NHENTAI_NAMES_KEY))[NHENTAI_NAMES_KEY],
    browser.runtime.getManifest().version,
  );

const dictionary = nhentai.dictionary ?? new Map<string, string>();
const siteData = async () => {
  const stored = import.meta.env.FIREFOX ? undefined : await storedNames().catch(() => undefined);
  learnInto(dictionary, tagIdPairs(stored ?? (await nhentaiPart()).names));
  return undefined;
};
// Artists, groups, parodies and characters a rule names: looked up on the site, opt-in (completeTags). It
// also says which rules a page cannot apply until then: its code is asked for as the page starts, without
// holding the first pass (the popup asks later).
const createTagSource = lookupOnDemand(async () => {
  const { lookup } = await nhentaiPart();
  const save = (pairs: Record<string, string>) =>
    void LOCAL_CACHES.saveLearned(nhentai.id, pairs).catch(() => undefined);
  return (deps) => lookup({ ...deps, dictionary, save });
}, true);

/**
 * nhentai's own content script (each built-in site has one; catalog.js serves only the sites a user
 * added): its adapter, with every `tag`-type id's name and the name look-up before its first pass, so no
 * other site's page loads them.
 */
export default siteScript(nhentai, { caches: LOCAL_CACHES, siteData }, () => ({
  ...nhentai,
  createTagSource,
}));
