import * as z from 'zod/mini';
import { FILE_FORMAT } from './backups';
import { migrateSettings, SETTINGS_VERSION } from './migrations';
import { repairSettings } from './repair';
import { type Blocklist, BlocklistSchema, type Settings, SettingsSchema, uniqueIds } from './schema';
import './zod-messages';

/**
 * The settings file: what Export writes and Import reads (docs/settings.md, docs/settings.schema.json).
 *
 *   { "format": "tagveil", "version": 2, "exportedAt": "…", "settings": { … } }   everything
 *   { "format": "tagveil", "version": 2, "exportedAt": "…", "lists": [ … ] }       some lists
 *
 * Older versions go through the same migrations as stored settings.
 */
export { FILE_FORMAT };

/** Largest file Import reads; a settings file of 5,000 rules is about 100 KiB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Import is strict where storage is lenient: a misspelt field in a file is an error, not a silent loss. */
const StrictList = z.strictObject(BlocklistSchema.shape);
const StrictSettings = z.strictObject({
  ...SettingsSchema.shape,
  lists: uniqueIds(z.array(StrictList)),
});

export const SettingsFileSchema = z
  .strictObject({
    format: z.literal(FILE_FORMAT),
    version: z.int().check(z.gte(1), z.lte(SETTINGS_VERSION)),
    exportedAt: z.optional(z.string()),
    settings: z.optional(StrictSettings),
    lists: z.optional(z.array(StrictList)),
  })
  .check(
    z.refine((file) => (file.settings === undefined) !== (file.lists === undefined), {
      error: 'a settings file holds either "settings" or "lists"',
    }),
  );

export type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** Everything, as a file. */
export function exportSettings(settings: Settings, now = new Date()): string {
  const file: SettingsFile = {
    format: FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Some lists (one, usually), as a file to share. */
export function exportLists(lists: Blocklist[], now = new Date()): string {
  const file: SettingsFile = {
    format: FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    lists,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What an import brings: whole settings, or lists (and exceptions) to add. */
export interface Incoming {
  /** Present when the file held whole settings. */
  settings?: Settings;
  lists: Blocklist[];
  exceptions: string[];
  /** What was read and what was skipped, in words. */
  notes: string[];
}

export type ReadResult = { ok: true; incoming: Incoming } | { ok: false; errors: string[] };

/** `lists[2].action`, from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!/^[A-Za-z_$][\w$]*$/u.test(String(part))) out += `[${JSON.stringify(String(part))}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** One line per problem: where, and what — `lists[2].action: expected hide|collapse|blur|label, got 'remove'`. */
export function formatIssues(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    const where = path === '' ? 'file' : path;
    switch (issue.code) {
      case 'invalid_value':
        return `${where}: expected ${issue.values.map((v) => String(v)).join('|')}, got ${shown(issue.input)}`;
      case 'invalid_type':
        return `${where}: expected ${issue.expected}, got ${issue.input === undefined ? 'nothing' : shown(issue.input)}`;
      case 'unrecognized_keys':
        return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      default:
        return `${where}: ${issue.message}`;
    }
  });
}

/** Where JSON.parse gave up, as line and column. */
function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of JSON input/u.test(message)) return 'not JSON: the file ends too early';
  const position = /position (\d+)/u.exec(message)?.[1];
  if (position === undefined) return `not JSON: ${message}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `not JSON: ${message.replace(/ in JSON at position \d+.*$/su, '')} at line ${line}, column ${column}`;
}

/** A file over MAX_IMPORT_BYTES is refused before it is read, whatever its format. */
export function sizeProblem(text: string): ReadResult | null {
  return text.length > MAX_IMPORT_BYTES
    ? { ok: false, errors: [`file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`] }
    : null;
}

/** Reads a Tagveil settings file of any version. Nothing is written here: the caller previews first. */
export function readSettingsFile(text: string): ReadResult {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return tooLarge;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonError(text, error)] };
  }
  return readSettingsJson(json);
}

function readSettingsJson(json: unknown): ReadResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, errors: [`file: expected a Tagveil settings object, got ${shown(json)}`] };
  const envelope = json as Record<string, unknown>;
  if (envelope.format !== FILE_FORMAT)
    return { ok: false, errors: [`format: expected 'tagveil', got ${shown(envelope.format)}`] };
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, errors: [`version: expected a whole number from 1, got ${shown(version)}`] };
  let migrated: Record<string, unknown> = envelope;
  try {
    migrated = {
      ...envelope,
      version: SETTINGS_VERSION,
      ...(envelope.settings !== undefined ? { settings: migrateSettings(envelope.settings, version) } : {}),
      ...(Array.isArray(envelope.lists)
        ? {
            // Lists migrate as the lists of a settings object would.
            lists: (migrateSettings({ lists: envelope.lists }, version) as { lists: unknown }).lists,
          }
        : {}),
    };
  } catch (error) {
    return { ok: false, errors: [`version: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = SettingsFileSchema.safeParse(migrated, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error) };
  const { settings, lists } = parsed.data;
  const count = (ls: Blocklist[]) => ls.reduce((n, l) => n + l.patterns.length, 0);
  if (settings) {
    return {
      ok: true,
      incoming: {
        settings,
        lists: settings.lists,
        exceptions: settings.exceptions,
        notes: [
          `Tagveil settings (version ${version}): ${settings.lists.length} lists, ${count(settings.lists)} rules`,
        ],
      },
    };
  }
  const only = lists ?? [];
  return {
    ok: true,
    incoming: {
      lists: only,
      exceptions: [],
      notes: [`Tagveil lists (version ${version}): ${only.length} lists, ${count(only)} rules`],
    },
  };
}

