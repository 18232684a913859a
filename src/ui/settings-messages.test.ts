import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages } from '../../tests/locale-text';
import { malformedImport } from '../../tests/malformed-imports';
import { readImport } from '../settings/foreign';
import type { Message } from '../settings/message';
import { repairSettings } from '../settings/repair';
import { defaultSettings } from '../settings/schema';
import { fetchRules } from '../settings/subscriptions';
import { decodeSync, planSync } from '../settings/sync-layout';
import { planImport, readSettingsFile } from '../settings/transfer';

/** Three ASCII words in a row: an English sentence (a path like lists[0].id or a quoted value is not one). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/u;

/** What a JSON file itself writes, the same in every language. */
const JSON_WORDS = /\b(true|false|null)\b/gu;

const SRC = resolve(import.meta.dirname, '..');

/** Every TypeScript file of the extension but tests. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The keys the modules make messages of: `msg('key'`, `countMsg(n, 'one', 'other')`, schema checks' `'msg_…'`. */
function keysInUse(): string[] {
  const keys = new Set<string>();
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bmsg\(\s*'(\w+)'/gu)) keys.add(m[1] as string);
    for (const m of text.matchAll(/countMsg\([^,]+,\s*'(\w+)',\s*'(\w+)'/gu))
      keys.add(m[1] as string).add(m[2] as string);
    for (const m of text.matchAll(/'(msg_\w+)'/gu)) keys.add(m[1] as string);
  }
  return [...keys].sort();
}

async function i18nIn(lang: string) {
  const messages = localeMessages(lang);
  fakeBrowser.i18n.getMessage = ((name: string) =>
    messages[name]?.message ?? '') as typeof fakeBrowser.i18n.getMessage;
  vi.resetModules();
  return import('./i18n');
}

afterEach(async () => {
  await i18nIn('en');
});

const markers = (text: string) => [...text.matchAll(/\{\d\}/gu)].map((m) => m[0]).sort();

