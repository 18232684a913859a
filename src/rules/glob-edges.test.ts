import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseRule } from './parse';

const hides = (rule: string, name: string) =>
  compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]).judge({
    id: '1',
    tags: [{ namespace: 'fandom', name }],
    title: '',
    creators: [],
  }).action === 'hide';

describe('punctuation at the edge of a wildcard is part of it', () => {
  it('*RPF) keeps its parenthesis', () => {
    const parsed = parseRule('*RPF)');
    expect(parsed.ok && parsed.rule?.terms[0]?.atom).toEqual({ kind: 'glob', pattern: '*rpf)' });
  });

  it.each([
    ['*RPF)', 'Bandom (RPF)', true],
    ['*RPF)', 'K-pop (RPF)', true],
    ['*RPF)', 'Bandom RPF', false],
    ['*RPF)', 'Hockey RPF', false],
    ['*(RPF)', 'Bandom (RPF)', true],
    ['(*', '(Not) Fine', true],
    ['(*', 'Not Fine', false],
    ['*RPF', 'Bandom RPF', true],
    ['*RPF', 'Bandom (RPF)', true], // a pattern without edge punctuation sees the folded tag
    ['*(TV)', 'Sherlock (TV)', true],
    ['*(TV)', 'Sherlock TV', false],
    ['*cheating*', 'Cheating!', true],
  ])('%s on %j: %s', (rule, tag, expected) => {
    expect(hides(rule, tag)).toBe(expected);
  });
});
