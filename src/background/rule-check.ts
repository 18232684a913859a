import { checkRules, type RuleProblem, ruleProblem } from '../rules/check';
import { ruleProblemMessage } from '../settings/message';
import { messageText } from '../ui/i18n';

// The check itself is pure and lives in src/rules/check.ts; the background shows its answer in words.
export { checkRules, type RuleProblem, ruleProblem };

/** The problem in the user's words. */
export function ruleProblemText(problem: RuleProblem): string {
  return messageText(ruleProblemMessage(problem));
}