describe('the settings’ messages in the user’s language', () => {
  const keys = keysInUse();
  const en = localeMessages('en');
  const ja = localeMessages('ja');

  it('every key a module makes a message of is in both locales, with the same substitutions', () => {
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      expect(en[key], `en ${key}`).toBeDefined();
      expect(ja[key], `ja ${key}`).toBeDefined();
      expect(markers(ja[key]?.message ?? ''), key).toEqual(markers(en[key]?.message ?? ''));
    }
  });

  it('in Japanese, no message is an English sentence, whatever its values', async () => {
    const { messageText } = await i18nIn('ja');
    for (const key of keys) {
      const n = markers(en[key]?.message ?? '').length;
      const said = { key, params: Array.from({ length: n }, (_, i) => (i % 2 ? 3 : '値')) } as Message;
      const text = messageText(said);
      expect(text, key).not.toMatch(ENGLISH_SENTENCE);
      expect(text, key).not.toContain('{');
    }
  });

  /** What the modules say on real input: a file that does not read, a damaged copy, a failed fetch. */
  async function saidOnRealInput(): Promise<Message[]> {
    const said: Message[] = [];
    for (const text of [...fc.sample(malformedImport, { numRuns: 300, seed: 19 }), '{"lists": ', '[]', '{']) {
      const read = readSettingsFile(text);
      if (!read.ok) said.push(...read.errors);
    }
    const customSite = {
      id: 'custom-catalog-example',
      name: 'catalog.example',
      origin: 'https://catalog.example',
      entrySelector: 'article.item',
      tagSelector: '.tags a',
    };
    for (const entrySelector of [
      'a{}',
      'a;b',
      '@x',
      'a/**/b',
      'a<!--',
      'a\nb',
      'a\\',
      'a[x',
      '',
      'a'.repeat(301),
    ]) {
      const settings = { ...defaultSettings(), customSites: [{ ...customSite, entrySelector }] };
      const read = readSettingsFile(JSON.stringify({ format: 'tagveil', version: 2, settings }));
      if (!read.ok) said.push(...read.errors);
    }
    for (const [text, format] of [
      ['{"tagBlacklist": 5}', 'ao3-savior'],
      ['{}', 'ao3-savior'],
      ['{"tagBlacklist": ["a"], "summaryBlacklist": ["b"]}', 'ao3-savior'],
      ['gore\n-vanilla\n/(a+)+$/\n', 'booru'],
      ['-vanilla\n', 'booru'],
      ['\n', 'plain'],
      ['x'.repeat(6 * 1024 * 1024), 'plain'],
    ] as const) {
      const read = readImport(text, format, { booru: 'ブラックリスト', plain: 'タグ' });
      if (read.ok) {
        said.push(...read.incoming.notes);
        const current = defaultSettings();
        current.lists.push({
          id: 'booru-blacklist',
          name: 'Mine',
          enabled: true,
          action: 'hide',
          patterns: ['gore'],
        });
        said.push(...planImport(current, read.incoming, 'merge').changes);
        said.push(
          ...planImport(current, { ...read.incoming, settings: defaultSettings() }, 'replace').changes,
        );
      } else said.push(...read.errors);
    }
    said.push(
      ...repairSettings({
        enabled: 'yes',
        sites: { ao3: 'on' },
        lists: [
          {
            id: 'a',
            name: 'x'.repeat(300),
            enabled: 1,
            action: 'remove',
            patterns: ['y'.repeat(600), 7],
            source: 3,
          },
          { id: 'a', name: 'B', enabled: true, action: 'hide', patterns: [], snoozedUntil: 9e15, sites: [1] },
          'not a list',
        ],
        exceptions: 'gore',
        aliases: [[1, 'a']],
        refill: 'sometimes',
        badge: 'no',
        customSites: [{}],
      }).problems,
      ...repairSettings('oops').problems,
      ...repairSettings({ lists: 5 }).problems,
    );
    const big = defaultSettings();
    big.lists.push({
      id: 'big',
      name: 'Big',
      enabled: true,
      action: 'hide',
      patterns: Array.from({ length: 9000 }, (_, i) => `rule number ${i} ${'z'.repeat(40)}`),
    });
    const reason = planSync(big, 1).reason;
    if (reason) said.push(reason);
    const damaged = decodeSync({ 'tagveil-settings-meta': 'x' });
    if (damaged.kind === 'damaged') said.push(damaged.message);
    for (const fetchFn of [
      async () => new Response('', { status: 500 }),
      async () => new Response('{"format":"tagveil","version":2,"lists":[{"id":1}]}'),
      async () => new Response(JSON.stringify({ tagBlacklist: ['x'.repeat(600), 'Netorare'] })),
      async () =>
        new Response(
          JSON.stringify({ tagBlacklist: ['x'.repeat(600), `y${'x'.repeat(600)}`, `z${'x'.repeat(600)}`] }),
        ),
    ]) {
      const fetched = await fetchRules('https://lists.example/a.txt', fetchFn);
      if (!fetched.ok) said.push(fetched.error);
      else if (fetched.note) said.push(fetched.note);
    }
    return said;
  }

  it('what import, repair, sync and subscriptions say on real input is Japanese in Japanese', async () => {
    const said = await saidOnRealInput();
    expect(said.length).toBeGreaterThan(40);
    const { messageText } = await i18nIn('ja');
    for (const message of said) {
      const text = messageText(message);
      expect(text, JSON.stringify(message)).not.toMatch(ENGLISH_SENTENCE);
      expect(text.length, JSON.stringify(message)).toBeGreaterThan(1);
    }
  });

  it('the types an import error names are words of the language too', async () => {
    const file = (settings: unknown) => JSON.stringify({ format: 'tagveil', version: 2, settings });
    const wrong = {
      ...defaultSettings(),
      enabled: 'yes',
      sites: [],
      exceptions: 'gore',
      aliases: [[1, 2]],
      lists: [{ id: 'a', name: 3, enabled: true, action: 'hide', patterns: {} }],
      customSites: [{ id: 'custom-a', name: 'a', origin: 5, entrySelector: 'a', tagSelector: 'b' }],
      pausedUntil: 'soon',
    };
    const read = readSettingsFile(file(wrong));
    const expected = (read.ok ? [] : read.errors).filter((m) => m.key === 'msg_fileExpected');
    expect(expected.length).toBeGreaterThan(6);
    const { messageText } = await i18nIn('ja');
    for (const said of expected) {
      // Where and what was found are the file's own text; the type between them is a word.
      const text = messageText({ ...said, params: ['場所', said.params[1] as Message, '値'] });
      expect(text.replace(JSON_WORDS, ''), JSON.stringify(said)).not.toMatch(/[A-Za-z]{3,}/u);
    }
    for (const key of keys.filter((k) => k.startsWith('msg_type') && k !== 'msg_typeOther'))
      expect(messageText({ key, params: [] } as unknown as Message).replace(JSON_WORDS, ''), key).not.toMatch(
        /[A-Za-z]{3,}/u,
      );
  });

  it('a list an import or a repair names is named in the user’s language', async () => {
    const { importListNames } = await i18nIn('ja');
    const names = importListNames();
    expect(names).toEqual({ booru: ja.listName_booru?.message, plain: ja.listName_plain?.message });
    for (const [text, format] of [
      ['big_breasts\n-vanilla', 'booru'],
      ['gore, guro', 'plain'],
    ] as const) {
      const read = readImport(text, format, names);
      if (!read.ok) throw new Error(format);
      expect(read.incoming.lists.map((l) => l.name)).toEqual([names[format]]);
      expect(names[format]).not.toBe(en[`listName_${format}`]?.message);
    }
    // A stored list that lost its name gets one, in the language of the page that read it.
    fakeBrowser.reset();
    const damaged = {
      ...defaultSettings(),
      lists: [{ id: 'a', enabled: true, action: 'hide', patterns: ['x'] }],
    };
    await fakeBrowser.storage.sync.set(
      planSync(damaged as unknown as ReturnType<typeof defaultSettings>, 1).items,
    );
    const { loadSettings } = await import('../settings/store');
    const loaded = await loadSettings();
    expect(loaded.settings.lists[0]?.name).toBe('リスト 1');
    fakeBrowser.reset();
  });

  it('a problem an older version stored in words is shown as it is', async () => {
    const { messageText } = await i18nIn('ja');
    expect(messageText('lists[0].action: invalid value "remove" replaced by "hide"')).toBe(
      'lists[0].action: invalid value "remove" replaced by "hide"',
    );
    expect(messageText({ key: 'msg_fromANewerVersion', params: ['lists[0]', 3] } as unknown as Message)).toBe(
      'lists[0] 3',
    );
  });
});
