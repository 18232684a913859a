import { Fragment, h, render as mount } from 'preact';
import { browser } from 'wxt/browser';
import { compile } from '@/src/rules/compile';
import { PRESETS, type Preset } from '@/src/rules/presets';
import type { Tag } from '@/src/rules/types';
import { isPaused, type Settings } from '@/src/settings/schema';
import {
  type Backup,
  clearBackup,
  type LoadedSettings,
  loadBackup,
  loadSettings,
  storageStatus,
  updateSettings,
  watchSettings,
} from '@/src/settings/store';
import {
  actionName,
  type MessageKey,
  messageText,
  presetDescription,
  presetName,
  setDocumentLanguage,
  t,
} from '@/src/ui/i18n';
import { mergeOrdered, rebaseText } from '../editor-model';
import { ruleEditor } from './editor';
import { hiddenSection } from './hidden';
import { exceptionsKey, listsSection } from './lists';
import {
  clearNotice,
  download,
  drafts,
  formatTime,
  kib,
  noticeFor,
  render,
  save,
  say,
  section,
  setRenderer,
  today,
  toggle,
} from './shared';
import { refreshGranted, sitesSection } from './sites';
import { subscriptionsSection, transferSection } from './transfer';
import { presetWhole } from './words';

let app: HTMLElement;
let loaded: LoadedSettings | null = null;
let backup: Backup | null = null;
const testState = { tags: '', title: '' };

// ── Storage ──────────────────────────────────────────────────────────────────────────────────────────

function storageSection(loaded: LoadedSettings) {
  const status = storageStatus(loaded);
  return section(
    'storage',
    t('storageHeading'),
    h('meter', {
      class: 'meter',
      min: 0,
      max: status.quota,
      value: status.bytes,
      high: status.quota * 0.8,
      'aria-label': t('syncUsage'),
    }),
    h('p', { id: 'sync-usage' }, t('syncUsed', kib(status.bytes), kib(status.quota))),
    status.where === 'local'
      ? h(
          'div',
          { class: 'card', id: 'sync-fallback', role: 'alert' },
          h('p', { class: 'problem' }, t('storedLocally', messageText(status.reason))),
          h('p', {}, t('whatToTrim')),
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', {}, t('list')), h('th', {}, t('size')))),
            h(
              'tbody',
              {},
              ...status.lists.map((l) =>
                h('tr', {}, h('td', {}, l.name), h('td', {}, `${kib(l.bytes)} KiB`)),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('syncExplained')),
    ...loaded.problems.map((p) =>
      h('p', { class: 'problem', role: 'alert' }, t('settingsRepaired', messageText(p))),
    ),
    backup
      ? h(
          'div',
          { class: 'card', id: 'backup' },
          h(
            'p',
            {},
            t(
              'backupKept',
              formatTime(backup.savedAt),
              backup.problems.map(messageText).join(t('listSeparator')),
            ),
          ),
          h(
            'div',
            { class: 'row' },
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => backup && download(`tagveil-original-${today()}.json`, backup.original),
              },
              t('downloadOriginal'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () =>
                  void clearBackup().then(() => {
                    backup = null;
                    render();
                  }),
              },
              t('dismiss'),
            ),
          ),
        )
      : null,
  );
}

// ── Test a tag ───────────────────────────────────────────────────────────────────────────────────────

function parseTags(text: string): Tag[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const cut = s.indexOf(':');
      return cut > 0 ? { namespace: s.slice(0, cut).trim(), name: s.slice(cut + 1).trim() } : { name: s };
    });
}

function testResult(settings: Settings) {
  const tags = parseTags(testState.tags);
  if (tags.length === 0 && !testState.title.trim()) return [h('p', { class: 'muted' }, t('testHint'))];
  const facts = { id: 'test', tags, title: testState.title, creators: [] };
  const verdict = compile(settings).judge(facts);
  const withoutExceptions = compile({ ...settings, exceptions: [] }).judge(facts);
  if (verdict.action === null && withoutExceptions.action !== null) {
    const exceptions = compile([
      { id: 'x', name: t('exceptions'), enabled: true, action: 'label', patterns: settings.exceptions },
    ]).judge(facts);
    return [
      h('p', { class: 'ok' }, t('testKept')),
      ...exceptions.reasons.map((r) => h('p', { class: 'muted' }, t('testExceptionRule', r.rule))),
    ];
  }
  const spared = sparedTags(settings, tags).map((s) =>
    h('p', { class: 'muted spared' }, t('options_testSpared', s.tag, s.listName, s.rule)),
  );
  if (verdict.action === null) return [h('p', {}, t('testNothing')), ...spared];
  return [
    h('p', { class: 'problem' }, t('testWould', actionName(verdict.action))),
    h(
      'ul',
      { class: 'plain' },
      ...verdict.reasons.map((r) =>
        h('li', {}, t('testReason', r.rule, r.listName, actionName(r.action), r.tag?.name ?? r.text ?? '')),
      ),
    ),
    ...spared,
  ];
}

