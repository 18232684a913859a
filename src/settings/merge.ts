import type { Settings } from './schema';

/**
 * Puts into `into` every list, rule, exception and alias group of `kept` that it lacks, and returns how
 * many were added. Lists are matched by id, then by name; a rule joins the matched list. Nothing of
 * `into` is removed or changed otherwise: for a blocklist, a rule too many hides an entry, a rule too few
 * shows what the user never wanted to see. Pure; used when two copies of the settings must both be kept.
 */
export function mergeInto(into: Settings, kept: Settings): number {
  let added = 0;
  const ids = new Set(into.lists.map((l) => l.id));
  for (const list of kept.lists) {
    const same =
      into.lists.find((l) => l.id === list.id) ??
      into.lists.find((l) => l.name.toLowerCase() === list.name.toLowerCase());
    if (!same) {
      let id = list.id;
      for (let n = 2; ids.has(id); n++) id = `${list.id}-${n}`;
      ids.add(id);
      into.lists.push({ ...structuredClone(list), id });
      added += Math.max(1, list.patterns.length);
      continue;
    }
    added += addMissing(same.patterns, list.patterns);
    if (list.exceptions && list.exceptions.length > 0) {
      same.exceptions ??= [];
      added += addMissing(same.exceptions, list.exceptions);
    }
  }
  added += addMissing(into.exceptions, kept.exceptions);
  const groups = new Set(into.aliases.map((g) => JSON.stringify(g)));
  for (const group of kept.aliases)
    if (!groups.has(JSON.stringify(group))) {
      groups.add(JSON.stringify(group));
      into.aliases.push([...group]);
      added++;
    }
  return added;
}

/** Appends to `into` the lines of `from` it lacks (in their order); returns how many. */
function addMissing(into: string[], from: readonly string[]): number {
  const have = new Set(into);
  let added = 0;
  for (const line of from)
    if (!have.has(line)) {
      have.add(line);
      into.push(line);
      added++;
    }
  return added;
}

/** How many lists, rules, exceptions and alias groups of `older` are missing from `newer`. */
export function missingFrom(newer: Settings, older: Settings): number {
  return mergeInto(structuredClone(newer), older);
}
