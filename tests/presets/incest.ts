import { type CorpusRow, HITOMI, MANGADEX_LIST, NH_API, NH_TAGS, PIXIV_FOLLOW } from './corpus';

const AO3 = 'site vocabulary: AO3 freeform';
const EH = 'site vocabulary: E-Hentai tag';
const PIXIV = 'site vocabulary: pixiv tag';

export const incest: readonly CorpusRow[] = [
  { tag: 'incest', expect: 'catch', source: NH_TAGS },
  { tag: 'incest', namespace: 'tag', expect: 'catch', source: NH_API },
  { tag: 'low incest', expect: 'catch', source: NH_TAGS },
  { tag: 'incest inseki', expect: 'catch', source: NH_TAGS },
  { tag: 'inseki', expect: 'catch', source: NH_TAGS },
  { tag: 'incest', expect: 'catch', source: HITOMI },
  { tag: 'Incest', expect: 'catch', source: MANGADEX_LIST },
  { tag: 'incest', namespace: 'female', expect: 'catch', source: EH },
  { tag: 'inseki', namespace: 'male', expect: 'catch', source: EH },
  { tag: 'Incest', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Sibling Incest', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Parent/Child Incest', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Twincest', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Wincest', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Pseudo-Incest', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Incestuous Thoughts', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: '近親相姦', expect: 'catch', source: 'site vocabulary: DLsite genre before 2024' },
  {
    tag: '近親もの',
    expect: 'catch',
    source: 'site vocabulary: DLsite genre renames of 2024',
    note: 'was 近親相姦',
  },
  { tag: '近親', expect: 'catch', source: PIXIV },
  { tag: '母子相姦', expect: 'catch', source: PIXIV },
  { tag: '兄妹相姦', expect: 'catch', source: PIXIV },

  { tag: 'No Incest', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'Not Incest', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'Not Actually Incest', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'insect', namespace: 'female', expect: 'pass', source: EH, note: 'one letter away' },
  { tag: 'sister', expect: 'pass', source: NH_TAGS, note: 'a family word alone' },
  { tag: 'mother', expect: 'pass', source: NH_TAGS, note: 'a family word alone' },
  { tag: 'cousin ♀', expect: 'pass', source: HITOMI },
  { tag: 'oyakodon', expect: 'pass', source: NH_TAGS },
  { tag: 'shimaidon', expect: 'pass', source: NH_TAGS },
  { tag: '姉弟', expect: 'pass', source: PIXIV_FOLLOW, note: 'a sister and a brother, a pairing word' },
  { tag: 'MOTHER', expect: 'pass', source: PIXIV_FOLLOW, note: 'a game' },
  {
    tag: 'Family Bonding',
    namespace: 'freeform',
    expect: 'pass',
    source: 'ao3/tag_works_Worldbuilding.html',
  },
  { tag: 'Found Family', namespace: 'freeform', expect: 'pass', source: 'ao3/tag_works_Worldbuilding.html' },
  { tag: '獣姦', expect: 'pass', source: PIXIV, note: 'bestiality: 姦 alone is not 相姦' },
];
