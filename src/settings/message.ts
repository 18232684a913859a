import type { RuleProblem } from '../rules/check';
import type { RuleMessage } from '../rules/messages';
import type { MessageKey } from '../ui/i18n';

/**
 * Something to tell the user, as a key of public/_locales and the values it names ({0}, {1}…). The
 * settings modules return these and never a sentence; the pages put them in the user's language
 * (src/ui/i18n.ts messageText). Kept in storage as they are (a backup's problems, a subscription's last
 * error), so a change of the browser's language changes them too.
 */
export interface Message {
  key: MessageKey;
  params: Param[];
}

/** A value a message names: text as given, a number, a time (shown in the reader's format), or a message. */
export type Param = string | number | { time: number } | Message | Param[];

/** `msg('settingsNewer', 3, 2)`: the one way messages are made, so a test can find every key in use. */
export function msg(key: MessageKey, ...params: Param[]): Message {
  return { key, params };
}

/** A rule's problem (src/rules/messages.ts) as a message. */
export function ruleMessage({ code, params }: RuleMessage): Message {
  return { key: `ruleError_${code}`, params };
}

/** "1 rule" / "2 rules": the count's own message, chosen by the number. */
export function countMsg(n: number, one: MessageKey, other: MessageKey): Message {
  return msg(n === 1 ? one : other, n);
}

/** A message thrown: the pages show `said` in the user's language (`message` is its key, for logs). */
export class MessageError extends Error {
  constructor(readonly said: Message) {
    super(`${said.key}${said.params.length > 0 ? ` ${JSON.stringify(said.params)}` : ''}`);
  }
}

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.key === 'string' && Array.isArray(m.params);
}

/** Largest stored message, as JSON: a subscription's error is read back by every device. */
export const MAX_STORED_MESSAGE_CHARS = 600;

/** Why a rule from outside is not added (src/rules/check.ts), as a message. */
export function ruleProblemMessage(problem: RuleProblem): Message {
  return problem.kind === 'too-long'
    ? msg('ruleTooLong', problem.limit)
    : msg('ruleUnreadable', problem.column, ruleMessage(problem));
}
