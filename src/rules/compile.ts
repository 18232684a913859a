import { foldTag } from './normalize';
import { parseRule, type RuleError } from './parse';
import {
  ACTION_STRENGTH,
  type Action,
  type EntryFacts,
  NO_VERDICT,
  type Reason,
  type RuleList,
  type Verdict,
} from './types';

interface Hit {
  listId: string;
  listName: string;
  action: Action;
  rule: string;
}

export interface ListError extends RuleError {
  listId: string;
  listName: string;
  /** 0-based index of the pattern in the list. */
  line: number;
  text: string;
}

/** Compiled once per settings change; judging an entry costs one or two hash look-ups per tag. */
export interface Matcher {
  judge(entry: EntryFacts): Verdict;
  /** Lines that did not parse; the rest of their lists still apply. */
  errors: ListError[];
  ruleCount: number;
}

function push(map: Map<string, Hit[]>, key: string, hit: Hit): void {
  const hits = map.get(key);
  if (hits) hits.push(hit);
  else map.set(key, [hit]);
}

export function compile(lists: readonly RuleList[]): Matcher {
  const anyNamespace = new Map<string, Hit[]>();
  const byNamespace = new Map<string, Hit[]>();
  const errors: ListError[] = [];
  let ruleCount = 0;

  for (const list of lists) {
    if (!list.enabled) continue;
    list.patterns.forEach((text, line) => {
      const parsed = parseRule(text);
      if (!parsed.ok) {
        errors.push({ ...parsed.error, listId: list.id, listName: list.name, line, text });
        return;
      }
      if (!parsed.rule) return;
      const { namespace, name, source } = parsed.rule;
      const hit = { listId: list.id, listName: list.name, action: list.action, rule: source };
      if (namespace === undefined) push(anyNamespace, name, hit);
      else push(byNamespace, `${namespace}:${name}`, hit);
      ruleCount++;
    });
  }

  function judge(entry: EntryFacts): Verdict {
    if (ruleCount === 0) return NO_VERDICT;
    let action: Action | null = null;
    let reasons: Reason[] | null = null;
    for (const tag of entry.tags) {
      const folded = foldTag(tag);
      const loose = anyNamespace.get(folded.name);
      const strict =
        folded.namespace === undefined ? undefined : byNamespace.get(`${folded.namespace}:${folded.name}`);
      if (!loose && !strict) continue;
      for (const hit of [...(loose ?? []), ...(strict ?? [])]) {
        reasons ??= [];
        reasons.push({ ...hit, tag });
        if (action === null || ACTION_STRENGTH[hit.action] > ACTION_STRENGTH[action]) action = hit.action;
      }
    }
    return reasons ? { action, reasons } : NO_VERDICT;
  }

  return { judge, errors, ruleCount };
}
