import { foldNamespace, foldTag, splitNamespace } from './normalize';

/** A rule that matches one tag, in any namespace unless one is given. Names are folded. */
export interface TagRule {
  kind: 'tag';
  namespace: string | undefined;
  name: string;
  /** The line as the user wrote it, trimmed. */
  source: string;
}

export type Rule = TagRule;

export interface RuleError {
  /** 1-based column of the problem within the line. */
  column: number;
  message: string;
}

export type ParseResult =
  | { ok: true; rule: Rule }
  | { ok: false; error: RuleError }
  | { ok: true; rule: null };

/** Syntax the rule language reserves for globs, expressions and booleans; refused until it is understood. */
const RESERVED = [
  { re: /[*?]/u, message: 'Wildcards (* and ?) are not supported yet; write the whole tag.' },
  { re: /^\//u, message: 'Regular expressions are not supported yet; write the whole tag.' },
  {
    re: /(^|\s)[-~](?=\S)/u,
    message: 'Combining tags with - or ~ is not supported yet; write one tag per line.',
  },
];

/**
 * Parses one line of a blocklist. Blank lines and `# comments` give `rule: null`.
 * Never throws: a line it cannot read gives an error with the column and a message for the user.
 */
export function parseRule(line: string): ParseResult {
  const hash = line.indexOf('#');
  const body = (hash === -1 ? line : line.slice(0, hash)).trim();
  if (body === '') return { ok: true, rule: null };
  const offset = line.indexOf(body);
  for (const { re, message } of RESERVED) {
    const m = re.exec(body);
    if (m) return { ok: false, error: { column: offset + m.index + (m[1]?.length ?? 0) + 1, message } };
  }
  const { namespace, name } = splitNamespace(body);
  const folded = foldTag({ name });
  if (folded.name === '') {
    return { ok: false, error: { column: offset + 1, message: 'The tag after the namespace is empty.' } };
  }
  return {
    ok: true,
    rule: {
      kind: 'tag',
      namespace: namespace === undefined ? folded.namespace : foldNamespace(namespace),
      name: folded.name,
      source: body,
    },
  };
}
