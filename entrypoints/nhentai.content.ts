// First of the project's modules (import order is evaluation order): it notes when the script began.
import '@/src/page/clock';
import { LOCAL_CACHES } from '@/src/page/local-cache';
import { siteScript } from '@/src/page/site-script';
import { loadFromExtension } from '@/src/page/ui-loader';
import { NHENTAI_TAG_IDS } from '@/src/sites/dictionaries/nhentai-tag-ids';
import { NHENTAI_TAGS_KEY, tagIdPairs } from '@/src/sites/dictionaries/nhentai-tag-lines';
import { NhentaiNameLookup } from '@/src/sites/lookups/nhentai-names';
import { nhentai } from '@/src/sites/nhentai';
import { learnInto } from '@/src/sites/types';

/**
 * Every `tag`-type id's name ("id name" lines, 32 kB): in Chromium the extension's nhentai-tags.js, asked
 * for as the page starts, beside the settings, so the script that blocks the page's parse stays small; in
 * Firefox part of this script (addons-linter refuses an import() whose address is computed).
 */
const tagNames: () => Promise<string> = import.meta.env.FIREFOX
  ? async () => NHENTAI_TAG_IDS
  : () => loadFromExtension<string>('/nhentai-tags.js', NHENTAI_TAGS_KEY);

/**
 * nhentai's own content script (each built-in site has one; catalog.js serves only the sites a user
 * added): its adapter, with every `tag`-type id's name before its first pass, and the opt-in name look-up,
 * so no other site's page loads the names.
 */
const dictionary = nhentai.dictionary ?? new Map<string, string>();
const siteData = async () => {
  learnInto(dictionary, tagIdPairs(await tagNames()));
  return undefined;
};
export default siteScript(nhentai, { caches: LOCAL_CACHES, siteData }, () => ({
  ...nhentai,
  dictionary,
  // Artists, groups, parodies and characters a rule names: looked up on the site, opt-in (completeTags).
  createTagSource: (deps) =>
    new NhentaiNameLookup({
      ...deps,
      dictionary,
      save: (pairs) => void LOCAL_CACHES.saveLearned(nhentai.id, pairs).catch(() => undefined),
      fetchPage: async (url, signal) => {
        // Same origin as the page; its cookies let the site answer as it answers the user.
        const response = await fetch(url, { signal, credentials: 'same-origin' });
        return { status: response.status, html: response.status === 200 ? await response.text() : '' };
      },
      parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
    }),
}));