export type ImportMode = 'merge' | 'replace';

export interface ImportPlan {
  result: Settings;
  /** One line per change, for the preview: "add list “Gore” (12 rules)". */
  changes: string[];
}

function rules(n: number): string {
  return `${n} ${n === 1 ? 'rule' : 'rules'}`;
}

function union(into: string[], more: readonly string[]): number {
  const have = new Set(into);
  let added = 0;
  for (const item of more) {
    if (have.has(item)) continue;
    have.add(item);
    into.push(item);
    added++;
  }
  return added;
}

/** A list id not used in `taken`. */
export function freeId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/**
 * What importing would do, and the settings after it. Merge keeps everything the user has and adds what
 * is new (rules of a list with the same id or name join it); replace puts the file's lists in place of
 * the same lists — or, for a whole-settings file, the file's settings in place of everything.
 */
export function planImport(current: Settings, incoming: Incoming, mode: ImportMode): ImportPlan {
  const changes: string[] = [];
  if (mode === 'replace' && incoming.settings) {
    const result = structuredClone(incoming.settings);
    const kept = new Set(result.lists.map((l) => l.id));
    for (const list of current.lists)
      if (!kept.has(list.id)) changes.push(`remove list “${list.name}” (${rules(list.patterns.length)})`);
    for (const list of result.lists) {
      const before = current.lists.find((l) => l.id === list.id);
      changes.push(
        before
          ? `replace list “${list.name}” (${rules(before.patterns.length)} → ${rules(list.patterns.length)})`
          : `add list “${list.name}” (${rules(list.patterns.length)})`,
      );
    }
    changes.push('replace every other setting (switches, sites, exceptions, aliases)');
    return { result, changes };
  }
  const result = structuredClone(current);
  const taken = new Set(result.lists.map((l) => l.id));
  for (const list of incoming.lists) {
    const same =
      result.lists.find((l) => l.id === list.id) ??
      result.lists.find((l) => l.name.toLowerCase() === list.name.toLowerCase());
    if (!same) {
      const id = freeId(list.id, taken);
      taken.add(id);
      result.lists.push({ ...structuredClone(list), id });
      changes.push(`add list “${list.name}” (${rules(list.patterns.length)})`);
    } else if (mode === 'replace') {
      const before = same.patterns.length;
      Object.assign(same, structuredClone(list), { id: same.id });
      changes.push(`replace list “${same.name}” (${rules(before)} → ${rules(list.patterns.length)})`);
    } else {
      const added = union(same.patterns, list.patterns);
      changes.push(
        added > 0 ? `add ${rules(added)} to “${same.name}”` : `“${same.name}” already has every rule`,
      );
    }
  }
  const exceptions = union(result.exceptions, incoming.exceptions);
  if (exceptions > 0) changes.push(`add ${exceptions} ${exceptions === 1 ? 'exception' : 'exceptions'}`);
  if (incoming.settings) {
    const aliasKeys = new Set(result.aliases.map((g) => JSON.stringify(g)));
    for (const group of incoming.settings.aliases)
      if (!aliasKeys.has(JSON.stringify(group))) {
        result.aliases.push([...group]);
        changes.push(`add alias group ${group.join(' = ')}`);
      }
  }
  if (changes.length === 0) changes.push('nothing new: every list and rule is already here');
  // Lists from other tools are read loosely: what the settings cannot hold is left out and said, never thrown.
  const repaired = repairSettings(result);
  for (const problem of repaired.problems) changes.push(`left out: ${problem}`);
  return { result: repaired.settings, changes };
}
