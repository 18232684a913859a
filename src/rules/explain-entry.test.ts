import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explain } from './explain';
import { parseRule, type Rule } from './parse';

const locale = (lang: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;

/** The options page's words for explanations, as a browser set to `lang` gives them. */
async function wordsIn(lang: string) {
  const messages = locale(lang);
  fakeBrowser.i18n.getMessage = ((name: string) =>
    messages[name]?.message ?? '') as typeof fakeBrowser.i18n.getMessage;
  vi.resetModules();
  return (await import('../ui/i18n')).explainWords();
}

afterEach(async () => {
  await wordsIn('en');
});

function rule(line: string): Rule {
  const parsed = parseRule(line);
  if (!parsed.ok || !parsed.rule) throw new Error(`${line} did not parse`);
  return parsed.rule;
}

describe('an entry rule explained in words', () => {
  it('says in English which one entry it hides, by site, kind and id', () => {
    expect(explain(rule('entry:ao3/12345'), 'hide')).toBe('Hides the AO3 work 12345, whatever its tags.');
    expect(explain(rule('entry:ehentai/123/abcdef0123'), 'blur')).toBe(
      'Blurs the E-Hentai gallery 123/abcdef0123, whatever its tags.',
    );
    expect(explain(rule('entry:ao3/12345 # A title'), 'hide')).toBe(
      'Hides the AO3 work 12345, whatever its tags. Shows “A title” as the reason.',
    );
  });

  it('keeps the id as written (a link’s path keeps its case)', () => {
    expect(explain(rule('entry:custom-example-com//Works/AbC'), 'hide')).toBe(
      'Hides the custom-example-com entry /Works/AbC, whatever its tags.',
    );
  });

  it('says among exceptions that it keeps nothing', () => {
    expect(explain(rule('entry:ao3/12345'))).toMatch(
      /^Names the AO3 work 12345: among exceptions it keeps nothing/u,
    );
  });

  it('reads as one Japanese sentence, with no English in it', async () => {
    const words = await wordsIn('ja');
    const hidden = explain(rule('entry:ao3/12345'), 'hide', words);
    expect(hidden).toBe('AO3の作品 12345を、タグにかかわらず非表示にします。');
    expect(explain(rule('entry:nhentai/177013 # 題名'), 'blur', words)).toBe(
      'nhentaiのギャラリー 177013を、タグにかかわらずぼかしにします。理由として「題名」を表示します。',
    );
    expect(explain(rule('entry:ao3/1'), undefined, words)).toMatch(/^AO3の作品 1を指しています。/u);
    for (const text of [hidden, explain(rule('entry:danbooru/5'), 'label', words)])
      expect(text).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}|matching|entries/u);
  });
});
