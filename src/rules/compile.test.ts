import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import type { EntryFacts, RuleList, Tag } from './types';

function entry(...tags: (string | Tag)[]): EntryFacts {
  return {
    id: 'e1',
    title: 'A title',
    creators: [],
    tags: tags.map((t) => (typeof t === 'string' ? { name: t } : t)),
  };
}

function list(id: string, action: RuleList['action'], patterns: string[], enabled = true): RuleList {
  return { id, name: id.toUpperCase(), enabled, action, patterns };
}

describe('compile and judge', () => {
  it('matches a plain rule in any namespace, case and width', () => {
    const m = compile([list('ntr', 'hide', ['netorare'])]);
    for (const tag of ['Netorare', 'ｎｅｔｏｒａｒｅ', 'netorare ♀']) {
      expect(m.judge(entry(tag)).action).toBe('hide');
    }
    expect(m.judge(entry({ namespace: 'female', name: 'netorare' })).action).toBe('hide');
    expect(m.judge(entry('vanilla')).action).toBeNull();
  });

  it('matches katakana rules against hiragana tags and the reverse', () => {
    const m = compile([list('ntr', 'hide', ['ネトラレ'])]);
    expect(m.judge(entry('ねとられ')).action).toBe('hide');
  });

  it('matches a namespaced rule only in that namespace, with abbreviations', () => {
    const m = compile([list('f', 'blur', ['f:netorare'])]);
    expect(m.judge(entry({ namespace: 'female', name: 'netorare' })).action).toBe('blur');
    expect(m.judge(entry({ namespace: 'male', name: 'netorare' })).action).toBeNull();
    expect(m.judge(entry('netorare')).action).toBeNull();
    expect(m.judge(entry('netorare ♀')).action).toBe('blur');
  });

  it('does not match part of a tag', () => {
    const m = compile([list('g', 'hide', ['games'])]);
    expect(m.judge(entry('retrogames')).action).toBeNull();
    expect(m.judge(entry('Video Games')).action).toBeNull();
  });

  it('gives the strongest action and every reason', () => {
    const m = compile([
      list('a', 'label', ['cheating']),
      list('b', 'hide', ['netorare']),
      list('c', 'blur', ['ntr']),
    ]);
    const verdict = m.judge(entry('Cheating', 'NTR', { namespace: 'female', name: 'netorare' }));
    expect(verdict.action).toBe('hide');
    expect(verdict.reasons).toEqual([
      { listId: 'a', listName: 'A', action: 'label', rule: 'cheating', tag: { name: 'Cheating' } },
      { listId: 'c', listName: 'C', action: 'blur', rule: 'ntr', tag: { name: 'NTR' } },
      {
        listId: 'b',
        listName: 'B',
        action: 'hide',
        rule: 'netorare',
        tag: { namespace: 'female', name: 'netorare' },
      },
    ]);
  });

  it('ignores disabled lists', () => {
    const m = compile([list('ntr', 'hide', ['netorare'], false)]);
    expect(m.judge(entry('netorare')).action).toBeNull();
    expect(m.ruleCount).toBe(0);
  });

  it('reports a bad line with its column and still applies the good ones', () => {
    const m = compile([list('mix', 'hide', ['netorare', '# a comment', '', '  *cheating*', 'gore'])]);
    expect(m.ruleCount).toBe(2);
    expect(m.errors).toEqual([
      expect.objectContaining({ listId: 'mix', line: 3, column: 3, text: '  *cheating*' }),
    ]);
    expect(m.judge(entry('Gore')).action).toBe('hide');
  });
});
