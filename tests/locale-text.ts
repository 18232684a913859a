import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMessage, type Message, type Param } from '../src/settings/message';

/** A locale file as it is: key → message. */
export function localeMessages(lang: string): Record<string, { message: string }> {
  return JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;
}

/**
 * Renders messages from a locale file the way src/ui/i18n.ts messageText does in a page, for tests and
 * scripts that run without a browser. A key the locale lacks throws: that is the bug to see.
 */
export function localeText(lang: string): (said: Message | string | undefined | null) => string {
  const messages = localeMessages(lang);
  const param = (p: Param): string | number => {
    if (typeof p !== 'object') return p;
    if (Array.isArray(p)) return p.map(param).join(messages.listSeparator?.message ?? '; ');
    if ('time' in p) return new Date(p.time).toISOString();
    return text(p);
  };
  const text = (said: Message | string | undefined | null): string => {
    if (typeof said === 'string') return said;
    if (said === undefined || said === null) return '';
    if (!isMessage(said)) throw new Error(`not a message: ${JSON.stringify(said)}`);
    const template = messages[said.key]?.message;
    if (template === undefined) throw new Error(`no ${lang} message ${said.key}`);
    const values = said.params.map(param);
    return template.replace(/\{(\d)\}/gu, (_, i: string) => String(values[Number(i)] ?? ''));
  };
  return text;
}

/** English, as a browser set to English shows it. */
export const englishText = localeText('en');
