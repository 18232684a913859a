import { parseRule, type Rule, type RuleError } from '../rules/parse';

export interface LineError extends RuleError {
  /** 1-based line of the editor. */
  line: number;
  text: string;
}

export interface CheckedLines {
  /** Lines that read as rules (comments and blank lines dropped), in order, without duplicates. */
  good: string[];
  errors: LineError[];
  /** Parsed rules by line number, for explanations. */
  rules: Map<number, Rule>;
}

/** Reads an editor's text line by line, as the lists will. */
export function checkLines(text: string): CheckedLines {
  const good: string[] = [];
  const seen = new Set<string>();
  const errors: LineError[] = [];
  const rules = new Map<number, Rule>();
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const parsed = parseRule(line);
    if (!parsed.ok) {
      errors.push({ ...parsed.error, line: i + 1, text: line });
      return;
    }
    if (!parsed.rule) return; // a comment
    rules.set(i + 1, parsed.rule);
    if (seen.has(line)) return;
    seen.add(line);
    good.push(line);
  });
  return { good, errors, rules };
}
