/**
 * Rule matching cost: compile 5,000 rules, judge 100,000 synthetic entries of 20 tags, next to the
 * floor — a plain Set<string>.has over lower-cased tags — on the same entries in the same run. Then
 * folding on long runs of punctuation, the ReDoS check on its corpus, and the regular-expression guard.
 */
import { compile, compileWith } from '../src/rules/compile';
import { fold, foldTag, MAX_FOLD_INPUT } from '../src/rules/normalize';
import { PRESETS } from '../src/rules/presets';
import { QUADRATIC, SAFE, SLOW } from '../src/rules/redos-corpus';
import { compileRegex } from '../src/rules/regex';
import { fromChecked, prepareLines } from '../src/rules/regex-verdicts';
import type { EntryFacts, RuleList } from '../src/rules/types';

const RULES = 5_000;
const ENTRIES = 100_000;
const TAGS_PER_ENTRY = 20;
const VOCABULARY = 8_000;
const PATTERN_RULES = 50;
const ROUNDS = 3;

/** A deterministic pseudo-random sequence, so every run judges the same page. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const rand = random(42);
const NAMESPACES = [undefined, 'female', 'male', 'other', 'freeform'];
const vocabulary = Array.from({ length: VOCABULARY }, (_, i) => ({
  namespace: NAMESPACES[i % NAMESPACES.length],
  // Sites write tags in mixed case and spacing; repeated across entries as on real pages.
  name: `${i % 3 === 0 ? 'Tag' : 'tag'}_${i}${i % 7 === 0 ? ' extra words' : ''}`,
}));

const entries: EntryFacts[] = Array.from({ length: ENTRIES }, (_, i) => ({
  id: String(i),
  title: `Entry ${i}`,
  creators: [`artist ${i % 500}`],
  tags: Array.from({ length: TAGS_PER_ENTRY }, () => {
    const tag = vocabulary[Math.floor(rand() * VOCABULARY)] as { namespace?: string; name: string };
    return tag.namespace === undefined ? { name: tag.name } : { namespace: tag.namespace, name: tag.name };
  }),
}));

const presetPatterns = PRESETS.flatMap((p) => p.patterns);
const patternRules = Array.from({ length: PATTERN_RULES }, (_, i) =>
  i % 2 === 0 ? `*rare_thing_${i}*` : `/^never${i}\\b/`,
);
/** Most rules name tags this page never shows (a user's list is long, a page is short); a few it does. */
const ON_PAGE_EVERY = 100;
const plain = Array.from({ length: RULES - presetPatterns.length - patternRules.length }, (_, i) => {
  if (i % ON_PAGE_EVERY === 0) return `tag ${i}`;
  return i % 4 === 0 ? `female:blocked ${i}` : `blocked ${i}`;
});
const lists: RuleList[] = [
  { id: 'presets', name: 'Presets', enabled: true, action: 'blur', patterns: presetPatterns },
  { id: 'patterns', name: 'Patterns', enabled: true, action: 'label', patterns: patternRules },
  { id: 'mine', name: 'Mine', enabled: true, action: 'hide', patterns: plain },
];

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

const compiled = time(() => compile(lists));
const matcher = compiled.result;
// What the background adds when it writes the snapshot (every line parsed, the ReDoS check's verdicts on
// every expression), and what a page's compile costs with those instead of the parser and the check.
const verdicts = time(() => prepareLines(lists.flatMap((l) => l.patterns)));
const pageCompiled = time(() => compileWith(lists, fromChecked(verdicts.result)));

const floorSet = new Set(
  plain.map((p) =>
    p
      .replace(/^female:/u, '')
      .replaceAll(' ', '_')
      .toLowerCase(),
  ),
);
function floor(): number {
  let acted = 0;
  for (const entry of entries) {
    for (const tag of entry.tags) {
      if (floorSet.has(tag.name.toLowerCase())) {
        acted++;
        break;
      }
    }
  }
  return acted;
}

function tagveil(): number {
  let acted = 0;
  for (const entry of entries) if (matcher.judge(entry).action !== null) acted++;
  return acted;
}

// Warm both up, then take the best of a few rounds of each.
floor();
tagveil();
let floorBest = Number.POSITIVE_INFINITY;
let tagveilBest = Number.POSITIVE_INFINITY;
let acted = { floor: 0, tagveil: 0 };
for (let round = 0; round < ROUNDS; round++) {
  const f = time(floor);
  const t = time(tagveil);
  floorBest = Math.min(floorBest, f.ms);
  tagveilBest = Math.min(tagveilBest, t.ms);
  acted = { floor: f.result, tagveil: t.result };
}

