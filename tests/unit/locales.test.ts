import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'ja'] as const;

function messages(lang: string): Record<string, { message: string }> {
  return JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
  );
}

function markers(text: string): string[] {
  return [...text.matchAll(/\{\d\}/gu)].map((m) => m[0]).sort();
}

describe('locales', () => {
  const en = messages('en');

  it.each(LOCALES)('%s has every message, each with the same {n} substitutions as English', (lang) => {
    const other = messages(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(other)) {
      expect(message.trim(), `${lang}.${key}`).not.toBe('');
      expect(markers(message), `${lang}.${key}`).toEqual(markers(en[key]?.message ?? ''));
      // The browser reads $ as the start of a placeholder.
      expect(message, `${lang}.${key}`).not.toContain('$');
    }
  });

  it('Japanese is Japanese, not English left untranslated', () => {
    const ja = messages('ja');
    const same = Object.keys(en).filter(
      (key) => ja[key]?.message === en[key]?.message && /[a-z]{4,}/u.test(en[key]?.message ?? ''),
    );
    // Names and codes are the same in every language.
    expect(same.sort()).toEqual(['extName'].sort());
  });
});
