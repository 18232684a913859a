import { describe, expect, it } from 'vitest';
import { explain } from './explain';
import { parseRule, type Rule } from './parse';

function rule(line: string): Rule {
  const parsed = parseRule(line);
  if (!parsed.ok || !parsed.rule) throw new Error(line);
  return parsed.rule;
}

describe('explain', () => {
  it.each([
    [
      'netorare -vanilla',
      'hide',
      'Hides entries tagged “netorare” in any namespace, unless also tagged “vanilla” in any namespace.',
    ],
    ['f:netorare', 'blur', 'Blurs entries tagged “netorare” as female.'],
    ['*cheating*', 'label', 'Labels entries with a tag matching “*cheating*”.'],
    ['/^ntr\\b/', 'hide', 'Hides entries with a tag matching the regular expression /^ntr\\b/.'],
    [
      '~guro ~gore ~ryona',
      'collapse',
      'Collapses entries either tagged “guro” in any namespace, tagged “gore” in any namespace or tagged “ryona” in any namespace.',
    ],
    [
      'title:"step sister" # not again',
      'hide',
      'Hides entries whose title contains the words “step sister”. Shows “not again” as the reason.',
    ],
    ['creator:someone', undefined, 'Keeps entries by “someone”, untouched by every list.'],
  ] as const)('%s', (line, action, words) => {
    expect(explain(rule(line), action)).toBe(words);
  });
});

describe('a whole namespace', () => {
  it('male:* is explained as every tag of that namespace', () => {
    expect(explain(rule('male:*'), 'hide')).toBe('Hides entries with any tag in the male namespace.');
    expect(explain(rule('m:*'), 'hide')).toBe('Hides entries with any tag in the male namespace.');
  });
});
