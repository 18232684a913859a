import { RULE_MESSAGES } from './messages';
import type { ParseResult } from './parse';

/**
 * Rule lines parsed in the background, by their text: what the settings snapshot carries so that a page
 * compiles from them (compile.ts, `parsed`) instead of running the parser on every line at every page
 * load (cold code on a fresh page; ~40 ms for 5,000 rules warm). A line not in it is parsed as before.
 */
export type ParsedLines = Record<string, ParseResult>;

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
    isText(v.code) &&
    Object.hasOwn(RULE_MESSAGES, v.code) &&
    Array.isArray(v.params) &&
    v.params.every(isParam) &&
    Number.isSafeInteger(v.column) &&
    isText(v.message)
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
