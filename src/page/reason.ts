import { reasonLabel, type Verdict } from '../rules/types';
import { t } from '../ui/i18n';

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** "Netorare, Cheating — list NTR & cheating" */
export function reasonText(verdict: Verdict): string {
  // An entry hidden by its id: its note (the title it was hidden with) or "hidden by you", not its bare id.
  const tags = unique(
    verdict.reasons.map((r) => (r.byId && !r.note ? t('veilReasonById') : reasonLabel(r))),
  ).join(', ');
  const lists = unique(verdict.reasons.map((r) => r.listName));
  return t(lists.length > 1 ? 'veilReasonLists' : 'veilReasonList', tags, lists.join(', '));
}
