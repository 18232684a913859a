import type { RuleProblem } from '../rules/check';
import { ruleProblemMessage } from '../settings/message';
import { messageText } from '../ui/i18n';

// The check itself is pure and lives in src/rules/check.ts; the background shows its answer in words.

/** The problem in the user's words. */
export function ruleProblemText(problem: RuleProblem): string {
  return messageText(ruleProblemMessage(problem));
}
