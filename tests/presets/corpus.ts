/**
 * The labelled corpus the presets are measured on (tests/unit/presets-corpus.test.ts): real tags, each
 * with where it was read. A row the preset gets wrong stays, marked `known: 'wrong'` with the reason,
 * until the preset (or the folding it relies on) is fixed.
 */
export interface CorpusRow {
  /** The tag as the site writes it. */
  tag: string;
  /** The namespace the site adapter gives it (AO3 `freeform`, E-Hentai `female`); none for plain tags. */
  namespace?: string;
  /** Whether switching the preset on should act on an entry carrying this tag. */
  expect: 'catch' | 'pass';
  /**
   * Where the spelling comes from: a saved page under ../shared/fixtures/real/ (its path there), or
   * "site vocabulary: …" for a site's own tag list or genre names, or "trap: …" for a near-miss.
   */
  source: string;
  /**
   * A DLsite genre id: the row is an entry carrying every name the DLsite adapter emits for that id (the
   * dictionary's names, src/sites/dictionaries/dlsite-genres.ts, and `tag`, the name the page shows), as
   * `genre:` tags. For the renamed genres whose new name is an everyday word (屈辱, 回し).
   */
  dlsiteGenre?: string;
  /** The preset gets this row wrong today; `note` says why and what would fix it. */
  known?: 'wrong';
  note?: string;
}

/** Saved pages, as cited in `source`. */
export const AO3_CNTUAW = 'ao3/tag_works_Choose_Not_To_Use_Archive_Warnings.html';
export const AO3_DYSPHORIA = 'ao3/tag_works_Dysphoria.html';
export const AO3_WORLDBUILDING = 'ao3/tag_works_Worldbuilding.html';
export const EH_COMPACT = 'ehentai/seven332_list_ECompat.html';
export const EH_EXTENDED = 'ehentai/seven332_list_EExtended.html';
export const EH_SXJ = 'ehentai/sxj_ehentai_compact_2021.html';
export const EH_DETAIL = 'ehentai/sxj_ehentai_gallery_detail_2023.html';
export const NH_TAGS = 'nhentai/nhentai_tag_ids_2022.json';
export const NH_API = 'nhentai/nhentai_api_search.json';
export const PIXIV_SEARCH = 'pixiv/search-artworks-gup.json';
export const PIXIV_FOLLOW = 'pixiv/follow-latest-illust.json';
export const PIXIV_R18 = 'pixiv/user-14095911-illustmanga-tag-R18.json';
export const HITOMI = 'hitomi/galleries-1674850.js';
export const MANGADEX_TAGS = 'mangadex/manga-tag-list.json';
export const MANGADEX_LIST = 'mangadex/manga-list-100-2024-08.json';
export const DLSITE_2025 = 'dlsite/work-RJ01393393-2025-07.html';
export const DLSITE_2022 = 'dlsite/work-RJ173248-2022.html';
/** DLsite's 2024 genre renames, as its mail to circles listed them (e.g. レイプ → 合意なし). */
export const DLSITE_RENAMES = 'site vocabulary: DLsite genre renames of 2024';
/** The DLsite dictionary: every name a genre id has had, which the adapter emits for the id. */
export const DLSITE_DICTIONARY = 'src/sites/dictionaries/dlsite-genres.ts (every name of the genre id)';