/**
 * Tags a list's own exceptions took out of its sight while the list would have counted them: "“No
 * Cheating” is not counted by NTR & cheating (its exception no cheating*)". Only for the few typed tags.
 */
function sparedTags(settings: Settings, tags: Tag[]): { tag: string; listName: string; rule: string }[] {
  const out: { tag: string; listName: string; rule: string }[] = [];
  for (const list of settings.lists) {
    if (!list.enabled || !list.exceptions?.length) continue;
    const own = compile({
      lists: [{ id: 'x', name: '', enabled: true, action: 'label', patterns: list.exceptions }],
      aliases: settings.aliases,
    });
    const rules = compile({ lists: [{ ...list, exceptions: [] }], aliases: settings.aliases });
    for (const tag of tags) {
      const entry = { id: 'test', tags: [tag], title: '', creators: [] };
      const by = own.judge(entry).reasons[0];
      if (by && rules.judge(entry).action !== null)
        out.push({ tag: tag.name, listName: list.name, rule: by.rule });
    }
  }
  return out;
}

function testSection(settings: Settings) {
  const input = (key: 'tags' | 'title') => (e: Event) => {
    testState[key] = (e.currentTarget as HTMLInputElement).value;
    render();
  };
  return section(
    'test',
    t('testHeading'),
    h(
      'label',
      { class: 'stack' },
      t('testTags'),
      h('input', {
        type: 'text',
        id: 'test-tags',
        value: testState.tags,
        placeholder: 'female:netorare, vanilla',
        onInput: input('tags'),
      }),
    ),
    h(
      'label',
      { class: 'stack' },
      t('testTitle'),
      h('input', { type: 'text', id: 'test-title', value: testState.title, onInput: input('title') }),
    ),
    h('div', { id: 'test-result', 'aria-live': 'polite' }, ...testResult(settings)),
  );
}

// ── Presets, exceptions, aliases ─────────────────────────────────────────────────────────────────────

function presetCard(preset: Preset, settings: Settings) {
  const list = settings.lists.find((l) => l.id === preset.id);
  const on = list?.enabled === true;
  const name = presetName(preset.id);
  return h(
    'article',
    { class: 'card', 'aria-label': name },
    h('h3', {}, name),
    h('p', {}, presetDescription(preset.id)),
    presetWhole(preset),
    h(
      'button',
      {
        type: 'button',
        class: on ? 'secondary' : '',
        'aria-pressed': on ? 'true' : 'false',
        onclick: () =>
          void save(
            'presets',
            (s) => {
              const existing = s.lists.find((l) => l.id === preset.id);
              if (existing) existing.enabled = !on;
              else
                s.lists.push({
                  id: preset.id,
                  name,
                  enabled: true,
                  action: 'blur',
                  patterns: [...preset.patterns],
                  exceptions: [...preset.exceptions],
                  preset: { id: preset.id, version: preset.version },
                });
            },
            on ? t('presetOff', name) : t('presetOn', name),
          ),
      },
      on ? t('switchOff') : list ? t('switchOn') : t('addPreset'),
    ),
  );
}

function presetsSection(settings: Settings) {
  return section(
    'presets',
    t('presetsHeading'),
    h('div', { class: 'presets' }, ...PRESETS.map((p) => presetCard(p, settings))),
    noticeFor('presets'),
  );
}

function exceptionsSection(settings: Settings) {
  return section(
    'exceptions',
    t('exceptions'),
    h('p', { class: 'muted' }, t('exceptionsHelp')),
    ruleEditor({
      key: 'exceptions',
      name: t('exceptions'),
      stored: settings.exceptions,
      drafts,
      save: async (lines, base) =>
        (
          await updateSettings((s) => {
            s.exceptions = mergeOrdered(base, lines, s.exceptions);
          })
        ).exceptions,
    }),
  );
}

function aliasesSection(settings: Settings) {
  const text = drafts.get('aliases')?.text ?? settings.aliases.map((g) => g.join(' = ')).join('\n');
  return section(
    'aliases',
    t('aliasesHeading'),
    h('p', { class: 'muted' }, t('aliasesHelp')),
    h('textarea', {
      id: 'aliases-text',
      rows: 5,
      'aria-label': t('aliasesLabel'),
      value: text,
      onInput: (e: Event) => {
        drafts.set('aliases', { base: [], text: (e.currentTarget as HTMLTextAreaElement).value });
        clearNotice('aliases');
        render();
      },
    }),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          onClick: () => {
            const lines = text
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean);
            const groups = lines.map((l) => l.split(/\s*[=,]\s*/u).filter(Boolean));
            const bad = groups.findIndex((g) => g.length < 2);
            if (bad >= 0) {
              say('aliases', t('aliasNeedsTwo', bad + 1), true);
              render();
              return;
            }
            // The typed groups leave the box only once stored: a failed save keeps them.
            void save(
              'aliases',
              (s) => {
                s.aliases = groups;
              },
              t('savedAliases', groups.length),
            ).then((saved) => {
              if (saved) {
                drafts.delete('aliases');
                render();
              }
            });
          },
        },
        t('saveAliases'),
      ),
      noticeFor('aliases'),
    ),
  );
}

