import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { compileListExceptions } from './list-exceptions';
import { type Preset, presetById } from './presets';
import type { EntryFacts, RuleList, Tag } from './types';

const entry = (tags: Tag[]): EntryFacts => ({ id: 'e', tags, title: '', creators: [] });
const ntrList = compile([
  { id: 'ntr', name: 'NTR', enabled: true, action: 'hide', patterns: ['*cheating', 'cheating *'] },
]);

/** What the product will do: the list judges only the tags its exceptions leave it. */
function judgeWith(lines: string[], tags: Tag[]) {
  const exceptions = compileListExceptions(lines);
  return ntrList.judge(entry([...exceptions.visible(tags)])).action;
}

describe('a list’s own exceptions', () => {
  it('take a reassurance tag out of the list’s sight', () => {
    expect(judgeWith([], [{ name: 'No Cheating' }])).toBe('hide');
    expect(judgeWith(['no cheating*', 'cheating death'], [{ name: 'No Cheating' }])).toBeNull();
    expect(judgeWith(['no cheating*', 'cheating death'], [{ name: 'Cheating Death' }])).toBeNull();
  });

  it('work tag by tag: an entry with both "Cheating" and "No Cheating" is still caught', () => {
    const tags = [{ name: 'No Cheating' }, { namespace: 'freeform', name: 'Cheating' }];
    expect(judgeWith(['no cheating*'], tags)).toBe('hide');
    expect(compileListExceptions(['no cheating*']).visible(tags)).toEqual([tags[1]]);
  });

  it('fold and match as rules do: case, width, namespaces, ♀', () => {
    const exceptions = compileListExceptions(['no cheating', 'female:netorare']);
    const tags: Tag[] = [
      { name: 'ＮＯ　ＣＨＥＡＴＩＮＧ' },
      { namespace: 'f', name: 'netorare' },
      { name: 'netorare ♀' },
      { namespace: 'male', name: 'netorare' },
    ];
    expect(exceptions.visible(tags)).toEqual([{ namespace: 'male', name: 'netorare' }]);
  });

  it('hand back the same array when nothing is excepted, and when there are no lines', () => {
    const tags = [{ name: 'Cheating' }, { name: 'Fluff' }];
    expect(compileListExceptions(['no cheating']).visible(tags)).toBe(tags);
    const none = compileListExceptions(['# only a comment', '']);
    expect(none.active).toBe(false);
    expect(none.visible(tags)).toBe(tags);
  });

  it('report a bad line and apply the others', () => {
    const exceptions = compileListExceptions(['/(a+)+$/', 'no cheating']);
    expect(exceptions.errors).toEqual([expect.objectContaining({ line: 0 })]);
    expect(exceptions.visible([{ name: 'No Cheating' }])).toEqual([]);
  });

  it('see alias groups like the lists do', () => {
    const exceptions = compileListExceptions(['ntrなし'], { aliases: [['ntrなし', 'no ntr']] });
    expect(exceptions.visible([{ name: 'No NTR' }])).toEqual([]);
  });
});

describe('compile with a list’s own exceptions', () => {
  const preset = presetById('ntr') as Preset;
  const ntr: RuleList = {
    id: 'ntr',
    name: 'NTR',
    enabled: true,
    action: 'blur',
    patterns: [...preset.patterns],
    exceptions: [...preset.exceptions],
  };
  const other: RuleList = {
    id: 'mine',
    name: 'Mine',
    enabled: true,
    action: 'label',
    patterns: ['no cheating'],
  };

  it('spares an entry tagged "No Cheating" alone from the NTR preset list', () => {
    expect(compile([ntr]).judge(entry([{ namespace: 'freeform', name: 'No Cheating' }])).action).toBeNull();
    const without = { ...ntr, exceptions: [] };
    expect(compile([without]).judge(entry([{ namespace: 'freeform', name: 'No Cheating' }])).action).toBe(
      'blur',
    );
  });

  it('still catches "Cheating" beside "No Cheating", through "Cheating"', () => {
    const verdict = compile([ntr]).judge(entry([{ name: 'No Cheating' }, { name: 'Cheating' }]));
    expect(verdict.action).toBe('blur');
    expect(verdict.reasons.map((r) => r.tag?.name)).toEqual(['Cheating']);
  });

  it('leaves "No Cheating" in sight of every other list', () => {
    const verdict = compile([ntr, other]).judge(entry([{ name: 'No Cheating' }]));
    expect(verdict.action).toBe('label');
    expect(verdict.reasons.map((r) => r.listId)).toEqual(['mine']);
  });

  it('judges a combination on the tags the exceptions leave', () => {
    const list: RuleList = { ...other, patterns: ['cheating -no cheating'], exceptions: ['no cheating'] };
    // "-no cheating" cannot see the excepted tag, so the rule holds through "Cheating".
    expect(compile([list]).judge(entry([{ name: 'No Cheating' }, { name: 'Cheating' }])).action).toBe(
      'label',
    );
  });

  it('changes the matcher’s key when a list’s exceptions change, not otherwise', () => {
    expect(compile([ntr]).key).toBe(compile([{ ...ntr, exceptions: [...preset.exceptions] }]).key);
    expect(compile([ntr]).key).not.toBe(compile([{ ...ntr, exceptions: ['no cheating*'] }]).key);
  });

  it('applies them with the aliases and only while the list is in force', () => {
    const list: RuleList = { ...other, patterns: ['*ntr'], exceptions: ['ntrなし'] };
    const aliases = [['ntrなし', 'no ntr']];
    expect(compile({ lists: [list], aliases }).judge(entry([{ name: 'No NTR' }])).action).toBeNull();
    expect(compile({ lists: [list] }).judge(entry([{ name: 'No NTR' }])).action).toBe('label');
  });
});
