import fc from 'fast-check';
import { defaultSettings } from '../src/settings/schema';
import { exportSettings } from '../src/settings/transfer';

/** A good settings file to break. */
const GOOD = JSON.parse(exportSettings(defaultSettings(), new Date(0))) as Record<string, unknown>;

/** Every path into the good file, so a mutation can land anywhere in it. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null)
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}
const PATHS = paths(GOOD).filter((p) => p.length > 0);

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && Array.isArray(node)) node.splice(Number(last), 1);
  else if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Values that are wrong almost anywhere in a settings file. */
const wrong = fc.oneof(
  fc.constantFrom(null, 'remove', -1, 1.5, '', [], {}, true, 'x'.repeat(600), [42], { nested: 'junk' }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Import files that must be refused: broken JSON, wrong envelopes, good files with one field broken. */
export const malformedImport: fc.Arbitrary<string> = fc.oneof(
  // Not JSON at all, or cut short.
  fc.string({ maxLength: 200 }),
  fc.nat({ max: 2000 }).map((n) => JSON.stringify(GOOD).slice(0, n % JSON.stringify(GOOD).length)),
  // JSON that is not a settings file.
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  // A good file with one field replaced by a wrong value, or removed.
  fc
    .tuple(fc.constantFrom(...PATHS), wrong, fc.boolean())
    .map(([path, value, remove]) => JSON.stringify(setAt(GOOD, path, value, remove))),
  // A good file with a field nobody knows.
  fc
    .tuple(
      fc.constantFrom(...PATHS.filter((p) => typeof p[p.length - 1] === 'string')),
      fc.string({ minLength: 1, maxLength: 8 }),
    )
    .map(([path, key]) => JSON.stringify(setAt(GOOD, [...path.slice(0, -1), `${key}_unknown`], 1, false))),
);

/** An import error line: where (a path into the file, or "file", or "not JSON"), a colon, what. */
export const ERROR_LINE = /^(not JSON|file|[\w$]+(\.[\w$]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): \S/u;
