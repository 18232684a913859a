import { isRuleCode } from './messages';
import { type ParseResult, parseRuleWith } from './parse';
import { type LineReader, type ParsedLines, readerOf } from './parsed-lines';
import { type SlowCheck, type SlowVerdict, slowKey, slowVerdict } from './regex';

/**
 * The ReDoS check's verdicts, by expression (slowKey): what the background writes into the settings
 * snapshot, so that content scripts compile rules without carrying the check (redos.ts, ~10 kB on every
 * page). A page refuses an expression no verdict covers: every expression a page's matcher runs was
 * checked by the full check, and the run-time guard (compile.ts) stays behind it.
 */
export type SlowVerdicts = Record<string, SlowVerdict>;

/** Every regular expression in these rule lines, with the ReDoS check's verdict. */
export function regexVerdicts(lines: Iterable<string>): SlowVerdicts {
  return checkLines(lines).regex;
}

/** Lines parsed in the background (or the popup), and the ReDoS check's verdicts on their expressions. */
export interface CheckedLines {
  regex: SlowVerdicts;
  parsed: ParsedLines;
}

/**
 * Every line parsed, with the full ReDoS check, and that check's verdict on each expression: what the
 * background writes into the settings snapshot (a page compiles from both, running neither).
 */
export function checkLines(lines: Iterable<string>): CheckedLines {
  const regex: SlowVerdicts = {};
  const recording: SlowCheck = (source, flags) => {
    const key = slowKey(source, flags);
    if (!Object.hasOwn(regex, key)) regex[key] = slowVerdict(source, flags);
    return regex[key] ?? null;
  };
  const parsed = new Map<string, ParseResult>();
  for (const line of lines) if (!parsed.has(line)) parsed.set(line, parseRuleWith(line, recording));
  // fromEntries: every line an own property, "__proto__" included.
  return { regex, parsed: Object.fromEntries(parsed) };
}

/** What a page says of an expression no verdict covers. */
const UNCHECKED: SlowVerdict = { offset: 0, code: 'regexUnchecked', params: [] };

/** The verdicts as the check a page compiles with: an expression without one is refused. */
export function checkedBy(...verdicts: SlowVerdicts[]): SlowCheck {
  return (source, flags) => {
    const key = slowKey(source, flags);
    for (const known of verdicts) if (Object.hasOwn(known, key)) return known[key] ?? null;
    return UNCHECKED;
  };
}

const isParam = (v: unknown) => typeof v === 'string' || Number.isFinite(v);

function isVerdict(v: unknown): v is SlowVerdict {
  if (v === null) return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const { offset, code, params } = v as Record<string, unknown>;
  return Number.isSafeInteger(offset) && isRuleCode(code) && Array.isArray(params) && params.every(isParam);
}

/** Whether a stored value reads as verdicts (the snapshot's `regex`, a popup request's). */
export function isSlowVerdicts(v: unknown): v is SlowVerdicts {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([key, verdict]) => key.startsWith('/') && isVerdict(verdict))
  );
}

/**
 * What a page compiles with (compile.ts's CheckedContext): the parses and verdicts others made (the
 * snapshot's, the popup's for its typed rule), first covering first. A line none parsed is refused, and
 * so is an expression none checked: a content script carries neither the parser nor the ReDoS check.
 */
export function fromChecked(...made: (Partial<CheckedLines> | undefined)[]): {
  slow: SlowCheck;
  read: LineReader;
} {
  return {
    slow: checkedBy(...made.map((m) => m?.regex ?? {})),
    read: readerOf(...made.map((m) => m?.parsed)),
  };
}
