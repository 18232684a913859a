import { MatchPattern } from 'wxt/utils/match-patterns';
import { ao3 } from './ao3';
import { danbooru } from './danbooru';
import { MANGADEX_TAGS } from './dictionaries/mangadex-tags';
import { dlsite } from './dlsite';
import { e621 } from './e621';
import { ehentai } from './ehentai';
import { hitomi } from './hitomi';
import { learnMangadexTags, mangadex } from './mangadex';
import { nhentai } from './nhentai';
import { pixiv } from './pixiv';
import type { SiteAdapter } from './types';

/** Every built-in site. Adding a site: a file in src/sites, an entry here, a test on a saved page. */
export const SITES: readonly SiteAdapter[] = [
  ao3,
  ehentai,
  nhentai,
  danbooru,
  e621,
  dlsite,
  pixiv,
  hitomi,
  mangadex,
];

// A page's script loads MangaDex's tag names beside its settings; the extension's pages and background,
// which read tag links (the menus, the popup), have them at once.
learnMangadexTags(MANGADEX_TAGS);

export function allMatchPatterns(): string[] {
  return SITES.flatMap((site) => site.matches);
}

const compiled = new Map<SiteAdapter, MatchPattern[]>();

/** The adapter whose manifest match patterns cover `url`. */
export function siteForUrl(url: string | URL): SiteAdapter | undefined {
  return SITES.find((site) => {
    let patterns = compiled.get(site);
    if (!patterns) {
      patterns = site.matches.map((p) => new MatchPattern(p));
      compiled.set(site, patterns);
    }
    return patterns.some((p) => p.includes(url));
  });
}
