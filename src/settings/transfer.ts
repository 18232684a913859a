import * as z from 'zod/mini';
import { FILE_FORMAT } from './backups';
import { countMsg, type Message, MessageError, msg, type Param } from './message';
import { migrateSettings, SETTINGS_VERSION } from './migrations';
import { repairSettings } from './repair';
import {
  type Blocklist,
  BlocklistSchema,
  type CustomSite,
  type Settings,
  SettingsSchema,
  uniqueIds,
} from './schema';

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
      error: 'msg_fileSettingsOrLists',
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
  /** What was read and what was skipped. */
  notes: Message[];
}

export type ReadResult = { ok: true; incoming: Incoming } | { ok: false; errors: Message[] };

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

function shown(value: unknown): Param {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (value === undefined) return msg('msg_valueNothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return msg('msg_valueList');
  if (typeof value === 'object') return msg('msg_valueObject');
  return String(value);
}

/** zod's type names, as words of the user's language: "expected 真偽値（true か false）". */
const TYPE_WORDS: Readonly<Record<string, Message>> = {
  string: msg('msg_typeString'),
  number: msg('msg_typeNumber'),
  int: msg('msg_typeInt'),
  boolean: msg('msg_typeBoolean'),
  array: msg('msg_typeArray'),
  object: msg('msg_typeObject'),
  record: msg('msg_typeRecord'),
  null: msg('msg_typeNull'),
  undefined: msg('msg_typeUndefined'),
};

/** The type a value should have had; a name the schema does not use (none today) as zod gives it. */
export function typeWord(expected: string): Message {
  return Object.hasOwn(TYPE_WORDS, expected)
    ? (TYPE_WORDS[expected] as Message)
    : msg('msg_typeOther', expected);
}

/** Where in the file: its path, or the file itself. */
function place(path: string): Param {
  return path === '' ? msg('msg_whereFile') : path;
}

/**
 * One message per problem: where, and what — `lists[2].action: expected hide|collapse|blur|label, got
 * 'remove'`. zod's own (English) words are never shown: its checks name a locale key (schema.ts).
 */
export function formatIssues(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): Message[] {
  return error.issues.map((issue) => {
    const where = place(formatPath([...prefix, ...issue.path]));
    if (issue.message.startsWith('msg_')) {
      const values = (issue as { params?: { values?: Param[] } }).params?.values ?? [];
      return msg(issue.message as Message['key'], where, ...values);
    }
    switch (issue.code) {
      case 'invalid_value':
        return msg(
          'msg_fileExpected',
          where,
          issue.values.map((v) => String(v)).join('|'),
          shown(issue.input),
        );
      case 'invalid_type':
        return msg('msg_fileExpected', where, typeWord(issue.expected), shown(issue.input));
      case 'unrecognized_keys':
        return msg(
          issue.keys.length > 1 ? 'msg_fileUnknownFields' : 'msg_fileUnknownField',
          where,
          issue.keys.map((k) => `"${k}"`).join(', '),
        );
      case 'too_big':
        return msg(
          issue.origin === 'string' ? 'msg_fileTooLong' : 'msg_fileTooBig',
          where,
          String(issue.maximum),
        );
      case 'too_small':
        return msg(
          issue.origin === 'string' ? 'msg_fileTooShort' : 'msg_fileTooSmall',
          where,
          String(issue.minimum),
        );
      default:
        return msg('msg_fileInvalid', where);
    }
  });
}

/** Where JSON.parse gave up, as line and column (without the engine's own, English, words). */
function jsonError(text: string, error: unknown): Message {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of JSON input/u.test(message)) return msg('msg_notJsonEnd');
  const position = /position (\d+)/u.exec(message)?.[1];
  if (position === undefined) return msg('msg_notJson');
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return msg('msg_notJsonAt', line, column);
}

/** A file over MAX_IMPORT_BYTES is refused before it is read, whatever its format. */
export function sizeProblem(text: string): ReadResult | null {
  return text.length > MAX_IMPORT_BYTES
    ? { ok: false, errors: [msg('msg_fileTooLarge', MAX_IMPORT_BYTES / 1024 / 1024)] }
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
    return { ok: false, errors: [msg('msg_fileNotSettings', shown(json))] };
  const envelope = json as Record<string, unknown>;
  if (envelope.format !== FILE_FORMAT)
    return { ok: false, errors: [msg('msg_fileFormat', shown(envelope.format))] };
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, errors: [msg('msg_fileVersion', shown(version))] };
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
    return {
      ok: false,
      errors: [
        msg(
          'msg_fileVersionRefused',
          error instanceof MessageError ? error.said : msg('msg_migrationFailed', version),
        ),
      ],
    };
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
        notes: [msg('msg_noteSettings', version, settings.lists.length, count(settings.lists))],
      },
    };
  }
  const only = lists ?? [];
  return {
    ok: true,
    incoming: {
      lists: only,
      exceptions: [],
      notes: [msg('msg_noteLists', version, only.length, count(only))],
    },
  };
}

export type ImportMode = 'merge' | 'replace';

export interface ImportPlan {
  result: Settings;
  /** One per change, for the preview: "add list “Gore” (12 rules)". */
  changes: Message[];
}

