import type { Verdict } from '../rules/types';
import { AUDIT_ATTR, MARK_ATTR, MARK_VALUE, SHOWN_ATTR } from './styles';

/** What a verdict's marks leave to draw: a veil (a reason line, its buttons), no veil, or nothing at all. */
export type VeilNeed = 'veil' | 'no-veil';

/**
 * Puts a verdict's marks on an entry's root: `data-tagveil` with the action's neutral value (or an empty
 * `data-tagveil-audit` in audit mode) and `data-tagveil-shown` for a revealed one. The stylesheet
 * (EFFECTS_CSS) hides, blurs or folds the entry by these alone, so the entry is filtered from here on;
 * the veil, when one is needed, only explains and offers Show (effects.ts, loaded on demand: paint.ts).
 */
export function setMarks(
  entry: Element,
  verdict: Verdict,
  options: { shown: boolean; audit: boolean },
): VeilNeed {
  const action = verdict.action;
  if (action === null) {
    clearMarks(entry);
    return 'no-veil';
  }
  const [markAttr, otherAttr] = options.audit ? [AUDIT_ATTR, MARK_ATTR] : [MARK_ATTR, AUDIT_ATTR];
  const value = options.audit ? '' : MARK_VALUE[action];
  entry.removeAttribute(otherAttr);
  if (entry.getAttribute(markAttr) !== value) entry.setAttribute(markAttr, value);
  if (options.shown && !options.audit) entry.setAttribute(SHOWN_ATTR, '');
  else entry.removeAttribute(SHOWN_ATTR);
  // An entry hidden and not revealed is not drawn at all: nothing to explain on it.
  return action === 'hide' && !options.shown && !options.audit ? 'no-veil' : 'veil';
}

/** Takes an entry's marks off. */
export function clearMarks(entry: Element): void {
  entry.removeAttribute(MARK_ATTR);
  entry.removeAttribute(AUDIT_ATTR);
  entry.removeAttribute(SHOWN_ATTR);
}
