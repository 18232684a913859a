import { describe, expect, it } from 'vitest';
import { literalTag } from '../settings/foreign';
import { blockRule, type SeenTag, seenTagRule } from '../views/popup-model';
import { compile } from './compile';
import { parseRule } from './parse';
import type { Tag } from './types';

const hides = (rule: string, tag: Tag) =>
  compile([{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: [rule] }]).judge({
    id: '1',
    tags: [tag],
    title: '',
    creators: [],
  }).action === 'hide';

/** Each spelling a page shows, and tags a looser reading of it would also have hidden. */
const SPELLINGS: [string, string[]][] = [
  ['Fic #2', ['Fic', 'fic 2', 'Fic #3']],
  // (`Spoilers` and `rating explicit` are the same tags once folded: punctuation around a tag and `-` fold.)
  ['*Spoilers*', ['Major Spoilers', 'Spoilers for Season 3', 'Spoilers!!!!x']],
  ['Rating -Explicit', ['Rating', 'Explicit', 'Rating - Explicit Content']],
  ['Re:Zero', ['Zero', 'Re']],
  ['Star Wars: Rebels', ['Star Wars', 'Rebels']],
  ['~guro ~gore', ['guro', 'gore']],
  ['/^ntr/', ['ntr', 'ntr lover']],
  ['title:"sister"', ['sister', 'title sister']],
  ['-_-', ['_-', '-']],
  [':d', ['d', ':)']],
  ['Tag "with quotes"', ['Tag', 'with quotes']],
  ['C# programming', ['C programming']],
];

describe('quick add blocks exactly the tag it was given', () => {
  it.each(SPELLINGS)('%s: the quoted rule hides that tag and nothing broader', (spelling, others) => {
    const rule = literalTag(spelling);
    const parsed = parseRule(rule);
    expect(parsed.ok && parsed.rule?.terms).toHaveLength(1);
    expect(hides(rule, { name: spelling })).toBe(true);
    expect(hides(rule, { namespace: 'freeform', name: spelling })).toBe(true);
    for (const other of others) expect(hides(rule, { name: other }), `${rule} on ${other}`).toBe(false);
  });

  it.each(SPELLINGS)('%s: the popup’s box (tag mode) and its Block button give the same rule', (spelling) => {
    expect(blockRule(spelling, 'tag')).toEqual({ ok: true, rule: literalTag(spelling) });
  });

  it('a known namespace typed in the box still names it: female:netorare, f:netorare', () => {
    expect(literalTag('female:netorare')).toBe('female:netorare');
    expect(hides(literalTag('f:netorare'), { namespace: 'female', name: 'netorare' })).toBe(true);
    expect(hides(literalTag('f:netorare'), { namespace: 'male', name: 'netorare' })).toBe(false);
  });

  it('a tag seen on the page is blocked by its name, whatever it holds', () => {
    const seen: SeenTag = { name: 'Re:Zero', tag: 'fandom:Re:Zero', entries: 1 };
    expect(hides(seenTagRule(seen), { namespace: 'fandom', name: 'Re:Zero' })).toBe(true);
  });
});
