import type { RuleMessage } from './messages';
import { MAX_RULE_LENGTH, parseRule } from './parse';

/** Why a rule from outside (a subscribed file, a context-menu click) is not added to a list. */
export type RuleProblem =
  | { kind: 'too-long'; limit: number }
  | ({ kind: 'unreadable'; column: number } & RuleMessage);

/**
 * What the rule editor would say of `rule`, for rules that arrive without one: a line longer than the
 * stored limit, or one that does not parse (a blank line or a lone `# comment` is no problem). A long
 * rule is refused, not cut: the first 500 characters of a tag or an expression are a different rule.
 */
export function ruleProblem(rule: string): RuleProblem | null {
  if (rule.length > MAX_RULE_LENGTH) return { kind: 'too-long', limit: MAX_RULE_LENGTH };
  const parsed = parseRule(rule);
  if (parsed.ok) return null;
  const { column, code, params } = parsed.error;
  return { kind: 'unreadable', column, code, params };
}

/**
 * The lines of `lines` that can be stored (rules and `# comments`), how many of them are rules, and the
 * lines left out with what is wrong with each.
 */
export function checkRules(lines: readonly string[]): {
  kept: string[];
  rules: number;
  leftOut: { rule: string; problem: RuleProblem }[];
} {
  const kept: string[] = [];
  const leftOut: { rule: string; problem: RuleProblem }[] = [];
  let rules = 0;
  for (const line of lines) {
    if (line.length > MAX_RULE_LENGTH) {
      leftOut.push({ rule: line, problem: { kind: 'too-long', limit: MAX_RULE_LENGTH } });
      continue;
    }
    const parsed = parseRule(line);
    if (!parsed.ok) {
      const { column, code, params } = parsed.error;
      leftOut.push({ rule: line, problem: { kind: 'unreadable', column, code, params } });
    } else if (parsed.rule) {
      kept.push(line);
      rules++;
    } else if (line.trim() !== '') kept.push(line);
  }
  return { kept, rules, leftOut };
}
