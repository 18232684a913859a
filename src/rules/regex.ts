import type { RuleMessage, RuleMessageCode } from './messages';
import { cut, MAX_FOLD_INPUT, PLAIN_ASCII, withoutIgnorables } from './normalize';
import { analyseRegex, type Complexity, obviouslyLinear } from './redos';

/** Longest regular expression a rule may hold. */
export const MAX_REGEX_LENGTH = 200;
/** Regular expressions only ever see this much of a tag, title or creator. */
export const MAX_REGEX_INPUT = 300;

const ALLOWED_FLAGS = /^[imsu]*$/u;
const WORD = '[\\p{L}\\p{N}_]';
/** `\b` and `\B` that also know letters outside ASCII (`\b` in JavaScript is ASCII-only, even with /u). */
const UNICODE_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
const UNICODE_NON_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

/** An expression refused: why (a code the pages translate; messages.ts has its English) and where. */
export type RegexRefusal = { ok: false; offset: number } & RuleMessage;

export type RegexResult =
  | {
      ok: true;
      regex: RegExp;
      /** Text every match contains (requiredLiterals): a subject without it need not be tried. */
      literals: string[];
    }
  | RegexRefusal;

/**
 * An accepted expression, prepared: the pattern and flags its RegExp is built from (`\b` rewritten,
 * ignorables taken out, `iu` added) and the text every match contains. The background prepares every
 * expression of the settings (regex-verdicts.ts): a page builds from this (builtRegex), running neither
 * the ReDoS check nor the rewriting.
 */
export interface PreparedRegex {
  pattern: string;
  flags: string;
  literals: string[];
}

/** An expression checked: prepared, with the RegExp its checks built (a page builds its own, builtRegex). */
export type RegexCheck = { ok: true; prepared: PreparedRegex; regex: RegExp } | RegexRefusal;

/** How rule lines' expressions are checked and prepared (parse.ts, compile.ts, regex-verdicts.ts). */
export type RegexPreparer = (written: string, flags: string) => RegexCheck;

/** Why an expression is refused as slow, in words a user can act on (src/rules/messages.ts). */
function slowMessage(complexity: Complexity): RuleMessage {
  switch (complexity.kind) {
    case 'exponential':
      return { code: 'slowExponential', params: [] };
    case 'polynomial':
      return { code: 'slowPolynomial', params: [complexity.degree] };
    case 'bounded':
      return { code: 'slowBounded', params: [complexity.choices] };
    default:
      return { code: 'slowTooComplex', params: [] };
  }
}

/** A refusal: the problem as a code (translated by the pages; messages.ts has its English) and where it is. */
function refuse(offset: number, code: RuleMessage['code'], ...params: (string | number)[]): RegexRefusal {
  return { ok: false, code, params, offset };
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const META = new Set(['\\', '[', ']', '(', ')', '{', '}', '.', '*', '+', '?', '^', '$', '|']);
const OPTIONAL = new Set(['?', '*', '{']);

/** A plain letter, digit or `_` written in the expression (not a metacharacter, not an escape). */
function literalWord(ch: string | undefined): boolean {
  return ch !== undefined && !META.has(ch) && WORD_CHAR.test(ch);
}

/** How many characters the escape at `i` (a backslash) spans: `\x41`, `\u{1F600}`, `\p{L}`, `\k<n>`, `\12`… */
function escapeLength(source: string, i: number): number {
  const kind = source[i + 1] ?? '';
  const rest = source.slice(i + 2);
  let match: RegExpExecArray | null = null;
  if (kind === 'x') match = /^[0-9a-fA-F]{0,2}/u.exec(rest);
  else if (kind === 'u') match = /^(?:\{[0-9a-fA-F]*\}?|[0-9a-fA-F]{0,4})/u.exec(rest);
  else if (kind === 'c') match = /^[a-zA-Z]?/u.exec(rest);
  else if (kind === 'p' || kind === 'P') match = /^\{[^}]*\}?/u.exec(rest);
  else if (kind === 'k') match = /^<[^>]*>?/u.exec(rest);
  else if (/[0-9]/u.test(kind)) match = /^[0-9]*/u.exec(rest);
  return 2 + (match?.[0].length ?? 0);
}

