import { AO3_CNTUAW, AO3_WORLDBUILDING, type CorpusRow, EH_COMPACT, NH_TAGS, PIXIV_FOLLOW } from './corpus';

const AO3 = 'site vocabulary: AO3 freeform';
const PIXIV = 'site vocabulary: pixiv tag';
const DANBOORU = 'site vocabulary: Danbooru tag';

export const ai: readonly CorpusRow[] = [
  {
    tag: 'generated',
    namespace: 'ai',
    expect: 'catch',
    source: 'pixiv aiType 2, as the pixiv adapter is to write it (docs/presets.md)',
  },
  { tag: 'AI生成', expect: 'catch', source: PIXIV },
  { tag: 'AI生成イラスト', expect: 'catch', source: PIXIV },
  { tag: 'AIイラスト', expect: 'catch', source: PIXIV },
  { tag: 'AIart', expect: 'catch', source: PIXIV },
  { tag: 'AIグラビア', expect: 'catch', source: PIXIV },
  { tag: 'AI美少女', expect: 'catch', source: PIXIV },
  { tag: 'NovelAI', expect: 'catch', source: PIXIV },
  { tag: 'NovelAIDiffusion', expect: 'catch', source: PIXIV },
  { tag: 'StableDiffusion', expect: 'catch', source: PIXIV },
  { tag: 'midjourney', expect: 'catch', source: PIXIV },
  { tag: 'ai-generated', expect: 'catch', source: DANBOORU },
  { tag: 'ai-assisted', expect: 'catch', source: DANBOORU },
  { tag: 'ai_generated', expect: 'catch', source: 'site vocabulary: e621 tag' },
  { tag: 'ai generated', namespace: 'other', expect: 'catch', source: 'site vocabulary: E-Hentai tag' },
  { tag: 'AI-Generated Images', namespace: 'freeform', expect: 'catch', source: AO3_WORLDBUILDING },
  { tag: 'AI-Generated', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'AI Generated Art', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Created Using Generative AI', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'AI Art', namespace: 'freeform', expect: 'catch', source: AO3 },
  { tag: 'Generative AI', namespace: 'freeform', expect: 'catch', source: AO3 },

  { tag: 'THIS IS NOT AI GENERATED', namespace: 'freeform', expect: 'pass', source: AO3_CNTUAW },
  { tag: 'No AI', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'Not AI Generated', namespace: 'freeform', expect: 'pass', source: AO3 },
  { tag: 'No Generative AI', namespace: 'freeform', expect: 'pass', source: AO3 },
  {
    tag: 'AI-Spellcheck',
    namespace: 'freeform',
    expect: 'pass',
    source: AO3_WORLDBUILDING,
    note: 'a spelling checker, not a generated work',
  },
  { tag: 'ai-chan', namespace: 'character', expect: 'pass', source: EH_COMPACT },
  { tag: 'AIKa', expect: 'pass', source: PIXIV_FOLLOW },
  {
    tag: 'Hoshino Ai',
    namespace: 'character',
    expect: 'pass',
    source: 'site vocabulary: AO3 character (Oshi no Ko)',
  },
  { tag: 'Ai', namespace: 'character', expect: 'pass', source: 'trap: a character named Ai' },
  { tag: 'shiratorizawa ai', expect: 'pass', source: NH_TAGS },
  { tag: 'seiniku aikoukai', expect: 'pass', source: NH_TAGS },
  {
    tag: 'Artificial Intelligence',
    namespace: 'freeform',
    expect: 'pass',
    source: AO3,
    note: 'a story about AI',
  },
  { tag: 'Sentient AI', namespace: 'freeform', expect: 'pass', source: AO3, note: 'a story about AI' },
  { tag: 'mosaic censorship', expect: 'pass', source: NH_TAGS },
  { tag: 'paizuri', expect: 'pass', source: NH_TAGS },
  { tag: 'Digital Art', namespace: 'freeform', expect: 'pass', source: AO3_CNTUAW },
];