function rules(n: number): Message {
  return countMsg(n, 'msg_ruleCountOne', 'msg_ruleCount');
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

/** A site's origin as the browser writes it, to match a site whatever case a file gives its host. */
function originOf(site: CustomSite): string {
  return new URL(site.origin).origin;
}

/** "article.item → .tags a": what a site's selectors find, entries then tags. */
function selectors(site: CustomSite): string {
  return `${site.entrySelector} → ${site.tagSelector}`;
}

function sameSelectors(a: CustomSite, b: CustomSite): boolean {
  return (
    a.entrySelector === b.entrySelector &&
    a.tagSelector === b.tagSelector &&
    (a.titleSelector ?? '') === (b.titleSelector ?? '')
  );
}

/** A site that comes with an import: Tagveil runs there only once the user allows it (Sites). */
function addSite(site: CustomSite): Message {
  return msg('msg_planAddSite', site.name, originOf(site));
}

/**
 * Merge: each site of the file whose origin is not here is added (permission still to be given); one
 * already here is kept as it is, even with other selectors — merge changes nothing the user has — and
 * the preview says what Replace would take instead.
 */
function mergeSites(result: Settings, incoming: readonly CustomSite[], changes: Message[]): void {
  const ids = new Set(result.customSites.map((s) => s.id));
  for (const site of incoming) {
    const here = result.customSites.find((s) => originOf(s) === originOf(site));
    if (!here) {
      let id = site.id;
      for (let n = 2; ids.has(id); n++) id = `${site.id}-${n}`;
      ids.add(id);
      result.customSites.push({ ...structuredClone(site), id });
      changes.push(addSite(site));
    } else if (!sameSelectors(here, site)) {
      changes.push(msg('msg_planKeepSite', here.name, selectors(here), selectors(site)));
    }
  }
}

/** Replace with a whole-settings file: which sites come, go, and change their selectors. */
function replacedSites(current: readonly CustomSite[], next: readonly CustomSite[]): Message[] {
  const changes: Message[] = [];
  for (const site of current)
    if (!next.some((s) => originOf(s) === originOf(site))) changes.push(msg('msg_planRemoveSite', site.name));
  for (const site of next) {
    const before = current.find((s) => originOf(s) === originOf(site));
    if (!before) changes.push(addSite(site));
    else if (!sameSelectors(before, site))
      changes.push(msg('msg_planReplaceSite', site.name, selectors(before), selectors(site)));
  }
  return changes;
}

/**
 * What importing would do, and the settings after it. Merge keeps everything the user has and adds what
 * is new (rules of a list with the same id or name join it, sites of another origin); replace puts the file's lists in place of
 * the same lists — or, for a whole-settings file, the file's settings in place of everything.
 */
export function planImport(current: Settings, incoming: Incoming, mode: ImportMode): ImportPlan {
  const changes: Message[] = [];
  if (mode === 'replace' && incoming.settings) {
    const result = structuredClone(incoming.settings);
    const kept = new Set(result.lists.map((l) => l.id));
    for (const list of current.lists)
      if (!kept.has(list.id)) changes.push(msg('msg_planRemoveList', list.name, rules(list.patterns.length)));
    for (const list of result.lists) {
      const before = current.lists.find((l) => l.id === list.id);
      changes.push(
        before
          ? msg('msg_planReplaceList', list.name, rules(before.patterns.length), rules(list.patterns.length))
          : msg('msg_planAddList', list.name, rules(list.patterns.length)),
      );
    }
    changes.push(...replacedSites(current.customSites, result.customSites));
    changes.push(msg('msg_planReplaceOthers'));
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
      changes.push(msg('msg_planAddList', list.name, rules(list.patterns.length)));
    } else if (mode === 'replace') {
      const before = same.patterns.length;
      Object.assign(same, structuredClone(list), { id: same.id });
      changes.push(msg('msg_planReplaceList', same.name, rules(before), rules(list.patterns.length)));
    } else {
      const added = union(same.patterns, list.patterns);
      // The list's own exceptions join too (as a merge of settings from another device does, merge.ts).
      let spared = 0;
      if (list.exceptions && list.exceptions.length > 0) {
        same.exceptions ??= [];
        spared = union(same.exceptions, list.exceptions);
      }
      if (added > 0) changes.push(msg('msg_planAddRules', rules(added), same.name));
      if (spared > 0)
        changes.push(
          msg(
            'msg_planAddListExceptions',
            countMsg(spared, 'msg_exceptionCountOne', 'msg_exceptionCount'),
            same.name,
          ),
        );
      if (added === 0 && spared === 0) changes.push(msg('msg_planHasEvery', same.name));
    }
  }
  const exceptions = union(result.exceptions, incoming.exceptions);
  if (exceptions > 0)
    changes.push(
      msg('msg_planAddExceptions', countMsg(exceptions, 'msg_exceptionCountOne', 'msg_exceptionCount')),
    );
  if (incoming.settings) {
    const aliasKeys = new Set(result.aliases.map((g) => JSON.stringify(g)));
    for (const group of incoming.settings.aliases)
      if (!aliasKeys.has(JSON.stringify(group))) {
        result.aliases.push([...group]);
        changes.push(msg('msg_planAddAlias', group.join(' = ')));
      }
    mergeSites(result, incoming.settings.customSites, changes);
  }
  if (changes.length === 0) changes.push(msg('msg_planNothingNew'));
  // Lists from other tools are read loosely: what the settings cannot hold is left out and said, never thrown.
  const repaired = repairSettings(result);
  for (const problem of repaired.problems) changes.push(msg('msg_planLeftOut', problem));
  return { result: repaired.settings, changes };
}
