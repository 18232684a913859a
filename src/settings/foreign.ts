import { isKnownNamespace } from '../rules/normalize';
import { parseRule, quote } from '../rules/parse';
import type { Action } from '../rules/types';
import { type Message, msg, ruleMessage } from './message';
import type { Blocklist } from './schema';
import { type Incoming, type ReadResult, readSettingsFile, sizeProblem } from './transfer';

/**
 * Imports from what users already have: AO3 Savior's config, a booru blacklist (one rule per line), a
 * plain list of tags. Each becomes lists (and exceptions) to preview and merge like a Tagveil file.
 */
export type ImportFormat = 'tagveil' | 'ao3-savior' | 'booru' | 'plain';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['tagveil', 'ao3-savior', 'booru', 'plain'];

/**
 * The names of the lists a booru blacklist and a plain list become. A name is stored data, so it is in
 * the language of the page the user imported in: the page passes them (src/ui/i18n.ts importListNames).
 */
export interface ImportNames {
  booru: string;
  plain: string;
}

const SAVIOR_KEYS = [
  'tagBlacklist',
  'authorBlacklist',
  'titleBlacklist',
  'tagWhitelist',
  'summaryBlacklist',
] as const;

/** The format a file most likely has; the user can choose another. */
export function detectFormat(text: string): ImportFormat {
  const trimmed = text.trim();
  if (/^\{[\s\S]*"format"\s*:\s*"tagveil"/u.test(trimmed)) return 'tagveil';
  if (SAVIOR_KEYS.some((key) => trimmed.includes(key))) return 'ao3-savior';
  const lines = trimmed.split(/\r?\n/u).filter((l) => l.trim() !== '');
  // A booru blacklist writes a tag's spaces as "_" and separates tags with spaces.
  if (lines.some((l) => /\S_\S|(^|\s)[-~]\S|\s\S+:\S/u.test(l))) return 'booru';
  return 'plain';
}

export function readImport(text: string, format: ImportFormat, names: ImportNames): ReadResult {
  if (format === 'tagveil') return readSettingsFile(text);
  const tooLarge = sizeProblem(text);
  if (tooLarge) return tooLarge;
  switch (format) {
    case 'ao3-savior':
      return readAo3Savior(text);
    case 'booru':
      return readLines(text, 'booru', names.booru);
    case 'plain':
      return readLines(text, 'plain', names.plain);
  }
}

function list(id: string, name: string, action: Action, patterns: string[]): Blocklist {
  return { id, name, enabled: true, action, patterns };
}

/** A tag written so a rule reads it as that one tag, whatever characters it holds. */
export function literalTag(tag: string): string {
  const parsed = parseRule(tag);
  const plain =
    parsed.ok &&
    parsed.rule?.terms.length === 1 &&
    parsed.rule.terms[0]?.mode === 'all' &&
    parsed.rule.terms[0].atom.kind === 'tag' &&
    // `Re:Zero` is a tag, `female:netorare` one in a namespace a site uses.
    (parsed.rule.terms[0].atom.namespace === undefined ||
      isKnownNamespace(parsed.rule.terms[0].atom.namespace)) &&
    parsed.rule.note === undefined;
  return plain ? tag : quote(tag);
}

/** AO3 Savior's values: a list of strings, or one comma-separated string (older versions). */
function entries(value: unknown): string[] | null {
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return null;
}

/** Reads `key: [ 'a', "b" ]` out of AO3 Savior's JavaScript config file (ao3_savior_config.js). */
function fromJavaScript(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...SAVIOR_KEYS, 'showPlaceholders']) {
    const found = new RegExp(`\\b${key}\\s*:\\s*(\\[[^\\]]*\\]|true|false|'[^']*'|"[^"]*")`, 'u').exec(text);
    const value = found?.[1];
    if (value === undefined) continue;
    if (value === 'true' || value === 'false') out[key] = value === 'true';
    else if (value.startsWith('[')) {
      out[key] = [...value.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/gu)].map((m) =>
        (m[1] ?? m[2] ?? '').replace(/\\(.)/gu, '$1'),
      );
    } else out[key] = value.slice(1, -1);
  }
  return out;
}

