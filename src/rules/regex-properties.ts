/**
 * Properties of user regular expressions, run a few thousand times by the unit tests and 100,000 times
 * by `npm run fuzz` (scripts/fuzz-rules.ts). Test code: nothing in the extension imports it.
 */
import fc from 'fast-check';
import { compileRegex, MAX_REGEX_INPUT, unicodeBoundaries } from './regex';

/** Letters, escapes, classes, groups and quantifiers; \b and \B twice, so they come up often. */
const TOKENS = String.raw`a b é _ 1 - ね \b \B \b \B . * + ? | ( ) (?: [ab] [\b] \x2d \x41 \u0041 \u{2d} \cJ \d \w \p{L} {2} {0,1} ^ $ (a)\1`;

/** An expression made of tokens, often not a valid one. */
export const tokenSource = fc
  .array(fc.constantFrom(' ', ...TOKENS.split(' ')), { minLength: 1, maxLength: 8 })
  .map((ts) => ts.join(''));

/**
 * The short form of `\b` and `\B` (one look-around next to a plain letter) matches exactly what the long
 * form matches. Counts in `stats.compared` the expressions that compiled and were compared.
 */
export function boundaryProperty(stats: { compared: number }) {
  const text = fc
    .array(fc.constantFrom('a', 'b', 'A', 'é', '_', '1', ' ', '-', '\n', 'ね', 'x'), { maxLength: 10 })
    .map((cs) => cs.join(''));
  return fc.property(tokenSource, fc.array(text, { minLength: 1, maxLength: 5 }), (s, texts) => {
    const compileBoth = (simplify: boolean) => {
      try {
        return new RegExp(unicodeBoundaries(s, simplify), 'iu');
      } catch {
        return null;
      }
    };
    const short = compileBoth(true);
    const long = compileBoth(false);
    // Not an expression at all: refused in both forms alike.
    if (!short || !long) return short === long;
    if (!compileRegex(s, '').ok) return true; // refused as slow: never run
    stats.compared++;
    for (const t of texts) {
      const a = short.exec(t);
      const b = long.exec(t);
      if (a?.index !== b?.index || a?.[0] !== b?.[0]) return false;
    }
    return true;
  });
}

/** Expressions with repetitions and overlapping alternatives: what the ReDoS check is there for. */
const LOOPY = String.raw`a a b ab \w \d \s . [a-c] [^a] x | ( ) (?: * + ? {2,5} {3} $ ^ \b (?=a) (?!b) *? +?`;
export const loopySource = fc
  .array(fc.constantFrom(...LOOPY.split(' ')), { minLength: 2, maxLength: 14 })
  .map((ts) => ts.join(''));

/** Tags built to be slow: long runs of one character or a pair, then one that fails the match. */
export const CRAFTED_TAGS: readonly string[] = ['a', 'b', 'ab', '0', ' ', 'x', 'a0', 'a ', 'xa'].flatMap(
  (run) => {
    const body = run.repeat(Math.ceil(MAX_REGEX_INPUT / run.length)).slice(0, MAX_REGEX_INPUT - 1);
    return [`${body}!`, `${body}\n`, body];
  },
);

/**
 * What the ReDoS check accepts runs on every crafted tag within `limitMs` all together, best of three
 * (`timings` records the slowest). A timing property: for `npm run fuzz`, not the unit tests.
 */
export function acceptedAreFastProperty(
  limitMs: number,
  timings: { slowest: number; accepted: number; source: string },
) {
  return fc.property(loopySource, (s) => {
    const compiled = compileRegex(s, '');
    if (!compiled.ok) return true;
    timings.accepted++;
    // The best of three: a pause of the machine (another process, garbage collection) is not the
    // expression; a slow expression is slow every time.
    let took = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3 && took > limitMs / 10; round++) {
      const start = performance.now();
      for (const tag of CRAFTED_TAGS) compiled.regex.test(tag);
      took = Math.min(took, performance.now() - start);
    }
    if (took > timings.slowest) {
      timings.slowest = took;
      timings.source = s;
    }
    return took <= limitMs;
  });
}
