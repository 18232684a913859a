import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { PRESETS } from './presets';
import type { Tag } from './types';

const judge = (id: string, tag: Tag) => {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(id);
  return compile([
    { id, name: preset.name, enabled: true, action: 'hide', patterns: [...preset.patterns] },
  ]).judge({
    id: '1',
    tags: [tag],
    title: '',
    creators: [],
  }).action;
};

/** The spellings of pixiv, hitomi.la and MangaDex, as their own data writes them, in the preset they belong to. */
const SPELLINGS: [preset: string, tag: Tag][] = [
  // pixiv tags (search-artworks and follow-latest answers write them as plain strings)
  ['ntr', { name: 'NTR' }],
  ['ntr', { name: '寝取られ' }],
  ['ntr', { name: '寝取り' }],
  ['ntr', { name: '寝取らせ' }],
  ['gore', { name: 'R-18G' }],
  ['gore', { namespace: 'rating', name: 'r-18g' }],
  ['gore', { name: 'リョナ' }],
  ['gore', { name: 'グロ' }],
  ['scat', { name: 'スカトロ' }],
  // hitomi.la galleries/<id>.js: {"tag": "netorare", "female": "1"}
  ['ntr', { namespace: 'female', name: 'netorare' }],
  // MangaDex tags by name (content group): Gore, Sexual Violence
  ['gore', { name: 'Gore' }],
  ['noncon', { name: 'Sexual Violence' }],
];

describe('presets match the spellings of pixiv, hitomi.la and MangaDex', () => {
  it.each(SPELLINGS.map(([p, t]) => [p, t.namespace ? `${t.namespace}:${t.name}` : t.name, t] as const))(
    '%s matches %s',
    (preset, _, tag) => {
      expect(judge(preset, tag)).toBe('hide');
    },
  );
});