/**
 * `\b` and `\B` rewritten to know letters outside ASCII. Next to a plain letter of the expression one
 * side of the boundary is known, so one look-around does (`\bscat\b` → `(?:(?<!W))scat(?:(?!W))`); elsewhere
 * both sides are looked at. The short form is the same test with a quarter of the Unicode classes, which
 * the browser compiles on each page that meets the rule. `simplify: false` gives the long form.
 */
export function unicodeBoundaries(source: string, simplify = true): string {
  let out = '';
  let inClass = false;
  let afterWord = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const next = source[i + 1];
      if (!inClass && (next === 'b' || next === 'B')) {
        const boundary = next === 'b';
        // The letter after must be there: not followed by ?, * or {…} that would let it be absent.
        const beforeWord = literalWord(source[i + 2]) && !OPTIONAL.has(source[i + 3] ?? '');
        // In a group like the long form, so that what follows (a stray quantifier) reads the same.
        if (simplify && beforeWord) out += boundary ? `(?:(?<!${WORD}))` : `(?:(?<=${WORD}))`;
        else if (simplify && afterWord) out += boundary ? `(?:(?!${WORD}))` : `(?:(?=${WORD}))`;
        else out += boundary ? UNICODE_BOUNDARY : UNICODE_NON_BOUNDARY;
        afterWord = false;
        i++;
        continue;
      }
      // Any other escape is copied whole; what it matches is not a plain letter of the expression.
      const length = escapeLength(source, i);
      out += source.slice(i, i + length);
      afterWord = false;
      i += length - 1;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    afterWord = literalWord(ch); // a class's letters end at its ], which is not one
    out += ch;
  }
  return out;
}

/** What the ReDoS check says of one expression: null when it cannot freeze a page, else why and where. */
export type SlowVerdict = { offset: number; code: RuleMessageCode; params: (string | number)[] } | null;
/** The ReDoS check: asked of an expression's source (no ignorables) and all its flags. */
export type SlowCheck = (source: string, flags: string) => SlowVerdict;

/**
 * The ReDoS check itself (redos.ts). Runs where rules come in (parseRule) and in the background when it
 * writes the settings snapshot; content scripts do not carry it: they build only what the snapshot (or
 * the popup) prepared (regex-verdicts.ts fromChecked).
 */
export function slowVerdict(source: string, flags: string): SlowVerdict {
  if (obviouslyLinear(source)) return null;
  const report = analyseRegex(source, flags);
  if (report.safe) return null;
  const slow = slowMessage(report.complexity);
  return { offset: report.offset, code: slow.code, params: slow.params };
}

/** An expression as one key, `/source/flags`: its verdicts by its checked form, its preparations by the rule's. */
export function expressionKey(source: string, flags: string): string {
  return `/${source}/${flags}`;
}

/**
 * Runs of plain ASCII characters (in lower case) that every match of the expression contains, read from
 * its top level: a character class, an escape, a group (lookarounds too), `.`, an anchor or a quantified
 * character ends a run; an alternation at the top level means no run is certain. A tag that lacks one
 * of them cannot match (mayMatch), so the expression is neither run nor compiled for it: on most pages
 * no tag contains "guro", and `/\bguro\b/` costs nothing (V8 compiles an expression at its first run,
 * ~1 ms for one with Unicode classes). Sound for any flags: a match contains the run as written, and
 * lower case of both sides keeps that (mayMatch also folds the one character, ſ, whose case-insensitive
 * match is ASCII but whose lower case is not).
 */
export function requiredLiterals(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      end();
      i += escapeLength(source, i) - 1;
      continue;
    }
    if (ch === '[') {
      end();
      // To the class's closing bracket (escapes inside skipped; the u flag allows no nested class).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') {
      end();
      depth++;
      continue;
    }
    if (ch === ')') {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (ch === '|') return [];
    if (ch === '{') {
      end();
      const close = source.indexOf('}', i);
      if (close < 0) return [];
      i = close;
      continue;
    }
    if (META.has(ch) || ch.charCodeAt(0) > 0x7f) {
      end();
      continue;
    }
    const next = source[i + 1];
    if (next === '?' || next === '*' || next === '{') {
      end();
      continue;
    }
    run += ch.toLowerCase();
    if (next === '+') end();
  }
  end();
  return runs;
}

