/**
 * DLsite genres by id, with every name each has had. In 2024 DLsite renamed many genres to euphemisms
 * (レイプ → 合意なし, 輪姦 → 回し, …) and kept their ids, so a rule written with any of the names (old or
 * new, Japanese or English) must reach the genre by its id. The adapter emits, for a genre id, every name
 * listed here, so `rape`, `レイプ` and `合意なし` all match genre 113.
 *
 * Sources, cited per entry:
 * - SEARCH: ../shared/fixtures/real/dlsite/fsr-search-keyword_creater-2025-07.html, the page's own filter
 *   data (`{"val":"048","text":"寝取られ","category":"genre"}`), 2025-07, names after the renames.
 * - WORK_2025 / WORK_2022: the work pages RJ01393393 (2025-07) and RJ173248 (2022) in the same folder:
 *   genre links `/genre/115/` named 逆レ in 2025 and 逆レイプ in 2022.
 * - RENAMES: suicycl3/Simaeru · tools/gen-genre-catalog.mjs · 623e3d232fc13ba5e35e3f9bda337f31b579fe66,
 *   `DLSITE_RENAMED`: id, the name DLsite's own library API still gives, the name its pages now show,
 *   matched there by each genre id's page heading.
 * English names are the words the other sites and Tagveil's presets use for the same genre (nhentai,
 * E-Hentai); they are not DLsite's own English labels.
 */

export interface DlsiteGenre {
  /** The name DLsite's Japanese pages show now. */
  current: string;
  /** Earlier names, and English words for the same genre. */
  also: readonly string[];
}

const SEARCH = 'fixture: dlsite/fsr-search-keyword_creater-2025-07.html';
const WORK_2025 = 'fixture: dlsite/work-RJ01393393-2025-07.html';
const WORK_2022 = 'fixture: dlsite/work-RJ173248-2022.html';
const RENAMES = 'suicycl3/Simaeru tools/gen-genre-catalog.mjs (DLSITE_RENAMED)';

/** Keys are the ids as DLsite writes them: three digits, zero-padded. */
export const DLSITE_GENRES: Readonly<Record<string, DlsiteGenre>> = {
  // Netorare: names unchanged by the renames; the ids are what the grid's hidden attributes carry.
  '048': { current: '寝取られ', also: ['netorare', 'NTR'] },
  '302': { current: '寝取り', also: ['netori'] },
  '529': { current: '寝取らせ', also: ['netorase'] },
  // Renamed in 2024.
  '113': { current: '合意なし', also: ['レイプ', 'rape'] },
  '114': { current: '命令/無理矢理', also: ['強制/無理矢理', 'forced'] },
  '115': { current: '逆レ', also: ['逆レイプ', 'reverse rape'] },
  '120': { current: '近親もの', also: ['近親相姦', 'incest'] },
  '121': { current: '回し', also: ['輪姦', 'gang rape'] },
  '134': { current: '屈辱', also: ['陵辱', '凌辱', 'ryoujoku'] },
  '139': { current: '秘密さわさわ', also: ['痴漢', 'chikan', 'molestation'] },
  '140': { current: 'しつけ', also: ['調教', 'training'] },
  '147': { current: '下僕', also: ['奴隷', 'slave'] },
  '151': { current: '閉じ込め', also: ['監禁', 'confinement'] },
  '154': { current: '超ひどい', also: ['鬼畜', 'kichiku'] },
  '157': { current: 'トランス/暗示', also: ['催眠', 'hypnosis'] },
  '163': { current: '畜えち', also: ['獣姦', 'bestiality'] },
  '164': { current: '機械責め', also: ['機械姦', 'machine'] },
  '207': { current: 'つるぺた', also: ['ロリ', 'lolicon'] },
  '324': { current: '異種えっち', also: ['異種姦', 'interspecies'] },
  '326': { current: '精神支配', also: ['洗脳', 'mind control'] },
  '495': { current: 'すやすやえっち', also: ['睡眠姦', 'sleeping'] },
  '525': { current: 'ざぁ～こ♡', also: ['メスガキ', 'mesugaki'] },
  // Not renamed; named by the saved pages, for the presets' other genres.
  '161': { current: 'スカトロ', also: ['scat'] },
};

/**
 * Where each genre's names come from (the constants above say what each source is): apart from the
 * names, which every DLsite page carries, as their citations need not be.
 */
export const DLSITE_GENRE_SOURCES: Readonly<Record<string, string>> = {
  // Netorare: names unchanged by the renames; the ids are what the grid's hidden attributes carry.
  '048': SEARCH,
  '302': SEARCH,
  '529': SEARCH,
  // Renamed in 2024.
  '113': RENAMES,
  '114': RENAMES,
  '115': `${WORK_2025}; ${WORK_2022}; ${SEARCH}; ${RENAMES}`,
  '120': RENAMES,
  '121': RENAMES,
  '134': RENAMES,
  '139': RENAMES,
  '140': RENAMES,
  '147': RENAMES,
  '151': RENAMES,
  '154': RENAMES,
  '157': RENAMES,
  '163': RENAMES,
  '164': RENAMES,
  '207': `${SEARCH}; ${RENAMES}`,
  '324': `${SEARCH}; ${RENAMES}`,
  '326': RENAMES,
  '495': RENAMES,
  '525': RENAMES,
  // Not renamed; named by the saved pages, for the presets' other genres.
  '161': SEARCH,
};

/** Every name of a genre id (current first), or none when the id is not in the dictionary. */
export function genreNames(id: string): readonly string[] {
  const genre = DLSITE_GENRES[id];
  return genre ? [genre.current, ...genre.also] : [];
}
