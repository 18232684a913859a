/**
 * Presets: named groups of rules across languages and sites that a user switches on as one list.
 * Each names where its spellings come from, so the next person can check and extend it.
 */
export interface Preset {
  id: string;
  name: string;
  /** One line for the onboarding page and the options page. */
  description: string;
  patterns: readonly string[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'ntr',
    name: 'NTR & cheating',
    description: 'Netorare and its relatives: a partner taken, given away or cheating.',
    // E-Hentai/ExHentai tags female:/male:netorare, netori, cheating, cuckold(ing) (tag wiki);
    // nhentai tags "netorare", "cheating", "netori"; DLsite genres 寝取られ, 寝取り, 寝取らせ;
    // Danbooru "netorare" (alias "ntr"); AO3 freeforms "Cheating", "Infidelity", "Emotional Infidelity",
    // "Adultery", "Cuckolding".
    patterns: [
      'netorare',
      'ntr',
      '寝取られ',
      'ネトラレ',
      'netori',
      '寝取り',
      'ネトリ',
      'netorase',
      '寝取らせ',
      'ネトラセ',
      'cheating',
      '*cheating',
      'infidelity',
      '*infidelity',
      'adultery',
      'cuckold',
      'cuckolding',
      'cuckquean',
    ],
  },
  {
    id: 'gore',
    name: 'Gore & guro',
    description: 'Graphic injury, mutilation and death.',
    // E-Hentai female:/male:guro, snuff, cannibalism; nhentai "guro"; Danbooru "guro", "gore";
    // DLsite genres グロ, 猟奇; AO3 warning "Graphic Depictions Of Violence", freeforms "Gore", "Body Horror".
    patterns: [
      'guro',
      'gore',
      'グロ',
      '猟奇',
      'snuff',
      'cannibalism',
      'dismemberment',
      'decapitation',
      'body horror',
      'warning:graphic depictions of violence',
      // pixiv: the R-18G tag and xRestrict 2 (read as rating:r-18g), リョナ (ryona); MangaDex "Gore" is above.
      'r-18g',
      'リョナ',
      'ryona',
    ],
  },
  {
    id: 'scat',
    name: 'Scat',
    description: 'Scat and related, including "implied" and "mentions of" tags.',
    // E-Hentai female:/male:scat, coprophagia; nhentai "scat"; Danbooru "scat"; DLsite スカトロ, 脱糞;
    // AO3 "Scat", "Implied Scat", "Scat Play". A word-boundary expression catches every one of those
    // without catching "scatter".
    patterns: ['/\\bscat\\b/', 'scatology', 'coprophagia', 'coprophilia', 'スカトロ', '脱糞'],
  },
  {
    id: 'noncon',
    name: 'Non-consent',
    description: 'Rape, non-consent and dubious consent.',
    // E-Hentai female:/male:rape; nhentai "rape";
    // DLsite 合意なし (renamed from レイプ), 強姦; AO3 warning "Rape/Non-Con", freeforms "Non-Consensual",
    // "Dubious Consent", "Implied Rape".
    patterns: [
      '/\\brape\\b/',
      'non con',
      'noncon',
      'non consensual',
      '*non consensual*',
      'dubious consent',
      'dubcon',
      '合意なし',
      'レイプ',
      '強姦',
      '凌辱',
      '陵辱',
      // MangaDex content tag "Sexual Violence" (GET /manga/tag, group "content").
      'sexual violence',
    ],
  },
  {
    id: 'incest',
    name: 'Incest',
    description: 'Incest in every family relation.',
    // E-Hentai female:/male:incest, inseki (in-law); nhentai "incest"; DLsite 近親相姦, 近親もの;
    // AO3 "Incest", "Sibling Incest", "Parent/Child Incest", "Twincest".
    patterns: ['*incest*', 'inseki', '近親相姦', '近親*'],
  },
  {
    id: 'spoilers',
    name: 'Spoilers',
    description: 'Spoiler tags and major character death.',
    // AO3 archive warning "Major Character Death", freeforms "Spoilers", "Spoilers for …",
    // "Canon Character Death"; Japanese ネタバレ.
    patterns: ['major character death', 'canon character death', '*spoiler*', 'ネタバレ'],
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
