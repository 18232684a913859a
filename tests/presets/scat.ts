import { type CorpusRow, EH_SXJ, NH_TAGS, PIXIV_FOLLOW, PIXIV_SEARCH } from './corpus';

const AO3 = 'site vocabulary: AO3 freeform';
const EH = 'site vocabulary: E-Hentai tag';
const PIXIV = 'site vocabulary: pixiv tag';
const DLSITE = 'site vocabulary: DLsite genre';

export const scat: readonly CorpusRow[] = [
  { tag: 'scat', expect: 'catch', source: NH_TAGS },
  { tag: 'low scat', expect: 'catch', source: NH_TAGS },
  { tag: 'coprophagia', expect: 'catch', source: NH_TAGS },
  { tag: 'scat', namespace: 'female', expect: 'catch', source: EH },
  { tag: 'scat', namespace: 'male', expect: 'catch', source: EH },
  { tag: 'coprophagia', namespace: 'female', expect: 'catch', source: EH },
  { tag: 'Scat', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Implied Scat', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Scat Play', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Mentions of Scat', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Scatology', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Coprophilia', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'スカトロ', expect: 'catch', source: DLSITE },
  { tag: 'スカトロ', expect: 'catch', source: PIXIV },
  { tag: '脱糞', expect: 'catch', source: DLSITE },
  { tag: '排便', expect: 'catch', source: PIXIV },

  { tag: 'No Scat', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'Scattered', namespace: 'freeform', expect: 'pass', source: 'trap: issue 18 (a substring)' },
  { tag: 'Scatterbrained', namespace: 'freeform', expect: 'pass', source: 'trap: a substring' },
  {
    tag: 'Scathach (Fate)',
    namespace: 'character',
    expect: 'pass',
    source: 'trap: a name starting with "scat"',
  },
  { tag: 'Scat Singing', namespace: 'freeform', expect: 'pass', source: 'trap: jazz' },
  { tag: 'scar', expect: 'pass', source: NH_TAGS },
  { tag: 'scan', expect: 'pass', source: NH_TAGS },
  { tag: 'scanmark', expect: 'pass', source: NH_TAGS },
  { tag: 'urination', namespace: 'female', expect: 'pass', source: EH_SXJ, note: 'its own tag' },
  { tag: 'farting', expect: 'pass', source: NH_TAGS, note: 'its own tag' },
  { tag: 'enema', expect: 'pass', source: NH_TAGS, note: 'its own tag' },
  { tag: 'diaper', expect: 'pass', source: NH_TAGS },
  { tag: 'おしっこ', expect: 'pass', source: PIXIV_SEARCH },
  { tag: '失禁', expect: 'pass', source: PIXIV_FOLLOW },
];
