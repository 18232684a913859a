import type { CountMatchesAnswer } from '../messages';
import type { compileWith } from '../rules/compile';
import type { fromChecked } from '../rules/regex-verdicts';
import { readEntry, type SiteAdapter } from '../sites/types';

/**
 * How many entries of the page a rule, as the popup's user is typing it, would match: the popup says
 * "matches N entries on this page" before anything is saved. Reads the entries afresh (the scanner
 * keeps no facts), with only the facts the rule asks about; a rule that does not read matches none.
 * `checks` are the parses and prepared expressions the popup sent with the rule and those of the settings
 * (runtime.ts): a line neither parsed, or an expression neither checked, is refused, as in the page's
 * matcher (the page carries neither the parser nor the check).
 */
export function countMatches(
  doc: Document,
  adapter: SiteAdapter,
  rule: string,
  aliases: readonly (readonly string[])[] | undefined,
  checks: ReturnType<typeof fromChecked>,
  /** The page script's compiler (this module is part of the page UI, loaded beside it). */
  compile: typeof compileWith,
): CountMatchesAnswer {
  const entries = [...doc.querySelectorAll(adapter.entrySelector)];
  const matcher = compile(
    {
      lists: [{ id: 'count', name: '', enabled: true, action: 'label', patterns: [rule] }],
      aliases: aliases ?? [],
    },
    { site: adapter.id, ...checks },
  );
  if (matcher.ruleCount === 0) return { entries: entries.length, matches: 0 };
  let matches = 0;
  for (const entry of entries) {
    if (matcher.judge(readEntry(adapter, entry, matcher.needs)).action !== null) matches++;
  }
  return { entries: entries.length, matches };
}