/**
 * A subject as required literals are looked for in it: lower case, and ſ as s (ſ matches s under the i
 * flag and stays ſ in lower case; K, the Kelvin sign, lowers to k itself).
 */
export function literalSubject(subject: string): string {
  const lower = subject.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/** False when `subject` lacks one of an expression's required literals: then the expression cannot match it. */
export function mayMatch(subject: string, literals: readonly string[]): boolean {
  if (literals.length === 0) return true;
  const lower = literalSubject(subject);
  for (const literal of literals) if (!lower.includes(literal)) return false;
  return true;
}

/** A checked expression as a compile uses it: its RegExp and required text, or why it is refused. */
export function regexResult(checked: RegexCheck): RegexResult {
  return checked.ok ? { ok: true, regex: checked.regex, literals: checked.prepared.literals } : checked;
}

/**
 * Each expression checked and prepared once, however many lines, parses and compiles ask for it (a
 * snapshot's parse, its preparations and a compile share one): the ReDoS check and the RegExp per
 * expression, not per asking.
 */
export function preparing(slow: SlowCheck = slowVerdict): RegexPreparer {
  const checked = new Map<string, RegexCheck>();
  return (written, flags) => {
    const key = expressionKey(written, flags);
    let check = checked.get(key);
    if (check === undefined) {
      check = prepareRegexWith(written, flags, slow);
      checked.set(key, check);
    }
    return check;
  };
}

/**
 * Checks a user's regular expression, refusing what is too long, invalid, or can freeze a page (`slow`,
 * the ReDoS check), with a reason; accepted, it is prepared as a page builds it (`\b` rewritten, flags,
 * required text).
 */
export function prepareRegexWith(written: string, flags: string, slow: SlowCheck): RegexCheck {
  if (written.length === 0) return refuse(0, 'regexEmpty');
  if (written.length > MAX_REGEX_LENGTH) return refuse(MAX_REGEX_LENGTH, 'regexTooLong', MAX_REGEX_LENGTH);
  if (!ALLOWED_FLAGS.test(flags)) return refuse(-1, 'regexFlags', flags);
  // Tags are matched folded, without invisible characters: one pasted into the expression would never match.
  const source = withoutIgnorables(written);
  const allFlags = [...new Set(`${flags}iu`)].join('');
  const pattern = unicodeBoundaries(source);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, allFlags);
  } catch {
    // The browser's own reason is in English whatever the user's language: the message says what to check.
    return refuse(0, 'regexInvalid');
  }
  const verdict = slow(source, allFlags);
  if (verdict) return refuse(verdict.offset, verdict.code, ...verdict.params);
  return {
    ok: true,
    prepared: { pattern, flags: allFlags, literals: requiredLiterals(regex.source) },
    regex,
  };
}

/** The RegExp of a prepared expression (a stored one that does not build is refused as invalid). */
export function builtRegex({ pattern, flags, literals }: PreparedRegex): RegexResult {
  try {
    return { ok: true, regex: new RegExp(pattern, flags), literals };
  } catch {
    return refuse(0, 'regexInvalid');
  }
}

/**
 * Compiles a user's regular expression with the ReDoS check (redos.ts). Every way a rule comes in passes
 * here: the editor, the popup, imports and subscriptions (parseRule); the background checks every stored
 * expression again when it writes the snapshot pages judge by, so no page runs an expression that an
 * old version or a hand-edited storage let in.
 */
export function compileRegex(written: string, flags: string): RegexResult {
  return regexResult(prepareRegexWith(written, flags, slowVerdict));
}

/**
 * A tag as the user sees it, for regular expressions: NFKC (full and half width as one), invisible
 * characters removed, case left to the expression's `i` flag, hyphens, underscores and punctuation kept.
 * Expressions run on this and on the folded tag, so `/^post-canon$/` and `/^post canon$/` both match
 * "Post-Canon" (docs/rules.md).
 */
export function writtenForm(text: string): string {
  // Printable ASCII is its own NFKC and holds no invisible character (as fold's plain path, normalize.ts).
  if (PLAIN_ASCII.test(text)) return cut(text, MAX_FOLD_INPUT).trim().slice(0, MAX_REGEX_INPUT);
  return withoutIgnorables(cut(text, MAX_FOLD_INPUT)).normalize('NFKC').trim().slice(0, MAX_REGEX_INPUT);
}
