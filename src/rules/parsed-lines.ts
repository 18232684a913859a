import { isRuleCode } from './messages';
import type { ParseResult } from './parse';

/**
 * Rule lines parsed in the background, by their text: what the settings snapshot carries so that a page
 * compiles from them instead of running the parser on every line at every page load (cold code on a
 * fresh page; ~40 ms for 5,000 rules warm), and the popup sends with the rule being typed. Content
 * scripts carry no parser: a line no parse covers is refused there (readerOf).
 */
export type ParsedLines = Record<string, ParseResult>;

/** How compiling gets a line's parse (compile.ts's `read`). */
export type LineReader = (line: string) => ParseResult;

const MODES = new Set(['all', 'not', 'any']);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isNamespace = (v: unknown) => v === undefined || isText(v);
const isParam = (v: unknown) => isText(v) || Number.isFinite(v);

function isAtom(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'tag':
      return isText(v.name) && isNamespace(v.namespace);
    case 'glob':
      return isText(v.pattern) && isNamespace(v.namespace);
    case 'regex':
      return isText(v.source) && isText(v.flags);
    case 'title':
      return isText(v.text);
    case 'creator':
      return isText(v.name);
    default:
      return false;
  }
}

function isRule(v: unknown): boolean {
  return (
    v === null ||
    (isObject(v) &&
      isText(v.source) &&
      (v.note === undefined || isText(v.note)) &&
      Array.isArray(v.terms) &&
      v.terms.every((t) => isObject(t) && MODES.has(t.mode as string) && isAtom(t.atom)))
  );
}

function isError(v: unknown): boolean {
  return (
    isObject(v) &&
    isRuleCode(v.code) &&
    Array.isArray(v.params) &&
    v.params.every(isParam) &&
    Number.isSafeInteger(v.column) &&
    (v.message === undefined || isText(v.message))
  );
}

/** Whether a stored value reads as parsed lines (the snapshot's `parsed`): checked by hand, no schema. */
export function isParsedLines(v: unknown): v is ParsedLines {
  return (
    isObject(v) &&
    Object.values(v).every(
      (r) => isObject(r) && (r.ok === true ? isRule(r.rule) : r.ok === false && isError(r.error)),
    )
  );
}

/** The parse of `line` the background made, if it made one. */
export function parsedLine(parsed: ParsedLines | undefined, line: string): ParseResult | undefined {
  return parsed !== undefined && Object.hasOwn(parsed, line) ? parsed[line] : undefined;
}

/**
 * A line no parse covers, on a page: not applied, and said in the popup. The background parses every
 * line it writes into the snapshot and the popup the rule it sends, so this is a line that came by
 * another way (a snapshot and settings that disagree), never a rule quietly read some other way.
 */
const UNREAD: ParseResult = { ok: false, error: { code: 'ruleUnchecked', params: [], column: 1 } };

/** A page's reader: the first of these parses that covers a line, else the line is refused (UNREAD). */
export function readerOf(...parsed: (ParsedLines | undefined)[]): LineReader {
  return (line) => {
    for (const lines of parsed) {
      const found = parsedLine(lines, line);
      if (found) return found;
    }
    return UNREAD;
  };
}
