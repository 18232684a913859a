import { AO3_CNTUAW, AO3_DYSPHORIA, AO3_WORLDBUILDING, type CorpusRow } from './corpus';

const AO3 = 'site vocabulary: AO3 freeform';
const PIXIV = 'site vocabulary: pixiv tag';

export const spoilers: readonly CorpusRow[] = [
  { tag: 'Major Character Death', namespace: 'warning', expect: 'catch', source: AO3_WORLDBUILDING },
  { tag: 'Canonical Character Death', namespace: 'freeform', expect: 'catch', source: AO3_WORLDBUILDING },
  { tag: 'Character Death', namespace: 'freeform', expect: 'catch', source: AO3_WORLDBUILDING },
  { tag: 'Character Deaths', namespace: 'freeform', expect: 'catch', source: AO3_WORLDBUILDING },
  { tag: 'Canon Character Death', namespace: 'freeform', expect: 'catch', source: AO3 },
  {
    tag: 'Arc 5: Stars That Engrave History Spoilers (Re:Zero)',
    namespace: 'freeform',
    expect: 'catch',
    source: AO3_WORLDBUILDING,
  },
  { tag: 'some Book spoilers', namespace: 'freeform', expect: 'catch', source: AO3_CNTUAW },
  { tag: 'Spoilers', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Spoilers for Season 3', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Spoiler Alert', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'ネタバレ', expect: 'catch', source: PIXIV },
  { tag: 'ネタバレ注意', expect: 'catch', source: PIXIV },

  { tag: 'No Spoilers', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'Spoiler-Free', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'Non-Spoiler', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'ネタバレなし', expect: 'pass', source: PIXIV },
  { tag: 'No Major Character Death', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'No Archive Warnings Apply', namespace: 'warning', expect: 'pass', source: AO3_WORLDBUILDING },
  { tag: 'Major Character Undeath', namespace: 'freeform', expect: 'pass', source: AO3_WORLDBUILDING },
  { tag: 'Fate Worse Than Death', namespace: 'freeform', expect: 'pass', source: AO3_WORLDBUILDING },
  { tag: 'Death', namespace: 'freeform', expect: 'pass', source: AO3_WORLDBUILDING },
  { tag: 'Death Threats', namespace: 'freeform', expect: 'pass', source: AO3_DYSPHORIA },
  {
    tag: 'Implied/Referenced Character Death',
    namespace: 'freeform',
    expect: 'pass',
    source: AO3_DYSPHORIA,
    note: 'a death referred to, not shown: an optional line',
  },
  {
    tag: 'Severus Snape is Not a Death Eater',
    namespace: 'freeform',
    expect: 'pass',
    source: AO3_WORLDBUILDING,
  },
  { tag: 'Spoiled Harry Potter', namespace: 'freeform', expect: 'pass', source: AO3 },
];
