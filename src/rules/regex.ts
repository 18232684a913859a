/** Longest regular expression a rule may hold. */
export const MAX_REGEX_LENGTH = 200;
/** Regular expressions only ever see this much of a tag, title or creator. */
export const MAX_REGEX_INPUT = 300;

const ALLOWED_FLAGS = /^[imsu]*$/u;
const WORD = '[\\p{L}\\p{N}_]';
/** `\b` and `\B` that also know letters outside ASCII (`\b` in JavaScript is ASCII-only, even with /u). */
const UNICODE_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
const UNICODE_NON_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

export type RegexResult = { ok: true; regex: RegExp } | { ok: false; message: string; offset: number };

/**
 * Finds a repeated group that itself contains a repetition (`(a+)+`, `(\w*x)*`): the shape that makes a
 * backtracking engine take exponential time. Returns the offset of the outer quantifier, or -1.
 */
export function nestedRepetition(source: string): number {
  const groups: { repeats: boolean }[] = [{ repeats: false }];
  let i = 0;
  const quantifierAt = (at: number): number => {
    const ch = source[at];
    if (ch === '*' || ch === '+') return 1;
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(source.slice(at));
      if (m && m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1)) return m[0].length;
    }
    return 0;
  };
  while (i < source.length) {
    const ch = source[i];
    const top = groups[groups.length - 1] as { repeats: boolean };
    if (ch === '\\') {
      i += 2;
    } else if (ch === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '(') {
      groups.push({ repeats: false });
      i++;
    } else if (ch === ')' && groups.length > 1) {
      // (An unbalanced ")" is left for the RegExp constructor to refuse.)
      const inner = groups.pop() ?? { repeats: false };
      const parent = groups[groups.length - 1] ?? top;
      i++;
      const q = quantifierAt(i);
      if (q > 0 && inner.repeats) return i;
      if (q > 0 || inner.repeats) parent.repeats = true;
      i += q;
      continue;
    } else {
      i++;
    }
    const q = quantifierAt(i);
    if (q > 0) {
      (groups[groups.length - 1] as { repeats: boolean }).repeats = true;
      i += q;
    }
  }
  return -1;
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

/** Compiles a user's regular expression, refusing what is too long, unsafe or invalid, with a reason. */
export function compileRegex(source: string, flags: string): RegexResult {
  if (source.length === 0) return { ok: false, message: 'The regular expression is empty.', offset: 0 };
  if (source.length > MAX_REGEX_LENGTH) {
    return {
      ok: false,
      message: `Regular expressions may be at most ${MAX_REGEX_LENGTH} characters long.`,
      offset: MAX_REGEX_LENGTH,
    };
  }
  if (!ALLOWED_FLAGS.test(flags)) {
    return { ok: false, message: `Unknown flag in "${flags}": only i, m, s and u are allowed.`, offset: -1 };
  }
  const nested = nestedRepetition(source);
  if (nested !== -1) {
    return {
      ok: false,
      message:
        'A repeated group contains another repetition, which can freeze the page on some tags; ' +
        'rewrite it without nesting (e.g. "(ab)+" instead of "(a+b)+").',
      offset: nested,
    };
  }
  const allFlags = [...new Set(`${flags}iu`)].join('');
  try {
    return { ok: true, regex: new RegExp(unicodeBoundaries(source), allFlags) };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Invalid regular expression: /u, '') : '';
    return { ok: false, message: `Not a valid regular expression: ${message}`, offset: 0 };
  }
}
