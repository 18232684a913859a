import { browser } from 'wxt/browser';
import { ENGLISH, type ExplainWords } from '../rules/explain';
import type { RuleMessage } from '../rules/messages';
import type { Action } from '../rules/types';
import type { ImportNames } from '../settings/foreign';
import { isMessage, type Message, MessageError, type Param } from '../settings/message';
import type { DefaultNames } from '../settings/schema';

/**
 * Every string a user reads comes from public/_locales/<lang>/messages.json through here; the browser
 * picks the language (English when it has none of the user's). Only the key type is taken from the
 * English file: the strings stay in the locale files, not in every bundle. Substitutions are written
 * {0}, {1}… (the browser's own $1 needs placeholders declared per message).
 */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/**
 * Messages already asked for: the browser's language does not change while a page lives, and asking the
 * browser costs a few microseconds, which a page veiling hundreds of entries would pay hundreds of times.
 */
const messages = new Map<string, string>();

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  let text = messages.get(key);
  if (text === undefined) {
    // The key set is checked by the type above; the browser's own typing knows only its built-in keys.
    text = (browser.i18n.getMessage as (name: string) => string)(key) || key;
    messages.set(key, text);
  }
  return subs.length === 0
    ? text
    : text.replace(/\{(\d)\}/gu, (_, i: string) => String(subs[Number(i)] ?? ''));
}

/** `t(one)` for 1, `t(other)` for any other count, with the count as {0}. */
export function tCount(n: number, one: MessageKey, other: MessageKey): string {
  return t(n === 1 ? one : other, n);
}

/** The language of the messages shown (the browser's choice among en and ja), for dates and numbers. */
export function uiLanguage(): string {
  return t('langCode');
}

/** The page's lang attribute follows the UI language, so screen readers pronounce it right. */
export function setDocumentLanguage(doc: Document = document): void {
  doc.documentElement.lang = t('langCode');
}

export function actionName(action: Action): string {
  return t(`action_${action}`);
}

/** A preset's name and description in the UI language (src/rules/presets.ts holds its rules). */
export function presetName(id: string): string {
  return t(`preset_${id}_name` as MessageKey);
}

export function presetDescription(id: string): string {
  return t(`preset_${id}_desc` as MessageKey);
}

/** Rule explanations in the UI language; English when the UI is English. */
export function explainWords(): ExplainWords {
  if (t('langCode') === 'en') return ENGLISH;
  const or = (parts: string[]) => parts.join(t('explain_orSeparator'));
  return {
    tag: (name, ns) => (ns === undefined ? t('explain_tag', name) : t('explain_tagNs', name, ns)),
    glob: (pattern, ns) => (ns === undefined ? t('explain_glob', pattern) : t('explain_globNs', pattern, ns)),
    namespace: (ns) => t('explain_namespace', ns),
    regex: (source) => t('explain_regex', source),
    title: (text) => t('explain_title', text),
    creator: (name) => t('explain_creator', name),
    and: (parts) => parts.join(t('explain_andSeparator')),
    or,
    either: (parts) => (parts.length === 1 ? (parts[0] ?? '') : t('explain_either', or(parts))),
    sentence: (action, conditions, unless) => {
      const body = action
        ? t('explain_sentence', conditions, actionName(action))
        : t('explain_exception', conditions);
      return unless ? t('explain_unless', body, unless) : body;
    },
    note: (note) => t('explain_note', note),
    entry: (action, site, kind, id) => {
      const entry = t('entryDescribed', site, t(`entryKind_${kind}`), id);
      return action ? t('explain_entry', entry, actionName(action)) : t('explain_entryException', entry);
    },
  };
}

/**
 * A rule's problem (parse, regular expression, ReDoS check) in the UI language. Stored or passed-on
 * problems from an older version carry only English `message`: shown as they are.
 */
export function ruleErrorText(error: Partial<RuleMessage> & { message?: string }): string {
  if (error.code === undefined) return error.message ?? '';
  return t(`ruleError_${error.code}`, ...(error.params ?? []));
}

/** The names of the lists an import makes, in the UI language: stored as the user imported them. */
export function importListNames(): ImportNames {
  return { booru: t('listName_booru'), plain: t('listName_plain') };
}

/** The names a fresh install gives its lists, in the UI language. */
export function defaultListNames(): DefaultNames {
  return { mine: t('listName_mine') };
}

/** A repaired list's name when it had none ("List 2"), in the UI language. */
export function repairedListName(n: number): string {
  return t('listName_repaired', n);
}

/** A time a message names, in the reader's language. */
export function formatWhen(time: number): string {
  return new Date(time).toLocaleString(t('langCode'));
}

function paramText(param: Param): string | number {
  if (typeof param !== 'object' || param === null) return param;
  if (Array.isArray(param)) return param.map(paramText).join(t('listSeparator'));
  if ('time' in param) return formatWhen(param.time);
  return messageText(param);
}

/**
 * What the settings modules said (src/settings/message.ts), in the UI language. A plain string was
 * stored by an older version, in the words it had then: shown as it is.
 */
export function messageText(said: Message | string | undefined | null): string {
  if (typeof said === 'string') return said;
  if (!isMessage(said)) return '';
  const text = t(said.key, ...said.params.map(paramText));
  // A key this version does not have (a newer Tagveil stored it): its values are all there is to show.
  return text === said.key ? said.params.map(paramText).join(' ') || said.key : text;
}

/** An error a save or a read threw, in the UI language. */
export function errorText(error: unknown): string {
  if (error instanceof MessageError) return messageText(error.said);
  return error instanceof Error ? error.message : String(error);
}