function behaviourSection(settings: Settings) {
  return section(
    'behaviour',
    t('behaviourHeading'),
    toggle('enabled', t('filteringOn'), settings.enabled, (s, on) => {
      s.enabled = on;
    }),
    isPaused(settings)
      ? h('p', { class: 'muted' }, t('pausedUntil', formatTime(settings.pausedUntil ?? 0)))
      : null,
    toggle('badge', t('badgeSetting'), settings.badge, (s, on) => {
      s.badge = on;
    }),
    toggle('audit', t('auditToggle'), settings.audit, (s, on) => {
      s.audit = on;
    }),
    toggle('hide-again', t('hideAgainOffscreen'), settings.hideAgainOffscreen, (s, on) => {
      s.hideAgainOffscreen = on;
    }),
    toggle('complete-tags', t('completeTags'), settings.completeTags, (s, on) => {
      s.completeTags = on;
    }),
    h(
      'label',
      { class: 'stack' },
      t('refillLabel'),
      h(
        'select',
        {
          id: 'refill',
          value: settings.refill,
          onChange: (e: Event) => {
            const value = (e.currentTarget as HTMLSelectElement).value as Settings['refill'];
            void save('behaviour', (s) => {
              s.refill = value;
            });
          },
        },
        h('option', { value: 'off' }, t('refillOff')),
        h('option', { value: 'offer' }, t('refillOffer')),
        h('option', { value: 'auto' }, t('refillAuto')),
      ),
    ),
    noticeFor('behaviour'),
  );
}

// ── Page ─────────────────────────────────────────────────────────────────────────────────────────────

/** The page's sections, in the order they are shown, for the navigation. */
const SECTIONS: [string, MessageKey][] = [
  ['lists', 'blocklists'],
  ['hidden', 'hidden_heading'],
  ['test', 'testHeading'],
  ['presets', 'presetsHeading'],
  ['exceptions', 'exceptions'],
  ['aliases', 'aliasesHeading'],
  ['sites', 'sitesHeading'],
  ['behaviour', 'behaviourHeading'],
  ['transfer', 'transferHeading'],
  ['subscriptions', 'subscriptionsHeading'],
  ['storage', 'storageHeading'],
];

function Page() {
  if (!loaded) return null;
  const { settings } = loaded;
  return h(
    Fragment,
    {},
    h(
      'header',
      { class: 'top' },
      h('h1', {}, t('optionsTitle')),
      h(
        'nav',
        { 'aria-label': t('sectionsNav') },
        h('ul', {}, ...SECTIONS.map(([id, key]) => h('li', { key: id }, h('a', { href: `#${id}` }, t(key))))),
      ),
    ),
    h(
      'main',
      { class: 'stack', style: 'gap: var(--space-6)' },
      listsSection(settings),
      hiddenSection(settings),
      testSection(settings),
      presetsSection(settings),
      exceptionsSection(settings),
      aliasesSection(settings),
      sitesSection(settings),
      behaviourSection(settings),
      transferSection(settings),
      subscriptionsSection(),
      storageSection(loaded),
    ),
  );
}

/** Draws the page: Preact keeps every element it can, so focus, caret, scroll and open <details> stay. */
function renderPage(): void {
  mount(h(Page, {}), app);
}

/**
 * Another page or device changed rules this page is editing: the unsaved text is rebuilt on the new
 * rules — their changes in, the user's additions and removals kept, lines that do not read kept at the end.
 */
function rebaseDrafts(settings: Settings): void {
  const storedFor = (key: string): string[] | undefined =>
    key === 'exceptions'
      ? settings.exceptions
      : (settings.lists.find((l) => `list-${l.id}` === key)?.patterns ??
        settings.lists.find((l) => exceptionsKey(l.id) === key)?.exceptions);
  for (const [key, draft] of drafts) {
    const stored = storedFor(key);
    if (!stored) continue;
    // A draft that says what is stored (a save came back) is no longer a draft.
    if (draft.text === stored.join('\n')) {
      drafts.delete(key);
      continue;
    }
    if (stored.join('\n') === draft.base.join('\n')) continue;
    drafts.set(key, { base: stored, text: rebaseText(draft.base, draft.text, stored) });
  }
}

/** Mounts the options page in #app (entrypoints/options/main.ts). */
export async function startOptions(): Promise<void> {
  setDocumentLanguage();
  document.title = t('optionsTitle');
  app = document.getElementById('app') as HTMLElement;
  setRenderer(renderPage);
  [loaded, backup] = await Promise.all([loadSettings(), loadBackup(), refreshGranted()]);
  render();
  for (const event of [browser.permissions.onAdded, browser.permissions.onRemoved])
    event.addListener(() => void refreshGranted().then(render));
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  watchSettings((next) => {
    rebaseDrafts(next.settings);
    loaded = next;
    void loadBackup().then((b) => {
      backup = b;
      render();
    });
  });
  // Unsaved rules in an editor: the browser asks before the page is closed.
  window.addEventListener('beforeunload', (event) => {
    if (drafts.size > 0) event.preventDefault();
  });
}
