import { type ParseResult, parseRuleWith } from './parse';
import { type LineReader, type ParsedLines, readerOf } from './parsed-lines';
import { builtRegex, expressionKey, preparing, type RegexRefusal, type RegexResult } from './regex';

/**
 * Every accepted expression of some rule lines, prepared (regex.ts PreparedRegex) and keyed as the rule
 * wrote it (`expressionKey` of its source and flags as written): `[pattern, flags, literals]`. What the
 * background writes into the settings snapshot beside the parsed lines, and the popup sends with the rule being typed, so that content scripts build
 * expressions without carrying the ReDoS check (redos.ts, ~10 kB) or the rewriting. A page refuses an
 * expression this does not cover: every expression a page's matcher runs passed the full check, and the
 * run-time guard (compile.ts) stays behind it. Refused expressions are not here: their lines' parses say why.
 */
export type PreparedRegexes = Record<string, [pattern: string, flags: string, literals: string[]]>;

/** Lines parsed in the background (or the popup), and their accepted expressions, prepared. */
export interface PreparedLines {
  regex: PreparedRegexes;
  parsed: ParsedLines;
}

/** How a compile turns a rule's expression into a RegExp (compile.ts's CheckedContext `regex`). */
export type RegexBuilder = (source: string, flags: string) => RegexResult;

/**
 * Every line parsed, with the full ReDoS check, and every expression they accept prepared: what the
 * background writes into the settings snapshot (a page compiles from both, running neither).
 */
export function prepareLines(lines: Iterable<string>): PreparedLines {
  // Each expression is checked and prepared once, however many lines (or the parse and this) ask.
  const prepare = preparing();
  const parsed = new Map<string, ParseResult>();
  const regex: PreparedRegexes = {};
  for (const line of lines) {
    if (parsed.has(line)) continue;
    const result = parseRuleWith(line, prepare);
    parsed.set(line, result);
    for (const { atom } of result.ok && result.rule ? result.rule.terms : []) {
      if (atom.kind !== 'regex') continue;
      const key = expressionKey(atom.source, atom.flags);
      if (Object.hasOwn(regex, key)) continue;
      const prepared = prepare(atom.source, atom.flags);
      if (prepared.ok)
        regex[key] = [prepared.prepared.pattern, prepared.prepared.flags, prepared.prepared.literals];
    }
  }
  // fromEntries: every line an own property, "__proto__" included.
  return { regex, parsed: Object.fromEntries(parsed) };
}

/** What a page says of an expression nothing prepared. */
const UNCHECKED: RegexRefusal = { ok: false, offset: 0, code: 'regexUnchecked', params: [] };

/**
 * What a page compiles with (compile.ts's CheckedContext): the parses and prepared expressions others
 * made (the snapshot's, the popup's for its typed rule), first covering first. A line none parsed is
 * refused, and so is an expression none prepared: a content script carries neither the parser nor the
 * ReDoS check.
 */
export function fromChecked(...made: (Partial<PreparedLines> | undefined)[]): {
  read: LineReader;
  regex: RegexBuilder;
} {
  return {
    read: readerOf(...made.map((m) => m?.parsed)),
    regex: (source, flags) => {
      const key = expressionKey(source, flags);
      for (const m of made) {
        const found = m?.regex && Object.hasOwn(m.regex, key) ? m.regex[key] : undefined;
        if (found) return builtRegex({ pattern: found[0], flags: found[1], literals: found[2] });
      }
      return UNCHECKED;
    },
  };
}

const FLAGS = /^[imsu]*$/u;
const isText = (v: unknown) => typeof v === 'string';

/** Whether a stored or sent value reads as prepared expressions (the snapshot's `regex`, a popup request's). */
export function isPreparedRegexes(v: unknown): v is PreparedRegexes {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(
      ([key, p]) =>
        key.startsWith('/') &&
        Array.isArray(p) &&
        p.length === 3 &&
        isText(p[0]) &&
        isText(p[1]) &&
        FLAGS.test(p[1]) &&
        Array.isArray(p[2]) &&
        p[2].every(isText),
    )
  );
}
