import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULE_MESSAGES, type RuleMessageCode } from '../rules/messages';
import { parseRule, type RuleError } from '../rules/parse';
import { readerOf } from '../rules/parsed-lines';
import { fromChecked } from '../rules/regex-verdicts';

const locale = (lang: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;

/** Three ASCII words in a row: an English sentence (a quoted pattern like "(ab)+" is not one). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/u;

/** Lines that give every problem a rule can have, as the editor and the popup meet them. */
const BAD_LINES: [string, RuleMessageCode][] = [
  ['x'.repeat(501), 'tooLong'],
  ['entry:ao3', 'entryForm'],
  ['"netorare', 'quoteUnclosed'],
  ['/ntr', 'regexUnclosed'],
  ['"a"b', 'afterQuote'],
  ['title:""', 'fieldEmpty'],
  ['*"a"*', 'wildcardQuotes'],
  ['*', 'wildcardAlone'],
  ['a -\u200B', 'noTag'],
  ['-vanilla', 'needsPositive'],
  ['//', 'regexEmpty'],
  [`/${'a'.repeat(201)}/`, 'regexTooLong'],
  ['/a/g', 'regexFlags'],
  ['/(a/', 'regexInvalid'],
  ['/(a+)+$/', 'slowExponential'],
  ['/\\w*\\w*\\w*x/', 'slowPolynomial'],
  [`/${'(?:a|a)'.repeat(24)}b/`, 'slowBounded'],
  ['/a{2500}/', 'slowTooComplex'],
];

async function i18nIn(lang: string) {
  const messages = locale(lang);
  fakeBrowser.i18n.getMessage = ((name: string) =>
    messages[name]?.message ?? '') as typeof fakeBrowser.i18n.getMessage;
  vi.resetModules();
  return import('./i18n');
}

afterEach(async () => {
  await i18nIn('en');
});

describe('a rule’s problems in the user’s language', () => {
  it('every problem the parser reports comes as a code, and every code is met', () => {
    const met = new Set<string>();
    for (const [line, code] of BAD_LINES) {
      const parsed = parseRule(line);
      expect(parsed.ok, line).toBe(false);
      const error = (parsed as { error: RuleError }).error;
      expect(error.code, line).toBe(code);
      met.add(error.code);
    }
    // The problems only a page reports: an expression its snapshot carries not prepared…
    const unchecked = fromChecked().regex('^ntr', '');
    expect(unchecked.ok || unchecked.code).toBe('regexUnchecked');
    met.add('regexUnchecked');
    // …and a line it was given no parse for (it has no parser).
    const unread = readerOf()('netorare');
    expect(unread.ok || unread.error.code).toBe('ruleUnchecked');
    met.add('ruleUnchecked');
    expect([...met].sort()).toEqual(Object.keys(RULE_MESSAGES).sort());
  });

  it('the English locale says what the pure modules say in English', () => {
    const en = locale('en');
    for (const [code, text] of Object.entries(RULE_MESSAGES))
      expect(en[`ruleError_${code}`]?.message).toBe(text);
  });

  it('in Japanese, no problem is shown as an English sentence', async () => {
    const { ruleErrorText, t } = await i18nIn('ja');
    expect(t('langCode')).toBe('ja');
    for (const [line] of BAD_LINES) {
      const error = (parseRule(line) as { error: RuleError }).error;
      const text = ruleErrorText(error);
      expect(text, line).not.toMatch(ENGLISH_SENTENCE);
      expect(text, line).not.toContain('{');
      expect(text.length, line).toBeGreaterThan(5);
    }
  });

  it('in English, the same text as before, with its values', async () => {
    const { ruleErrorText } = await i18nIn('en');
    const error = (parseRule('/\\w*\\w*\\w*x/') as { error: RuleError }).error;
    expect(ruleErrorText(error)).toBe(error.message);
    expect(ruleErrorText(error)).toContain('to the power 4');
  });
});
