import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { parseRule } from '../rules/parse';
import { booruLine, detectFormat, literalTag, readImport } from './foreign';
import { msg } from './message';

/** The names an English page passes (src/ui/i18n.ts importListNames). */
const NAMES = { booru: 'Booru blacklist', plain: 'Imported tags' };

function incoming(text: string, format: Parameters<typeof readImport>[1]) {
  const result = readImport(text, format, NAMES);
  if (!result.ok) throw new Error(result.errors.map(englishText).join('\n'));
  return result.incoming;
}

function errorsOf(result: ReturnType<typeof readImport>): string[] {
  return result.ok ? [] : result.errors.map(englishText);
}

/** AO3 Savior's config file as its users edit it (ao3_savior_config.js). */
const SAVIOR_JS = `window.ao3SaviorConfig = {
  // Set to false if you don't want to see why works were hidden.
  showReasons: true,
  showPlaceholders: true,
  alertOnVisit: false,
  authorBlacklist: ['Hooffeathers', "someone's alt"],
  titleBlacklist: ['The Catalyst', 'Blood, Sweat & Tears'],
  tagBlacklist: ['dobby', 'jkrowling*', '*mimic*', 'Major Character Death'],
  tagWhitelist: ['harry potter'],
  summaryBlacklist: ['horse', 'lesbian'],
};`;

describe('AO3 Savior', () => {
  it('reads its JavaScript config: tags, authors, titles, allowed tags', () => {
    const { lists, exceptions, notes } = incoming(SAVIOR_JS, 'ao3-savior');
    expect(lists[0]).toMatchObject({ name: 'AO3 Savior', action: 'collapse' });
    expect(lists[0]?.patterns).toEqual([
      'dobby',
      'jkrowling*',
      '*mimic*',
      'Major Character Death',
      'creator:"Hooffeathers"',
      'creator:"someone\'s alt"',
      'title:"The Catalyst"',
      'title:"Blood, Sweat & Tears"',
    ]);
    expect(exceptions).toEqual(['harry potter']);
    expect(notes.map(englishText)).toContain('2 summary words skipped: Tagveil does not read summaries');
    for (const p of lists[0]?.patterns ?? []) expect(parseRule(p).ok).toBe(true);
  });

  it('reads its JSON export, with comma-separated strings and placeholders off', () => {
    const json = JSON.stringify({
      tagBlacklist: 'gore, scat ,',
      authorBlacklist: [],
      showPlaceholders: false,
    });
    expect(detectFormat(json)).toBe('ao3-savior');
    const { lists } = incoming(json, 'ao3-savior');
    expect(lists[0]).toMatchObject({ action: 'hide', patterns: ['gore', 'scat'] });
  });

  it('refuses a config with nothing in it, or the wrong shape', () => {
    expect(errorsOf(readImport('{"tagBlacklist": 5}', 'ao3-savior', NAMES))).toEqual([
      'tagBlacklist: expected a list of strings, got number',
    ]);
    expect(errorsOf(readImport('{}', 'ao3-savior', NAMES))).toEqual([
      expect.stringMatching(/no tagBlacklist/u),
    ]);
  });
});

describe('booru blacklist', () => {
  const DANBOORU = `netorare
rating:e guro
ugly_bastard -vanilla
~scat ~vomit
`;

  it('turns each line into a rule with the same meaning', () => {
    expect(detectFormat(DANBOORU)).toBe('booru');
    expect(incoming(DANBOORU, 'booru').lists[0]?.patterns).toEqual([
      'netorare',
      'rating:e +guro',
      'ugly_bastard -vanilla',
      '~scat ~vomit',
    ]);
  });

  it('a line of several plain words requires them all', () => {
    expect(booruLine('big_breasts  netorare')).toBe('big_breasts +netorare');
  });

  it('skips a line it cannot read and says which', () => {
    const { lists, notes } = incoming('gore\n-vanilla\n', 'booru');
    expect(lists[0]?.patterns).toEqual(['gore']);
    expect(englishText(notes[1] ?? '')).toMatch(/^line 2 skipped \(-vanilla\): column \d+: /u);
  });
});

describe('plain list', () => {
  it('reads one tag a line, spaces and all', () => {
    const text = 'Major Character Death\nnetorare\n\n寝取られ\n';
    expect(detectFormat(text)).toBe('plain');
    expect(incoming(text, 'plain').lists[0]?.patterns).toEqual([
      'Major Character Death',
      'netorare',
      '寝取られ',
    ]);
  });

  it('reads a comma-separated line', () => {
    expect(incoming('gore, scat,guro', 'plain').lists[0]?.patterns).toEqual(['gore', 'scat', 'guro']);
  });

  it('keeps a tag that looks like an operator literal', () => {
    expect(literalTag('-vanilla')).toBe('"-vanilla"');
    expect(literalTag('C# programming')).toBe('C# programming');
    expect(incoming('-vanilla', 'plain').lists[0]?.patterns).toEqual(['"-vanilla"']);
  });

  it('refuses an empty file', () => {
    expect(readImport('\n \n', 'plain', NAMES)).toEqual({ ok: false, errors: [msg('msg_noTags')] });
  });
});

describe('detectFormat', () => {
  it('knows a Tagveil file', () => {
    expect(detectFormat('{ "format": "tagveil", "version": 2, "lists": [] }')).toBe('tagveil');
  });
});
