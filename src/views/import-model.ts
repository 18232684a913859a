// What an import did, counted from the settings before and after it — not from the preview's lines, one
// of which ("… already has every rule") changes nothing. Tested in import-model.test.ts.
import type { Settings } from '../settings/schema';

/** JSON with object keys sorted: the same settings read back in another key order are equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Changes between two settings: each list added, removed or changed counts one, so do the exceptions,
 * each alias group added or removed, and the other settings together. Equal settings: 0.
 */
export function countChanges(before: Settings, after: Settings): number {
  let n = 0;
  const byId = new Map(before.lists.map((l) => [l.id, stable(l)]));
  const afterIds = new Set(after.lists.map((l) => l.id));
  for (const list of after.lists) if (byId.get(list.id) !== stable(list)) n++;
  for (const id of byId.keys()) if (!afterIds.has(id)) n++;
  if (stable(before.exceptions) !== stable(after.exceptions)) n++;
  const groups = (s: Settings) => new Set(s.aliases.map((g) => stable(g)));
  const [was, is] = [groups(before), groups(after)];
  for (const g of is) if (!was.has(g)) n++;
  for (const g of was) if (!is.has(g)) n++;
  const rest = (s: Settings) => stable({ ...s, lists: [], exceptions: [], aliases: [] });
  if (rest(before) !== rest(after)) n++;
  return n;
}
