/** Tagveil's page marks, for tests: the mark's value for each action is Tagveil's own (neutral) choice. */
import { MARK_VALUE } from '../../src/page/styles';
import type { Action } from '../../src/rules/types';

export { MARK_VALUE };

/** The action a `data-tagveil` value stands for; null for no mark. */
export function actionOfMark(value: string | null): Action | null {
  if (value === null) return null;
  const found = (Object.keys(MARK_VALUE) as Action[]).find((action) => MARK_VALUE[action] === value);
  if (!found) throw new Error(`not a Tagveil mark: ${value}`);
  return found;
}
