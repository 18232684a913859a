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

function unicodeBoundaries(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (!inClass && next === 'b') out += UNICODE_BOUNDARY;
      else if (!inClass && next === 'B') out += UNICODE_NON_BOUNDARY;
      else out += ch + (next ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
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