function readAo3Savior(text: string): ReadResult {
  let config: Record<string, unknown>;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      return { ok: false, errors: [msg('msg_saviorNotObject')] };
    config = json as Record<string, unknown>;
  } catch {
    config = fromJavaScript(text);
  }
  const errors: Message[] = [];
  const read = (key: (typeof SAVIOR_KEYS)[number]): string[] => {
    if (config[key] === undefined) return [];
    const values = entries(config[key]);
    if (values === null) errors.push(msg('msg_saviorNotList', key, typeof config[key]));
    return values ?? [];
  };
  const tags = read('tagBlacklist');
  const authors = read('authorBlacklist');
  const titles = read('titleBlacklist');
  const allowed = read('tagWhitelist');
  const summaries = read('summaryBlacklist');
  if (errors.length > 0) return { ok: false, errors };
  if (tags.length + authors.length + titles.length + allowed.length === 0)
    return {
      ok: false,
      errors: [msg('msg_saviorEmpty')],
    };
  // AO3 Savior's tag patterns use * the way Tagveil does; authors and titles become creator: and title: rules.
  const patterns = [
    ...tags.map((t) => (t.includes('*') ? t : literalTag(t))),
    ...authors.map((a) => `creator:${quote(a)}`),
    ...titles.map((t) => `title:${quote(t.replaceAll('*', ' ').trim())}`),
  ].filter((p) => p !== 'title:""');
  // AO3 Savior leaves a placeholder with a reason unless told not to: that is Tagveil's "collapse".
  const action: Action = config.showPlaceholders === false ? 'hide' : 'collapse';
  const notes = [msg('msg_noteSavior', tags.length, authors.length, titles.length, allowed.length)];
  if (summaries.length > 0) notes.push(msg('msg_noteSummariesSkipped', summaries.length));
  return {
    ok: true,
    incoming: {
      lists: patterns.length > 0 ? [list('ao3-savior', 'AO3 Savior', action, patterns)] : [],
      exceptions: allowed.map((t) => (t.includes('*') ? t : literalTag(t))),
      notes,
    },
  };
}

/** A booru blacklist line (`a b -c`, every word a tag, `_` for spaces) as a Tagveil rule. */
export function booruLine(line: string): string {
  const words = line.trim().split(/\s+/u);
  if (words.length === 1) return words[0] ?? '';
  // Several words with no operator are all required: Tagveil writes that as a combination with "+".
  const combined = words.some((w) => /^[-~+]/u.test(w));
  return combined ? words.join(' ') : words.map((w, i) => (i === 0 ? w : `+${w}`)).join(' ');
}

function readLines(text: string, kind: 'booru' | 'plain', name: string): ReadResult {
  const raw =
    kind === 'plain' && !text.includes('\n')
      ? text.split(',')
      : text.split(/\r?\n/u).flatMap((l) => (kind === 'plain' && l.includes(',') ? l.split(',') : [l]));
  const patterns: string[] = [];
  const notes: Message[] = [];
  let skipped = 0;
  raw.forEach((value, i) => {
    const line = value.trim();
    if (line === '' || line.startsWith('#')) return;
    const rule = kind === 'booru' ? booruLine(line) : literalTag(line);
    const parsed = parseRule(rule);
    if (!parsed.ok) {
      skipped++;
      if (skipped <= 20)
        notes.push(msg('msg_lineSkipped', i + 1, line, parsed.error.column, ruleMessage(parsed.error)));
      return;
    }
    if (!patterns.includes(rule)) patterns.push(rule);
  });
  if (skipped > 20) notes.push(msg('msg_moreLinesSkipped', skipped - 20));
  if (patterns.length === 0)
    return {
      ok: false,
      errors: [skipped > 0 && notes[0] ? msg('msg_noLineRead', notes[0]) : msg('msg_noTags')],
    };
  const incoming: Incoming = {
    lists: [list(kind === 'booru' ? 'booru-blacklist' : 'imported', name, 'hide', patterns)],
    exceptions: [],
    notes: [msg('msg_noteRulesRead', patterns.length), ...notes],
  };
  return { ok: true, incoming };
}