const perEntry = (ms: number) => `${((ms * 1e6) / ENTRIES).toFixed(0)} ns/entry`;
console.log('Rules benchmark');
console.log(
  `  compile ${matcher.ruleCount} rules (presets, ${PATTERN_RULES} globs/regexes): ${compiled.ms.toFixed(1)} ms`,
);
console.log(
  `  the snapshot's parses and ReDoS verdicts of those rules (the background, at each settings change): ${verdicts.ms.toFixed(1)} ms; a page's compile from them: ${pageCompiled.ms.toFixed(1)} ms`,
);
console.log(`  ${ENTRIES} entries × ${TAGS_PER_ENTRY} tags, best of ${ROUNDS}:`);
console.log(
  `    floor (Set.has on lower-cased tags): ${floorBest.toFixed(1)} ms  ${perEntry(floorBest)}  (${acted.floor} matched)`,
);
console.log(
  `    Tagveil judge():                     ${tagveilBest.toFixed(1)} ms  ${perEntry(tagveilBest)}  (${acted.tagveil} acted on)`,
);
console.log(`    ratio: ${(tagveilBest / floorBest).toFixed(2)}× the floor (goal ≤ 2×)`);

// ─── Folding a run of punctuation (it was quadratic: 40,000 characters took seconds) ─────────────────
console.log('Folding');
let foldMark = 0;
const foldTime = (text: string): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    // A new string each time (fold caches what it has folded), marked in front: the cut keeps the front.
    const input = `${foldMark++}${text}`;
    best = Math.min(best, time(() => fold(input)).ms);
  }
  return best;
};
for (const n of [250, 500, 1_000]) {
  console.log(
    `  ${n} of "!?" inside a word (under the cap):  ${foldTime(`a${'!?'.repeat(n / 2)}b`).toFixed(3)} ms`,
  );
}
for (const n of [40_000, 80_000]) {
  console.log(
    `  ${n} of "!?" inside a word (cut at ${MAX_FOLD_INPUT}): ${foldTime(`a${'!?'.repeat(n / 2)}b`).toFixed(3)} ms`,
  );
}
// Punctuation only: trimming walks all of it.
for (const n of [250, 500, 1_000, 40_000]) {
  console.log(`  ${n} of "!?" alone: ${foldTime('!?'.repeat(n / 2)).toFixed(3)} ms`);
}

// ─── The ReDoS check, on its corpus ─────────────────────────────────────────────────────────────────────
console.log('ReDoS check (src/rules/redos-corpus.ts)');
for (const [name, group, expectRefused] of [
  ['slow', SLOW, true],
  ['quadratic', QUADRATIC, false],
  ['safe', SAFE, false],
] as const) {
  let right = 0;
  let slowest = 0;
  let total = 0;
  for (const [source, flags] of group) {
    const took = time(() => compileRegex(source, flags));
    if (!took.result.ok === expectRefused) right++;
    slowest = Math.max(slowest, took.ms);
    total += took.ms;
  }
  console.log(
    `  ${name}: ${expectRefused ? 'refused' : 'accepted'} ${right}/${group.length}; ` +
      `${(total / group.length).toFixed(2)} ms each on average, slowest ${slowest.toFixed(1)} ms`,
  );
}

// ─── The run-time guard: what timing every regular-expression call costs ────────────────────────────────
const GUARD_TAGS = 100_000;
const GUARD_ROUNDS = 7;
const guardLists: RuleList[] = [
  { id: 'r', name: 'R', enabled: true, action: 'hide', patterns: ['/^never\\d+x/', '/ntr$/'] },
];
// Distinct tags, folded beforehand: judging each costs one call of each expression and a few look-ups.
const guardTags = Array.from({ length: GUARD_TAGS }, (_, i) => ({ name: `guard tag ${i}` }));
for (const tag of guardTags) foldTag(tag);
const guardEntries: EntryFacts[] = guardTags.map((tag, i) => ({
  id: String(i),
  title: '',
  creators: [],
  tags: [tag],
}));
/** A fresh matcher each time (its per-tag cache would answer without calling the expressions). */
const judgeAll = (clock: () => number) => {
  const m = compile(guardLists, { clock });
  return time(() => {
    for (const e of guardEntries) m.judge(e);
  }).ms;
};
const realClock = () => performance.now();
const freeClock = () => 0;
judgeAll(realClock);
judgeAll(freeClock);
let unguarded = Number.POSITIVE_INFINITY;
let guarded = Number.POSITIVE_INFINITY;
for (let round = 0; round < GUARD_ROUNDS; round++) {
  unguarded = Math.min(unguarded, judgeAll(freeClock));
  guarded = Math.min(guarded, judgeAll(realClock));
}
const calls = GUARD_TAGS * 2; // two expressions, each asked once about every distinct tag
let pairs = Number.POSITIVE_INFINITY;
for (let round = 0; round < GUARD_ROUNDS; round++) {
  let sink = 0;
  const took = time(() => {
    for (let i = 0; i < calls; i++) sink += performance.now() - performance.now();
  }).ms;
  if (sink > 0) console.log(''); // keeps the loop from being optimised away
  pairs = Math.min(pairs, took);
}
console.log('Regular-expression guard');
console.log(
  `  ${calls} calls on distinct tags, best of ${GUARD_ROUNDS}: ${guarded.toFixed(1)} ms guarded, ` +
    `${unguarded.toFixed(1)} ms with a clock that costs nothing (difference, noise included: ${(((guarded - unguarded) * 1e6) / calls).toFixed(0)} ns a call) ` +
    `(two performance.now() alone: ${((pairs * 1e6) / calls).toFixed(0)} ns)`,
);
