import type { CountMatchesAnswer } from '../messages';
import { compileWith } from '../rules/compile';
import type { SlowCheck } from '../rules/regex';
import { checkedBy } from '../rules/regex-verdicts';
import { readEntry, type SiteAdapter } from '../sites/types';

/**
 * How many entries of the page a rule, as the popup's user is typing it, would match: the popup says
 * "matches N entries on this page" before anything is saved. Reads the entries afresh (the scanner
 * keeps no facts), with only the facts the rule asks about; a rule that does not read matches none.
 * `slow` stands for the ReDoS check: the verdicts the popup sent with the rule and those of the settings
 * (runtime.ts); an expression neither covers is refused, as in the page's matcher.
 */
export function countMatches(
  doc: Document,
  adapter: SiteAdapter,
  rule: string,
  aliases: readonly (readonly string[])[] = [],
  slow: SlowCheck = checkedBy(),
): CountMatchesAnswer {
  const entries = [...doc.querySelectorAll(adapter.entrySelector)];
  const matcher = compileWith(
    { lists: [{ id: 'count', name: '', enabled: true, action: 'label', patterns: [rule] }], aliases },
    { site: adapter.id, slow },
  );
  if (matcher.ruleCount === 0) return { entries: entries.length, matches: 0 };
  let matches = 0;
  for (const entry of entries) {
    if (matcher.judge(readEntry(adapter, entry, matcher.needs)).action !== null) matches++;
  }
  return { entries: entries.length, matches };
}
