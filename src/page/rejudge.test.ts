// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { countingAdapter } from '../../tests/counting-adapter';
import { compile } from '../rules/compile';
import type { Action, RuleList, Verdict } from '../rules/types';
import { ao3 } from '../sites/ao3';
import { Scanner } from './scanner';
import { MARK_ATTR, MARK_VALUE } from './styles';

/** Re-judging from interned facts (intern.ts) against a fresh pass over the same page. */

const KINDS = ['freeforms', 'warnings', 'relationships', 'characters'] as const;
const WORDS = [
  'Netorare',
  'netorare',
  'Fluff',
  'Angst',
  'Gore',
  'Cheating',
  'No Cheating',
  'ＮＴＲ',
  'Smith',
];

type Card = { id: number; title: string; tags: { kind: (typeof KINDS)[number]; name: string }[] };

function blurb(card: Card): HTMLLIElement {
  const li = document.createElement('li');
  li.id = `work_${card.id}`;
  li.className = 'work blurb group';
  const header = document.createElement('div');
  header.className = 'header module';
  const h4 = document.createElement('h4');
  h4.className = 'heading';
  const a = document.createElement('a');
  a.href = `/works/${card.id}`;
  a.textContent = card.title;
  h4.append(a);
  header.append(h4);
  const ul = document.createElement('ul');
  ul.className = 'tags commas';
  for (const tag of card.tags) {
    const item = document.createElement('li');
    item.className = tag.kind;
    const link = document.createElement('a');
    link.className = 'tag';
    link.textContent = tag.name;
    item.append(link);
    ul.append(item);
  }
  li.append(header, ul);
  return li;
}

const word = fc.constantFrom(...WORDS);
const tagArb = fc.record({ kind: fc.constantFrom(...KINDS), name: word });
const cardArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    title: fc.constantFrom('Work', 'Step sister', 'Smith'),
    tags: fc.array(tagArb, { maxLength: 6 }),
  });
const pageArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cardArb(i))));

const patternArb = fc.oneof(
  word.map((w) => w.toLowerCase()),
  word.map((w) => `*${w.slice(1, 4).toLowerCase()}*`),
  word.map((w) => `freeform:${w.toLowerCase()}`),
  fc.tuple(word, word).map(([a, b]) => `${a.toLowerCase()} -${b.toLowerCase()}`),
  fc.tuple(word, word).map(([a, b]) => `~${a.toLowerCase()} ~${b.toLowerCase()}`),
  fc.constantFrom('title:"step sister"', '/^gor/', 'warning:*'),
  fc.nat({ max: 12 }).map((id) => `entry:ao3/${id}`),
);
const listArb = (i: number) =>
  fc.record({
    id: fc.constant(`l${i}`),
    name: fc.constant(`List ${i}`),
    enabled: fc.boolean(),
    action: fc.constantFrom<Action>('hide', 'collapse', 'blur', 'label'),
    patterns: fc.array(patternArb, { maxLength: 4 }),
    exceptions: fc.array(patternArb, { maxLength: 1 }),
  });
const rulesArb = fc.tuple(listArb(0), listArb(1), fc.array(patternArb, { maxLength: 1 }));

const matcher = ([a, b, exceptions]: [RuleList, RuleList, string[]]) =>
  compile({ lists: [a, b], exceptions, aliases: [['netorare', 'ntr']] });

const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));
const verdicts = (scanner: Scanner, ol: Element): (Verdict | undefined)[] =>
  [...ol.children].map((entry) => scanner.verdictOf(entry));

describe('re-judging from interned facts', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('gives the same verdicts as a fresh pass, over random pages, rule sets and recycled cards', async () => {
    await fc.assert(
      fc.asyncProperty(
        pageArb,
        rulesArb,
        rulesArb,
        fc.array(fc.tuple(fc.nat(), cardArb(100)), { maxLength: 3 }),
        async (cards, before, after, recycled) => {
          document.body.replaceChildren();
          const ol = document.createElement('ol');
          for (const card of cards) ol.append(blurb(card));
          document.body.append(ol);
          const first = matcher(before);
          const { adapter, reads } = countingAdapter();
          const scanner = new Scanner(document, adapter, first.judge);
          scanner.setJudge(first.judge, { needs: first.needs });
          scanner.start();
          // Some cards recycled in place (a new work's tags in the old element): read again when seen.
          for (const [at, card] of recycled) {
            const old = ol.children[at % ol.children.length];
            const fresh = blurb({ ...card, id: 100 + at });
            old?.replaceChildren(...fresh.childNodes);
          }
          await delivered();
          const second = matcher(after);
          const readsBefore = reads();
          scanner.setJudge(second.judge, { needs: second.needs });
          const rejudged = verdicts(scanner, ol);
          const marks = [...ol.children].map((el) => el.getAttribute(MARK_ATTR));
          // Nothing read, unless the new rules ask for facts the old ones did not (a title), or match
          // entries by id where the old ones did not (ids are kept from then on).
          const asksMore =
            (second.needs.title && !first.needs.title) || (second.needs.creators && !first.needs.creators);
          const byId = (rules: [RuleList, RuleList, string[]]) =>
            rules
              .slice(0, 2)
              .some(
                (list) =>
                  (list as RuleList).enabled &&
                  (list as RuleList).patterns.some((p) => p.startsWith('entry:')),
              );
          const idsNow = byId(after) && !byId(before);
          expect(reads() - readsBefore).toBe(asksMore || idsNow ? ol.children.length : 0);
          scanner.stop();
          const fresh = new Scanner(document, ao3, second.judge);
          fresh.start();
          expect(rejudged).toEqual(verdicts(fresh, ol));
          expect(marks).toEqual([...ol.children].map((el) => el.getAttribute(MARK_ATTR)));
          fresh.stop();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a recycled card with new tags is read again, and a later change of rules judges its new tags', async () => {
    const ol = document.createElement('ol');
    const card = blurb({ id: 1, title: 'Work', tags: [{ kind: 'freeforms', name: 'Fluff' }] });
    ol.append(card);
    document.body.append(ol);
    const { adapter, reads } = countingAdapter();
    const scanner = new Scanner(
      document,
      adapter,
      matcher([
        { id: 'a', name: 'A', enabled: true, action: 'hide', patterns: ['angst'] },
        { id: 'b', name: 'B', enabled: false, action: 'hide', patterns: [] },
        [],
      ]).judge,
    );
    scanner.start();
    expect(reads()).toBe(1);
    card.replaceChildren(
      ...blurb({ id: 2, title: 'Work', tags: [{ kind: 'freeforms', name: 'Gore' }] }).childNodes,
    );
    await delivered();
    expect(reads()).toBe(2);
    scanner.setJudge(
      matcher([
        { id: 'a', name: 'A', enabled: true, action: 'hide', patterns: ['gore'] },
        { id: 'b', name: 'B', enabled: false, action: 'hide', patterns: [] },
        [],
      ]).judge,
    );
    expect(reads()).toBe(2);
    expect(card.getAttribute(MARK_ATTR)).toBe(MARK_VALUE.hide);
    scanner.stop();
  });
});
