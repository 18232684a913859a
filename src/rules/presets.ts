import type { RuleList } from './types';

/**
 * "NTR & cheating": netorare and its relatives as archives and doujin catalogs spell them
 * (E-Hentai/nhentai tag names, AO3 freeforms, the Japanese terms in kanji and katakana).
 */
export const NTR_PRESET: Omit<RuleList, 'id' | 'enabled' | 'action'> = {
  name: 'NTR & cheating',
  patterns: [
    'netorare',
    'ntr',
    '寝取られ',
    'ネトラレ',
    'netori',
    'netorase',
    'cheating',
    'infidelity',
    'cuckold',
    'cuckolding',
  ],
};
