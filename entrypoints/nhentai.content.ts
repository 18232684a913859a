// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { browser } from 'wxt/browser';
import { LOCAL_CACHES } from '@/src/page/local-cache';
import { LOOKUP_KEY, lookupOnDemand } from '@/src/page/lookup-loader';
import { siteScript } from '@/src/page/site-script';
import { loadFromExtension } from '@/src/page/ui-loader';
import { NHENTAI_TAG_IDS } from '@/src/sites/dictionaries/nhentai-tag-ids';
import {
  currentNames,
  NHENTAI_NAMES_KEY,
  NHENTAI_TAGS_KEY,
  tagIdPairs,
} from '@/src/sites/dictionaries/nhentai-tag-lines';
import { nhentaiNameLookup } from '@/src/sites/lookups/nhentai-names';
import { nhentai } from '@/src/sites/nhentai';
import { learnInto } from '@/src/sites/types';

/**
 * Every `tag`-type id's name ("id name" lines, 32 kB) when storage has none for this version: in Chromium
 * the extension's nhentai-tags.js; in Firefox part of this script (addons-linter refuses an import() whose
 * address is computed).
 */
const bundledNames = (): Promise<string> =>
  import.meta.env.FIREFOX
    ? Promise.resolve(NHENTAI_TAG_IDS)
    : loadFromExtension<string>('/nhentai-tags.js', NHENTAI_TAGS_KEY);

/** The name look-up's maker: in Chromium nhentai-lookup.js; in Firefox part of this script. */
const lookupMaker = (): Promise<typeof nhentaiNameLookup> =>
  import.meta.env.FIREFOX
    ? Promise.resolve(nhentaiNameLookup)
    : loadFromExtension<typeof nhentaiNameLookup>('/nhentai-lookup.js', LOOKUP_KEY);

/**
 * The names as the background keeps them in storage.local for this version (entrypoints/background.ts),
 * asked for as the script starts: they come back with the settings. Else (not written yet, another
 * version's, storage full) nhentai-tags.js brings them.
 */
const storedNames = async (): Promise<string | undefined> =>
  currentNames(
    (await browser.storage.local.get(NHENTAI_NAMES_KEY))[NHENTAI_NAMES_KEY],
    browser.runtime.getManifest().version,
  );

const dictionary = nhentai.dictionary ?? new Map<string, string>();
const siteData = async () => {
  const stored = import.meta.env.FIREFOX ? undefined : await storedNames().catch(() => undefined);
  learnInto(dictionary, tagIdPairs(stored ?? (await bundledNames())));
  return undefined;
};
// Artists, groups, parodies and characters a rule names: looked up on the site, opt-in (completeTags). It
// also says which rules a page cannot apply until then: its code is asked for as the page starts, without
// holding the first pass (the popup asks later).
const createTagSource = lookupOnDemand(async () => {
  const lookup = await lookupMaker();
  const save = (pairs: Record<string, string>) =>
    void LOCAL_CACHES.saveLearned(nhentai.id, pairs).catch(() => undefined);
  return (deps) => lookup({ ...deps, dictionary, save });
}, true);

/**
 * nhentai's own content script (each built-in site has one; catalog.js serves only the sites a user
 * added): its adapter, with every `tag`-type id's name before its first pass and the name look-up, so no
 * other site's page loads them.
 */
export default siteScript(nhentai, { caches: LOCAL_CACHES, siteData }, () => ({
  ...nhentai,
  createTagSource,
}));
