import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import {
  addEntryRule,
  entryRuleError,
  HIDDEN_ONE_BY_ONE_ID,
  readEntryRule,
  removeEntryRule,
} from './entry-rules';
import { explain } from './explain';
import { parseRule } from './parse';
import type { EntryFacts, RuleList } from './types';

const work = (id: string, tags: string[] = []): EntryFacts => ({
  id,
  tags: tags.map((name) => ({ name })),
  title: 'A title',
  creators: [],
});

const list = (patterns: string[], extra: Partial<RuleList> = {}): RuleList => ({
  id: 'one',
  name: 'Hidden one by one',
  enabled: true,
  action: 'hide',
  patterns,
  ...extra,
});

describe('entry rules', () => {
  it('reads entry:<site>/<id>, ids with a slash and a note included', () => {
    expect(readEntryRule('entry:ao3/12345')).toEqual({ site: 'ao3', id: '12345' });
    expect(readEntryRule(' entry:ehentai/123/abcdef0123 # reposted ')).toEqual({
      site: 'ehentai',
      id: '123/abcdef0123',
      note: 'reposted',
    });
    expect(readEntryRule('entry:ao3')).toBeNull();
    expect(readEntryRule('netorare')).toBeNull();
  });

  it('hides exactly the AO3 work 12345 and no other', () => {
    const matcher = compile([list(['entry:ao3/12345'])], { site: 'ao3' });
    expect(matcher.judge(work('12345')).action).toBe('hide');
    expect(matcher.judge(work('12346')).action).toBeNull();
    expect(matcher.judge(work('12345')).reasons[0]).toMatchObject({
      rule: 'entry:ao3/12345',
      text: '12345',
      byId: true,
    });
  });

  it('matches an AO3 work by its number as listings write it (work_12345) and as its own page does', () => {
    const matcher = compile([list(['entry:ao3/12345'])], { site: 'ao3' });
    expect(matcher.judge(work('work_12345')).action).toBe('hide');
    expect(matcher.judge(work('work_123456')).action).toBeNull();
    const settings = { lists: [list([])] };
    expect(addEntryRule(settings, 'ao3', 'work_12345', 'x', 'one')).toBe(true);
    expect(settings.lists[0]?.patterns).toEqual(['entry:ao3/12345']);
    expect(addEntryRule(settings, 'ao3', '12345', 'x', 'one')).toBe(false);
    expect(removeEntryRule(settings, 'ao3', 'work_12345')).toBe(true);
  });

  it('leaves the same id on another site alone', () => {
    const matcher = compile([list(['entry:ao3/12345'])], { site: 'nhentai' });
    expect(matcher.judge(work('12345')).action).toBeNull();
  });

  it('joins the tag rules’ verdict, the strongest action winning, and outlasts an exception', () => {
    const matcher = compile(
      {
        lists: [list(['entry:ao3/7']), list(['fluff'], { id: 'f', name: 'F', action: 'label' })],
        exceptions: ['fluff'],
      },
      { site: 'ao3' },
    );
    expect(matcher.judge(work('7', ['fluff'])).action).toBe('hide');
    expect(matcher.judge(work('8', ['fluff'])).action).toBeNull();
  });

  it('does not treat an entry rule as a tag named "ao3/12345"', () => {
    const matcher = compile([list(['entry:ao3/12345'])], { site: 'ao3' });
    expect(
      matcher.judge({ ...work('1'), tags: [{ namespace: 'entry', name: 'ao3/12345' }] }).action,
    ).toBeNull();
  });

  it('refuses a line that starts entry: but names no entry, with its column', () => {
    expect(entryRuleError('entry:ao3')).toMatchObject({
      column: 7,
      code: 'entryForm',
      message: expect.stringContaining('entry:ao3/12345'),
    });
    expect(parseRule('entry:ao3').ok).toBe(false);
    expect(parseRule('entry:ao3/12345').ok).toBe(true);
    expect(entryRuleError('netorare')).toBeNull();
  });

  it('explains itself in words', () => {
    const parsed = parseRule('entry:ao3/12345');
    if (!parsed.ok || !parsed.rule) throw new Error('did not parse');
    expect(explain(parsed.rule, 'hide')).toBe('Hides the AO3 work 12345, whatever its tags.');
  });

  it('adds to a "Hidden one by one" list made on first use, once, and Undo removes it', () => {
    const settings = { lists: [list(['netorare'], { id: 'mine', name: 'Mine' })] };
    expect(addEntryRule(settings, 'ao3', '12345', 'Hidden one by one')).toBe(true);
    expect(addEntryRule(settings, 'ao3', '12345', 'Hidden one by one')).toBe(false);
    expect(settings.lists[1]).toEqual({
      id: HIDDEN_ONE_BY_ONE_ID,
      name: 'Hidden one by one',
      enabled: true,
      action: 'hide',
      patterns: ['entry:ao3/12345'],
    });
    expect(removeEntryRule(settings, 'ao3', '12345')).toBe(true);
    expect(settings.lists[1]?.patterns).toEqual([]);
    expect(removeEntryRule(settings, 'ao3', '12345')).toBe(false);
  });

  it('adds to the list the user picked, and refuses an id that would not read back', () => {
    const settings = { lists: [list([], { id: 'mine', name: 'Mine' })] };
    expect(addEntryRule(settings, 'ao3', '5', 'Hidden one by one', 'mine')).toBe(true);
    expect(settings.lists).toHaveLength(1);
    expect(settings.lists[0]?.patterns).toEqual(['entry:ao3/5']);
    expect(addEntryRule(settings, 'ao3', 'two words', 'x')).toBe(false);
    expect(addEntryRule(settings, 'ao3', 'a#b', 'x')).toBe(false);
  });
});
