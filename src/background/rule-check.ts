import { parseRule } from '../rules/parse';
import { MAX_PATTERN_LENGTH } from '../settings/schema';
import { ruleErrorText, t } from '../ui/i18n';

/** Why a rule from outside (a subscribed file, a context-menu click) is not added to a list. */
export type RuleProblem = { kind: 'too-long' } | { kind: 'unreadable'; column: number; message: string };

/**
 * What the rule editor would say of `rule`, for rules that arrive without one: a line longer than the
 * stored limit, or one that does not parse (a blank line or a lone `# comment` is no problem). A long
 * rule is refused, not cut: the first 500 characters of a tag or an expression are a different rule.
 */
export function ruleProblem(rule: string): RuleProblem | null {
  if (rule.length > MAX_PATTERN_LENGTH) return { kind: 'too-long' };
  const parsed = parseRule(rule);
  return parsed.ok ? null : { kind: 'unreadable', ...parsed.error };
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
    if (line.length > MAX_PATTERN_LENGTH) {
      leftOut.push({ rule: line, problem: { kind: 'too-long' } });
      continue;
    }
    const parsed = parseRule(line);
    if (!parsed.ok) leftOut.push({ rule: line, problem: { kind: 'unreadable', ...parsed.error } });
    else if (parsed.rule) {
      kept.push(line);
      rules++;
    } else if (line.trim() !== '') kept.push(line);
  }
  return { kept, rules, leftOut };
}

/** The problem in the user's words. */
export function ruleProblemText(problem: RuleProblem): string {
  return problem.kind === 'too-long'
    ? t('ruleTooLong', MAX_PATTERN_LENGTH)
    : t('ruleUnreadable', problem.column, ruleErrorText(problem));
}
