/**
 * Presets: named groups of rules across languages and sites that a user switches on as one list.
 * Each names where its spellings come from, so the next person can check and extend it; the labelled
 * corpus in tests/presets/ measures every line (docs/presets.md has the figures and the decisions).
 */
export interface Preset {
  id: string;
  name: string;
  /** One line for the onboarding page and the options page. */
  description: string;
  patterns: readonly string[];
  /**
   * Tags this preset's own lines must not count: reassurance tags ("No Cheating") and homonyms
   * ("Cheating Death"). Tag-level and within this preset only: an entry tagged both "Cheating" and
   * "No Cheating" is still caught, and other lists still see the tag (src/rules/list-exceptions.ts).
   */
  exceptions: readonly string[];
  /**
   * Goes up by one whenever the lines or exceptions change; the old ones are kept in
   * src/rules/preset-upgrade.ts, so a list made from an older version is offered the difference.
   */
  version: number;
  /** The sites whose own spellings the lines are written in (they apply on every site). */
  spelledOn: readonly string[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'ntr',
    version: 2,
    spelledOn: ['AO3', 'E-Hentai', 'nhentai', 'Danbooru', 'DLsite', 'FANZA', 'pixiv'],
    name: 'NTR & cheating',
    description: 'Netorare and its relatives: a partner taken, given away or cheating.',
    // Netorare (taken), netori (taking), netorase (giving). E-Hentai female:/male: netorare, netorase,
    // cheating; nhentai "netorare", "cheating"; Danbooru "netorare" (alias "ntr"); DLsite genres 寝取られ,
    // 寝取り, 寝取らせ (kept through the 2024 renames); FANZA 寝取り・寝取られ・NTR; pixiv NTR, 逆NTR,
    // NTR要素あり, 寝取られ, 寝取ら, 浮気, 不倫, 間男, BSS, 脳破壊; AO3 "Cheating", "Cheating Husband",
    // "Cheating <character>", "Cheating!<character>", "Infidelity", "Emotional Infidelity", "Adultery",
    // "Extramarital Affairs", "Affair", "Cuckolding", "Cuckquean", "Hotwife", "Wife Sharing".
    // Not here: hitozuma/人妻 (a married woman, not by itself cheating) and swinging (a couple's choice).
    patterns: [
      'netorare',
      'ネトラレ',
      'netori',
      'ネトリ',
      'netorase',
      'ネトラセ',
      '寝取*',
      '寝盗*',
      '/^ntr(?![a-z])/',
      '*ntr',
      '*cheating',
      'cheating *',
      'cheating!*',
      '*infidelity',
      'adulter*',
      '*adultery',
      'affair',
      'affairs',
      'extramarital*',
      'cuckold*',
      'cuckquean*',
      'hotwif*',
      '*wife sharing',
      '*浮気*',
      '*不倫*',
      '間男*',
      'bss',
      '僕が先に好きだったのに',
      '脳破壊',
    ],
    exceptions: [
      'no cheating*',
      'not cheating*',
      'no infidelity*',
      'no ntr*',
      'ntrなし',
      'ntr無し',
      '寝取られなし',
      '浮気なし',
      '不倫なし',
      'cheating death',
      'cheating fate',
      'cheating at *',
      'cheating on * test*',
      'academic cheating',
    ],
  },
  {
    id: 'gore',
    version: 2,
    spelledOn: ['AO3', 'E-Hentai', 'nhentai', 'Danbooru', 'MangaDex', 'DLsite', 'pixiv'],
    name: 'Gore & guro',
    description: 'Graphic injury, mutilation and death.',
    // E-Hentai female:/male: guro, ryona, snuff, cannibalism; nhentai "guro", "low guro", "ryona",
    // "snuff", "cannibalism"; Danbooru "guro", "gore"; MangaDex "Gore"; DLsite グロ, 猟奇; pixiv R-18G
    // (its own rating for grotesque works), グロ, グロ注意, エログロ, リョナ; AO3 warning "Graphic Depictions
    // Of Violence", freeforms "Gore", "Blood and Gore", "Mild Gore", "Body Horror", "Mutilation".
    // Whole words: "Obanai Iguro" is a name, not guro. Not here: blood, torture, amputee (their own tags).
    patterns: [
      '/\\bguro\\b/',
      'eroguro',
      '/\\bgore\\b/',
      'グロ',
      'グロ注意',
      'グロテスク',
      'エログロ',
      '猟奇',
      'r-18g',
      'r18g',
      'ryona',
      'リョナ',
      'snuff',
      'cannibalism',
      'mutilation',
      'dismemberment',
      'decapitation',
      'evisceration',
      'disembowelment',
      'body horror',
      'graphic violence',
      'warning:graphic depictions of violence',
    ],
    exceptions: ['no gore*', 'al gore', 'gore tex'],
  },
  {
    id: 'scat',
    version: 2,
    spelledOn: ['AO3', 'E-Hentai', 'nhentai', 'Danbooru', 'DLsite', 'pixiv'],
    name: 'Scat',
    description: 'Scat and related, including "implied" and "mentions of" tags.',
    // E-Hentai female:/male: scat, coprophagia; nhentai "scat", "low scat", "coprophagia"; Danbooru
    // "scat"; DLsite スカトロ, 脱糞; pixiv スカトロ, 脱糞, 排便; AO3 "Scat", "Implied Scat", "Scat Play".
    // A whole word: not "scatter", not "Scathach". Not here: urination, farting, enema (their own tags).
    patterns: ['/\\bscat\\b/', 'scatology', 'coprophagia', 'coprophilia', 'スカトロ', '脱糞', '排便'],
    exceptions: ['no scat*', 'scat singing'],
  },
  {
    id: 'noncon',
    version: 2,
    spelledOn: ['AO3', 'E-Hentai', 'nhentai', 'MangaDex', 'DLsite', 'pixiv'],
    name: 'Non-consent',
    description: 'Rape, non-consent and dubious consent.',
    // E-Hentai female:/male: rape; nhentai "rape"; MangaDex "Sexual Violence"; DLsite 合意なし (was
    // レイプ), 逆レ (was 逆レイプ), 強制/無理矢理 → 命令/無理矢理; pixiv レイプ, 逆レイプ, レズレイプ, 強姦,
    // 凌辱, 陵辱, 輪姦; AO3 warning "Rape/Non-Con", freeforms "Non-Consensual", "Dubious Consent",
    // "Consent Issues", "Sexual Abuse", "Implied Rape". Not "レイプ目" (lifeless eyes, an art trope),
    // not "Consensual Non-Consent" (a couple's game).
    patterns: [
      '/\\brape\\b/',
      '/\\bnon ?con\\b/',
      'non consent',
      '*non consensual*',
      '/\\bdub ?con\\b/',
      'dubious consent',
      'consent issues',
      'sexual violence',
      'sexual assault',
      'sexual abuse',
      '合意なし',
      '*レイプ',
      '逆レ',
      '*強姦',
      '*凌辱',
      '*陵辱',
      '*輪姦',
      '*無理矢理*',
      '無理やり',
    ],
    exceptions: ['no rape*', 'no non con*', 'no noncon*', 'no dub con*', 'no dubcon*'],
  },
  {
    id: 'incest',
    version: 2,
    spelledOn: ['AO3', 'E-Hentai', 'nhentai', 'hitomi.la', 'MangaDex', 'DLsite', 'pixiv'],
    name: 'Incest',
    description: 'Incest in every family relation.',
    // E-Hentai female:/male: incest, inseki (in-law); nhentai "incest", "low incest", "inseki"; hitomi and
    // MangaDex "incest"; DLsite 近親相姦, renamed 近親もの; pixiv 近親相姦, 母子相姦, 兄妹相姦; AO3 "Incest",
    // "Sibling Incest", "Parent/Child Incest", "Twincest", "Wincest", "Pseudo-Incest".
    // Not here: family words alone (sister, mother, 姉弟), cousin, oyakodon.
    patterns: ['*incest*', 'inseki', '近親*', '*相姦'],
    exceptions: ['no incest*', 'not incest*', 'not actually incest'],
  },
  {
    id: 'spoilers',
    version: 2,
    spelledOn: ['AO3', 'pixiv'],
    name: 'Spoilers',
    description: 'Spoiler tags and major character death.',
    // AO3 archive warning "Major Character Death", freeforms "Spoilers", "Spoilers for …", "… Spoilers",
    // "Canonical Character Death", "Character Death"; pixiv ネタバレ, ネタバレ注意.
    patterns: [
      'major character death',
      'canon character death',
      'canonical character death',
      'character death',
      'character deaths',
      '*spoiler*',
      '*ネタバレ*',
    ],
    exceptions: ['no spoiler*', 'non spoiler*', 'spoiler free', 'ネタバレなし'],
  },
  {
    id: 'ai',
    version: 1,
    spelledOn: ['AO3', 'E-Hentai', 'Danbooru', 'e621', 'pixiv'],
    name: 'AI-generated',
    description: 'Works made with generative AI.',
    // pixiv AI生成, AIイラスト, AIart, NovelAI, StableDiffusion, AIグラビア, AI美少女 (and its aiType 2,
    // once the pixiv adapter reads it as the tag ai:generated); Danbooru ai-generated, ai-assisted;
    // e621 ai_generated; E-Hentai other:ai generated; AO3 "AI-Generated", "AI-Generated Images",
    // "Created Using Generative AI", "AI Art". Not a character named Ai ("ai-chan", "AIKa"), not
    // stories about AI ("Artificial Intelligence", "Sentient AI"), not "AI-Spellcheck".
    patterns: [
      'ai:generated',
      'ai generated*',
      'ai assisted*',
      'ai art',
      'generative ai',
      'created using generative ai',
      'ai生成*',
      'aiイラスト',
      'aiart',
      'aiグラビア',
      'ai美少女',
      'novelai*',
      'stablediffusion',
      'midjourney',
    ],
    exceptions: [],
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
