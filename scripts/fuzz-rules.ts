/**
 * `npm run fuzz`: the rule parser's properties over many arbitrary lines (npm test runs a few thousand).
 * Never throws past its API, never takes over 50 ms on one line, and parse(format(rule)) gives the rule.
 * Then the regular-expression properties, 100,000 cases each: `\b` rewritten matches as written, and
 * what the ReDoS check accepts runs fast on tags built to be slow.
 */
import fc from 'fast-check';
import { formatRule, parseRule } from '../src/rules/parse';
import { acceptedAreFastProperty, boundaryProperty } from '../src/rules/regex-properties';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SLOW_MS = 50;

const words = fc.constantFrom(
  'netorare',
  'big breasts',
  'f:ntr',
  '*cheat*',
  'title:"a b"',
  '/^x\\b/',
  ':a:*',
  '"q"',
  '#',
);
const line = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(fc.tuple(fc.constantFrom('', '-', '~', '+'), fc.oneof(words, fc.string({ maxLength: 12 }))), {
      minLength: 1,
      maxLength: 5,
    })
    .map((terms) => terms.map(([p, w]) => p + w).join(' ')),
);

// The first call compiles the folding's Unicode-property expressions: not what the limit is about.
parseRule('warm up /^x\\b\\w*$/ title:"a"');
let slowest = 0;
let rules = 0;
let errors = 0;
fc.assert(
  fc.property(line, (text) => {
    const start = performance.now();
    const parsed = parseRule(text);
    slowest = Math.max(slowest, performance.now() - start);
    if (!parsed.ok) {
      errors++;
      return;
    }
    if (!parsed.rule) return;
    rules++;
    const written = formatRule(parsed.rule);
    const again = parseRule(written);
    if (!again.ok || !again.rule) throw new Error(`${JSON.stringify(written)} does not parse back`);
    const same =
      JSON.stringify([again.rule.terms, again.rule.note]) ===
      JSON.stringify([parsed.rule.terms, parsed.rule.note]);
    if (!same) throw new Error(`${JSON.stringify(text)} → ${JSON.stringify(written)} reads back differently`);
  }),
  { numRuns: RUNS },
);
console.log(
  `${RUNS} lines: ${rules} rules, ${errors} refused with a message; slowest parse ${slowest.toFixed(2)} ms`,
);
if (slowest > SLOW_MS) {
  console.error(`a line took ${slowest.toFixed(1)} ms (limit ${SLOW_MS} ms)`);
  process.exit(1);
}

const REGEX_RUNS = Number(process.env.FUZZ_REGEX_RUNS ?? 100_000);
const stats = { compared: 0 };
fc.assert(boundaryProperty(stats), { numRuns: REGEX_RUNS });
console.log(`${REGEX_RUNS} expressions: \\b and \\B rewritten match as written (${stats.compared} compared)`);

/** All crafted tags together, for one accepted expression (a refused one would take seconds to hours). */
const ACCEPTED_LIMIT_MS = 100;
const timings = { slowest: 0, accepted: 0, source: '' };
fc.assert(acceptedAreFastProperty(ACCEPTED_LIMIT_MS, timings), { numRuns: REGEX_RUNS });
console.log(
  `${REGEX_RUNS} expressions with repetitions: ${timings.accepted} accepted by the ReDoS check, the slowest ` +
    `${timings.slowest.toFixed(1)} ms on every crafted tag (/${timings.source}/)`,
);
