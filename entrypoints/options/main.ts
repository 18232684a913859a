import { browser } from 'wxt/browser';
import { compile } from '@/src/rules/compile';
import { PRESETS, type Preset } from '@/src/rules/presets';
import { ACTIONS, type Action, type Tag } from '@/src/rules/types';
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from '@/src/settings/foreign';
import { applyImport, type Preview, previewImport } from '@/src/settings/importer';
import {
  type Blocklist,
  type CustomSite,
  isPaused,
  originPattern,
  type Settings,
} from '@/src/settings/schema';
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
import { exportLists, exportSettings, freeId, type ImportMode } from '@/src/settings/transfer';
import { customSiteId, selectorProblem } from '@/src/sites/custom';
import { SITES } from '@/src/sites/registry';
import { checkboxLabel, refillSelect } from '@/src/ui/controls';
import { h } from '@/src/ui/dom';
import {
  actionName,
  type MessageKey,
  presetDescription,
  presetName,
  setDocumentLanguage,
  t,
  uiLanguage,
} from '@/src/ui/i18n';
import { checkLines, mergeEdit } from '@/src/ui/rule-lines';
import { type Draft, ruleEditor } from './editor';

const SNOOZES: [MessageKey, number][] = [
  ['snooze1h', 60 * 60 * 1000],
  ['snooze1d', 24 * 60 * 60 * 1000],
  ['snooze1w', 7 * 24 * 60 * 60 * 1000],
];

const app = document.getElementById('app') as HTMLElement;
let loaded: LoadedSettings | null = null;
let backup: Backup | null = null;
const drafts = new Map<string, Draft>();
/** Origins the user granted, to show which added sites still wait for permission. */
let grantedOrigins = new Set<string>();

async function refreshGranted(): Promise<void> {
  grantedOrigins = new Set((await browser.permissions.getAll()).origins ?? []);
}
const notices = new Map<string, { text: string; error: boolean }>();
const importState: {
  text: string;
  name: string;
  format: ImportFormat;
  mode: ImportMode;
  pasteOpen: boolean;
} = {
  pasteOpen: false,
  text: '',
  name: '',
  format: 'tagveil',
  mode: 'merge',
};
const testState = { tags: '', title: '' };

function say(section: string, text: string, error = false): void {
  notices.set(section, { text, error });
}

function noticeFor(section: string): HTMLElement | null {
  const n = notices.get(section);
  return n
    ? h('p', { id: `notice-${section}`, class: n.error ? 'problem' : 'ok', role: 'status' }, n.text)
    : null;
}

async function save(section: string, change: (s: Settings) => void, done?: string): Promise<Settings | null> {
  try {
    const settings = await updateSettings(change);
    if (done) say(section, done);
    return settings;
  } catch (error) {
    say(section, t('couldNotSave', error instanceof Error ? error.message : String(error)), true);
    render();
    return null;
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

// ── Storage ──────────────────────────────────────────────────────────────────────────────────────────

function storageSection(loaded: LoadedSettings): HTMLElement {
  const status = storageStatus(loaded);
  return h(
    'section',
    { id: 'storage', 'aria-labelledby': 'storage-h' },
    h('h2', { id: 'storage-h' }, t('storageHeading')),
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
          h('p', { class: 'problem' }, t('storedLocally', status.reason ?? '')),
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
    ...loaded.problems.map((p) => h('p', { class: 'problem', role: 'alert' }, t('settingsRepaired', p))),
    backup
      ? h(
          'div',
          { class: 'card', id: 'backup' },
          h('p', {}, t('backupKept', formatTime(backup.savedAt), backup.problems.join('; '))),
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

// ── Lists ────────────────────────────────────────────────────────────────────────────────────────────

function actionSelect(value: Action, label: string, onChange: (a: Action) => void): HTMLSelectElement {
  return h(
    'select',
    {
      'aria-label': label,
      onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value as Action),
    },
    ...ACTIONS.map((a) => h('option', { value: a, selected: a === value }, actionName(a))),
  );
}

function changeList(id: string, change: (l: Blocklist) => void, done?: string): void {
  void save(
    'lists',
    (s) => {
      const list = s.lists.find((l) => l.id === id);
      if (list) change(list);
    },
    done,
  );
}

function siteScope(list: Blocklist): HTMLElement {
  const all = list.sites === undefined;
  return h(
    'fieldset',
    {},
    h('legend', {}, t('sitesOf', list.name)),
    h(
      'label',
      {},
      h('input', {
        type: 'checkbox',
        checked: all,
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          changeList(list.id, (l) => {
            if (on) delete l.sites;
            else l.sites = SITES.map((s) => s.id);
          });
        },
      }),
      t('allSites'),
    ),
    ...SITES.map((site) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          disabled: all,
          checked: all || (list.sites?.includes(site.id) ?? false),
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            changeList(list.id, (l) => {
              const sites = new Set(l.sites ?? []);
              if (on) sites.add(site.id);
              else sites.delete(site.id);
              l.sites = SITES.map((s) => s.id).filter((id) => sites.has(id));
            });
          },
        }),
        site.name,
      ),
    ),
  );
}

function snoozeControl(list: Blocklist): HTMLElement {
  if (list.snoozedUntil !== undefined && list.snoozedUntil > Date.now()) {
    return h(
      'span',
      { class: 'row' },
      t('listPausedUntil', formatTime(list.snoozedUntil)),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () =>
            changeList(list.id, (l) => {
              delete l.snoozedUntil;
            }),
        },
        t('resume'),
      ),
    );
  }
  return h(
    'select',
    {
      'aria-label': t('pauseList', list.name),
      onchange: (e: Event) => {
        const ms = Number((e.target as HTMLSelectElement).value);
        if (ms > 0)
          changeList(list.id, (l) => {
            l.snoozedUntil = Date.now() + ms;
          });
      },
    },
    h('option', { value: '0', selected: true }, t('activeNow')),
    ...SNOOZES.map(([key, ms]) => h('option', { value: String(ms) }, t(key))),
  );
}

function moveList(id: string, by: -1 | 1): void {
  void save('lists', (s) => {
    const i = s.lists.findIndex((l) => l.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= s.lists.length) return;
    const [list] = s.lists.splice(i, 1);
    if (list) s.lists.splice(j, 0, list);
  });
}

function listCard(list: Blocklist, index: number, count: number): HTMLElement {
  const source = list.source;
  return h(
    'article',
    { class: 'card', 'aria-label': list.name, 'data-list': list.id },
    h(
      'div',
      { class: 'fields' },
      h('input', {
        type: 'text',
        value: list.name,
        'aria-label': t('listName'),
        maxlength: 100,
        onchange: (e: Event) => {
          const name = (e.target as HTMLInputElement).value.trim();
          if (name) changeList(list.id, (l) => void Object.assign(l, { name }));
        },
      }),
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          checked: list.enabled,
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            changeList(list.id, (l) => {
              l.enabled = on;
            });
          },
        }),
        t('listOn'),
      ),
      actionSelect(list.action, t('actionOf', list.name), (a) =>
        changeList(list.id, (l) => {
          l.action = a;
        }),
      ),
      snoozeControl(list),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: index === 0,
          'aria-label': t('moveUp', list.name),
          onclick: () => moveList(list.id, -1),
        },
        '↑',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: index === count - 1,
          'aria-label': t('moveDown', list.name),
          onclick: () => moveList(list.id, 1),
        },
        '↓',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'aria-label': t('exportList', list.name),
          onclick: () => download(`tagveil-${list.id}-${today()}.json`, exportLists([list])),
        },
        t('export'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'aria-label': t('deleteList', list.name),
          onclick: () => {
            if (!confirm(t('confirmDelete', list.name, list.patterns.length))) return;
            void save(
              'lists',
              (s) => {
                s.lists = s.lists.filter((l) => l.id !== list.id);
              },
              t('deleted', list.name),
            );
          },
        },
        t('delete'),
      ),
    ),
    siteScope(list),
    source
      ? h(
          'div',
          { class: 'stack' },
          h('p', {}, t('subscribedTo', source.url)),
          h(
            'p',
            { class: 'muted' },
            source.updatedAt ? t('lastUpdated', formatTime(source.updatedAt)) : t('neverUpdated'),
          ),
          source.error ? h('p', { class: 'problem', role: 'alert' }, t('updateFailed', source.error)) : null,
          h(
            'div',
            { class: 'row' },
            h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => void refreshSubscription(list.id) },
              t('updateNow'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () =>
                  changeList(list.id, (l) => {
                    delete l.source;
                  }),
              },
              t('unsubscribe'),
            ),
          ),
        )
      : null,
    ruleEditor({
      key: `list-${list.id}`,
      name: list.name,
      stored: list.patterns,
      drafts,
      action: list.action,
      readOnly: source !== undefined,
      save: async (good, base) => {
        const settings = await updateSettings((s) => {
          const target = s.lists.find((l) => l.id === list.id);
          if (target) target.patterns = mergeEdit(base, good, target.patterns);
        });
        return settings.lists.find((l) => l.id === list.id)?.patterns ?? good;
      },
    }),
  );
}

function newListId(settings: Settings, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
  return freeId(slug || 'list', new Set(settings.lists.map((l) => l.id)));
}

function listsSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { id: 'lists', 'aria-labelledby': 'lists-h' },
    h('h2', { id: 'lists-h' }, t('blocklists')),
    h('p', { class: 'muted' }, t('listsHelp')),
    h(
      'div',
      { class: 'lists' },
      ...settings.lists.map((list, i) => listCard(list, i, settings.lists.length)),
    ),
    h(
      'form',
      {
        class: 'fields',
        id: 'new-list',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const form = e.currentTarget as HTMLFormElement;
          const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
          const action = (form.elements.namedItem('action') as HTMLSelectElement).value as Action;
          if (!name) return;
          void save(
            'lists',
            (s) => {
              s.lists.push({ id: newListId(s, name), name, enabled: true, action, patterns: [] });
            },
            t('created', name),
          );
        },
      },
      h('input', {
        type: 'text',
        name: 'name',
        'aria-label': t('newListName'),
        placeholder: t('newListName'),
        required: true,
        maxlength: 100,
      }),
      h(
        'select',
        { name: 'action', 'aria-label': t('newListAction') },
        ...ACTIONS.map((a) => h('option', { value: a }, actionName(a))),
      ),
      h('button', { type: 'submit' }, t('createList')),
    ),
    noticeFor('lists'),
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

function testResult(settings: Settings): HTMLElement[] {
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
  if (verdict.action === null) return [h('p', {}, t('testNothing'))];
  return [
    h('p', { class: 'problem' }, t('testWould', actionName(verdict.action))),
    h(
      'ul',
      { class: 'plain' },
      ...verdict.reasons.map((r) =>
        h('li', {}, t('testReason', r.rule, r.listName, actionName(r.action), r.tag?.name ?? r.text ?? '')),
      ),
    ),
  ];
}

function testSection(settings: Settings): HTMLElement {
  const result = h('div', { id: 'test-result', 'aria-live': 'polite' }, ...testResult(settings));
  const update = () => result.replaceChildren(...testResult(settings));
  return h(
    'section',
    { id: 'test', 'aria-labelledby': 'test-h' },
    h('h2', { id: 'test-h' }, t('testHeading')),
    h(
      'label',
      { class: 'stack' },
      t('testTags'),
      h('input', {
        type: 'text',
        id: 'test-tags',
        value: testState.tags,
        placeholder: 'female:netorare, vanilla',
        oninput: (e: Event) => {
          testState.tags = (e.target as HTMLInputElement).value;
          update();
        },
      }),
    ),
    h(
      'label',
      { class: 'stack' },
      t('testTitle'),
      h('input', {
        type: 'text',
        id: 'test-title',
        value: testState.title,
        oninput: (e: Event) => {
          testState.title = (e.target as HTMLInputElement).value;
          update();
        },
      }),
    ),
    result,
  );
}

// ── Presets, exceptions, aliases ─────────────────────────────────────────────────────────────────────

function presetCard(preset: Preset, settings: Settings): HTMLElement {
  const list = settings.lists.find((l) => l.id === preset.id);
  const on = list?.enabled === true;
  const name = presetName(preset.id);
  return h(
    'article',
    { class: 'card', 'aria-label': name },
    h('h3', {}, name),
    h('p', {}, presetDescription(preset.id)),
    h(
      'p',
      { class: 'preset-rules' },
      preset.patterns.slice(0, 10).join(' · ') + (preset.patterns.length > 10 ? ' …' : ''),
    ),
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
                });
            },
            on ? t('presetOff', name) : t('presetOn', name),
          ),
      },
      on ? t('switchOff') : list ? t('switchOn') : t('addPreset'),
    ),
  );
}

function presetsSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { id: 'presets', 'aria-labelledby': 'presets-h' },
    h('h2', { id: 'presets-h' }, t('presetsHeading')),
    h('div', { class: 'presets' }, ...PRESETS.map((p) => presetCard(p, settings))),
    noticeFor('presets'),
  );
}

function exceptionsSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { id: 'exceptions', 'aria-labelledby': 'exceptions-h' },
    h('h2', { id: 'exceptions-h' }, t('exceptions')),
    h('p', { class: 'muted' }, t('exceptionsHelp')),
    ruleEditor({
      key: 'exceptions',
      name: t('exceptions'),
      stored: settings.exceptions,
      drafts,
      save: async (good, base) =>
        (
          await updateSettings((s) => {
            s.exceptions = mergeEdit(base, good, s.exceptions);
          })
        ).exceptions,
    }),
  );
}

function aliasesSection(settings: Settings): HTMLElement {
  const textarea = h('textarea', { id: 'aliases-text', rows: 5, 'aria-label': t('aliasesLabel') });
  textarea.value = drafts.get('aliases')?.text ?? settings.aliases.map((g) => g.join(' = ')).join('\n');
  textarea.addEventListener('input', () => drafts.set('aliases', { base: [], text: textarea.value }));
  return h(
    'section',
    { id: 'aliases', 'aria-labelledby': 'aliases-h' },
    h('h2', { id: 'aliases-h' }, t('aliasesHeading')),
    h('p', { class: 'muted' }, t('aliasesHelp')),
    textarea,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            const lines = textarea.value
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
            drafts.delete('aliases');
            void save(
              'aliases',
              (s) => {
                s.aliases = groups;
              },
              t('savedAliases', groups.length),
            ).then(render);
          },
        },
        t('saveAliases'),
      ),
      noticeFor('aliases'),
    ),
  );
}

// ── Sites and behaviour ──────────────────────────────────────────────────────────────────────────────

function toggle(
  id: string,
  label: string,
  checked: boolean,
  write: (s: Settings, on: boolean) => void,
): HTMLElement {
  return checkboxLabel({ id, checked }, label, (on) => void save('behaviour', (s) => write(s, on)));
}

function sitesSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { id: 'sites', 'aria-labelledby': 'sites-h' },
    h('h2', { id: 'sites-h' }, t('sitesHeading')),
    h(
      'ul',
      { class: 'plain' },
      ...SITES.map((site) =>
        h(
          'li',
          {},
          toggle(`site-${site.id}`, site.name, settings.sites[site.id] !== false, (s, on) => {
            s.sites[site.id] = on;
          }),
          h(
            'span',
            { class: 'muted' },
            ` ${[...new Set(site.matches.map((m) => new URL(m.replace('*.', '')).host))].join(', ')}`,
          ),
        ),
      ),
    ),
    h('p', { class: 'muted' }, t('otherSites')),
    customSitesPart(settings),
  );
}

/** The origin the popup asked for ("Use Tagveil on this site"), to prefill the form. */
const ASKED_SITE = new URLSearchParams(location.search).get('site') ?? '';

function customSitesPart(settings: Settings): HTMLElement {
  return h(
    'div',
    { id: 'custom-sites', class: 'stack', style: 'gap: var(--space-3)' },
    h('h3', {}, t('customSitesHeading')),
    h('p', { class: 'muted' }, t('customSitesHelp')),
    h(
      'ul',
      { class: 'plain' },
      ...settings.customSites.map((site) =>
        h(
          'li',
          { class: 'row' },
          h('span', {}, h('strong', {}, site.name), ` ${site.entrySelector} → ${site.tagSelector}`),
          grantedOrigins.has(originPattern(site.origin))
            ? null
            : h(
                'span',
                { class: 'row' },
                h('span', { class: 'problem' }, t('customWaiting', site.name)),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    // A user gesture: the browser asks about this one origin.
                    onclick: () =>
                      void browser.permissions.request({ origins: [originPattern(site.origin)] }),
                  },
                  t('allowSite'),
                ),
              ),
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': t('removeSite', site.name),
              onclick: () =>
                void save(
                  'sites',
                  (s) => {
                    s.customSites = s.customSites.filter((c) => c.id !== site.id);
                  },
                  t('customRemoved', site.name),
                ).then(() =>
                  // Give the site back; an origin granted another way (the manifest) cannot be, and stays.
                  browser.permissions.remove({ origins: [originPattern(site.origin)] }).catch(() => false),
                ),
            },
            t('delete'),
          ),
        ),
      ),
    ),
    h(
      'form',
      { class: 'stack', id: 'custom-site-form', onsubmit: addCustomSite },
      h(
        'label',
        { class: 'stack' },
        t('customOrigin'),
        h('input', {
          type: 'url',
          name: 'origin',
          required: true,
          value: ASKED_SITE,
          placeholder: 'https://catalog.example',
        }),
      ),
      h(
        'label',
        { class: 'stack' },
        t('customEntry'),
        h('input', { type: 'text', name: 'entry', required: true, placeholder: 'article.work' }),
      ),
      h(
        'label',
        { class: 'stack' },
        t('customTags'),
        h('input', { type: 'text', name: 'tags', required: true, placeholder: '.tags a' }),
      ),
      h(
        'label',
        { class: 'stack' },
        t('customTitle'),
        h('input', { type: 'text', name: 'title', placeholder: 'h2' }),
      ),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, t('addCustomSite'))),
    ),
    noticeFor('sites'),
  );
}

function addCustomSite(event: Event): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  let origin: string;
  try {
    const url = new URL(value('origin'));
    if (url.protocol !== 'https:') throw new Error('not https');
    origin = url.origin;
  } catch {
    say('sites', t('originBad'), true);
    render();
    return;
  }
  const selectors: [string, string][] = [
    [t('customEntry'), value('entry')],
    [t('customTags'), value('tags')],
    ...(value('title') ? [[t('customTitle'), value('title')] as [string, string]] : []),
  ];
  for (const [label, selector] of selectors) {
    const problem = selectorProblem(selector);
    if (problem) {
      say('sites', t('selectorBad', label, problem), true);
      render();
      return;
    }
  }
  const host = new URL(origin).host;
  // Asked while the click is still a user gesture: the browser shows its own prompt for this one origin.
  void browser.permissions.request({ origins: [originPattern(origin)] }).then((granted) => {
    if (!granted) {
      say('sites', t('customNotGranted', host), true);
      render();
      return;
    }
    void save(
      'sites',
      (s) => {
        const site: CustomSite = {
          id: customSiteId(origin),
          name: host,
          origin,
          entrySelector: value('entry'),
          tagSelector: value('tags'),
          ...(value('title') ? { titleSelector: value('title') } : {}),
        };
        s.customSites = [...s.customSites.filter((c) => c.id !== site.id), site];
      },
      t('customAdded', host),
    );
  });
}

function behaviourSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { id: 'behaviour', 'aria-labelledby': 'behaviour-h' },
    h('h2', { id: 'behaviour-h' }, t('behaviourHeading')),
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
    toggle('complete-tags', t('completeTags'), settings.completeTags, (s, on) => {
      s.completeTags = on;
    }),
    refillSelect(settings.refill, (value) => {
      void save('behaviour', (s) => {
        s.refill = value;
      });
    }),
    noticeFor('behaviour'),
  );
}

// ── Import, export, subscriptions ────────────────────────────────────────────────────────────────────

const FORMAT_KEYS: Record<ImportFormat, 'formatTagveil' | 'formatSavior' | 'formatBooru' | 'formatPlain'> = {
  tagveil: 'formatTagveil',
  'ao3-savior': 'formatSavior',
  booru: 'formatBooru',
  plain: 'formatPlain',
};

function previewBox(settings: Settings): HTMLElement | null {
  if (!importState.text) return null;
  const preview: Preview = previewImport(settings, importState.text, importState.format, importState.mode);
  if (!preview.ok) {
    return h(
      'div',
      { id: 'import-errors', class: 'card', role: 'alert' },
      h('p', { class: 'problem' }, t('importRefused', importState.name || t('pastedText'))),
      h('ul', { class: 'plain errors' }, ...preview.errors.slice(0, 30).map((e) => h('li', {}, e))),
    );
  }
  return h(
    'div',
    { id: 'import-preview', class: 'card' },
    h('p', {}, t('importWillDo')),
    h('ul', {}, ...preview.plan.changes.map((c) => h('li', {}, c))),
    ...preview.notes.map((n) => h('p', { class: 'muted' }, n)),
    h(
      'button',
      {
        type: 'button',
        id: 'import-apply',
        onclick: () => {
          void applyImport(importState.text, importState.format, importState.mode).then(
            (result) => {
              if (result.ok) {
                say('import', t('imported', result.plan.changes.length));
                importState.text = '';
                importState.name = '';
              } else say('import', result.errors.join('\n'), true);
              render();
            },
            (error: unknown) => {
              say('import', t('couldNotSave', String(error)), true);
              render();
            },
          );
        },
      },
      t('applyImport'),
    ),
  );
}

function setImportText(text: string, name: string): void {
  importState.text = text;
  importState.name = name;
  importState.format = detectFormat(text);
  notices.delete('import');
  render();
}

function transferSection(settings: Settings): HTMLElement {
  return h(
    'section',
    { id: 'transfer', 'aria-labelledby': 'transfer-h' },
    h('h2', { id: 'transfer-h' }, t('transferHeading')),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'export-all',
          onclick: () => download(`tagveil-settings-${today()}.json`, exportSettings(settings)),
        },
        t('exportAll'),
      ),
    ),
    h(
      'label',
      { class: 'stack' },
      t('importFile'),
      h('input', {
        type: 'file',
        id: 'import-file',
        accept: '.json,.txt,.js,application/json,text/plain',
        onchange: (e: Event) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) void file.text().then((text) => setImportText(text, file.name));
        },
      }),
    ),
    h(
      'details',
      {
        id: 'paste-details',
        open: importState.pasteOpen,
        ontoggle: (e: Event) => {
          importState.pasteOpen = (e.target as HTMLDetailsElement).open;
        },
      },
      h('summary', {}, t('importPaste')),
      h('textarea', {
        id: 'import-text',
        rows: 5,
        'aria-label': t('importPaste'),
        onchange: (e: Event) => setImportText((e.target as HTMLTextAreaElement).value, ''),
      }),
    ),
    h(
      'div',
      { class: 'fields' },
      h(
        'label',
        {},
        t('importFormat'),
        h(
          'select',
          {
            id: 'import-format',
            onchange: (e: Event) => {
              importState.format = (e.target as HTMLSelectElement).value as ImportFormat;
              render();
            },
          },
          ...IMPORT_FORMATS.map((f) =>
            h('option', { value: f, selected: importState.format === f }, t(FORMAT_KEYS[f])),
          ),
        ),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t('importMode')),
        ...(['merge', 'replace'] as const).map((mode) =>
          h(
            'label',
            {},
            h('input', {
              type: 'radio',
              name: 'import-mode',
              value: mode,
              checked: importState.mode === mode,
              onchange: () => {
                importState.mode = mode;
                render();
              },
            }),
            t(mode === 'merge' ? 'modeMerge' : 'modeReplace'),
          ),
        ),
      ),
    ),
    previewBox(settings),
    noticeFor('import'),
  );
}

async function refreshSubscription(listId: string): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'tagveil:refresh-subscriptions', listId });
  } catch (error) {
    say('subscriptions', t('couldNotSave', String(error)), true);
  }
  render();
}

function subscriptionsSection(): HTMLElement {
  return h(
    'section',
    { id: 'subscriptions', 'aria-labelledby': 'subscriptions-h' },
    h('h2', { id: 'subscriptions-h' }, t('subscriptionsHeading')),
    h('p', { class: 'muted' }, t('subscriptionsHelp')),
    h(
      'form',
      {
        class: 'fields',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const form = e.currentTarget as HTMLFormElement;
          const url = (form.elements.namedItem('url') as HTMLInputElement).value.trim();
          const name =
            (form.elements.namedItem('name') as HTMLInputElement).value.trim() || new URL(url).host;
          const action = (form.elements.namedItem('action') as HTMLSelectElement).value as Action;
          if (!url.startsWith('https://')) {
            say('subscriptions', t('httpsOnly'), true);
            render();
            return;
          }
          // Asked while the click is still a user gesture: the browser shows its own prompt for this host.
          void browser.permissions.request({ origins: [originPattern(url)] }).then(async (granted) => {
            if (!granted) {
              say('subscriptions', t('permissionDenied', new URL(url).host), true);
              render();
              return;
            }
            let id = '';
            await save(
              'subscriptions',
              (s) => {
                id = newListId(s, `sub-${name}`);
                s.lists.push({ id, name, enabled: true, action, patterns: [], source: { url } });
              },
              t('subscribed', name),
            );
            await refreshSubscription(id);
          });
        },
      },
      h('input', {
        type: 'url',
        name: 'url',
        required: true,
        placeholder: 'https://…',
        'aria-label': t('subscriptionUrl'),
      }),
      h('input', { type: 'text', name: 'name', 'aria-label': t('listName'), placeholder: t('listName') }),
      h(
        'select',
        { name: 'action', 'aria-label': t('newListAction') },
        ...ACTIONS.map((a) => h('option', { value: a }, actionName(a))),
      ),
      h('button', { type: 'submit' }, t('subscribe')),
    ),
    noticeFor('subscriptions'),
  );
}

// ── Page ─────────────────────────────────────────────────────────────────────────────────────────────

/** The page's sections, in the order they are shown, for the navigation. */
const SECTIONS: [string, MessageKey][] = [
  ['lists', 'blocklists'],
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

function render(): void {
  if (!loaded) return;
  const { settings } = loaded;
  // Keep the user's place: focus, caret and scroll survive a re-render (settings change anywhere).
  const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  const focusId = active?.id || null;
  const focusLabel = active?.getAttribute('aria-label');
  const caret = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  const scroll = window.scrollY;
  importState.pasteOpen =
    app.querySelector<HTMLDetailsElement>('#paste-details')?.open ?? importState.pasteOpen;
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, t('optionsTitle')),
      h(
        'nav',
        { 'aria-label': t('sectionsNav') },
        h('ul', {}, ...SECTIONS.map(([id, key]) => h('li', {}, h('a', { href: `#${id}` }, t(key))))),
      ),
    ),
    h(
      'main',
      { class: 'stack', style: 'gap: var(--space-6)' },
      listsSection(settings),
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
  const again = focusId
    ? document.getElementById(focusId)
    : focusLabel
      ? app.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focusLabel)}"]`)
      : null;
  if (again) {
    again.focus({ preventScroll: true });
    const [from, to] = caret ?? [];
    if (typeof from === 'number' && 'setSelectionRange' in again)
      (again as HTMLInputElement).setSelectionRange(from, to ?? from);
  }
  window.scrollTo({ top: scroll });
}

/**
 * Another page or device changed rules this page is editing: the unsaved text is rebuilt on the new
 * rules — their changes in, the user's additions and removals kept, lines that do not read kept at the end.
 */
function rebaseDrafts(settings: Settings): void {
  const storedFor = (key: string): string[] | undefined =>
    key === 'exceptions' ? settings.exceptions : settings.lists.find((l) => `list-${l.id}` === key)?.patterns;
  for (const [key, draft] of drafts) {
    const stored = storedFor(key);
    if (!stored || stored.join('\n') === draft.base.join('\n')) continue;
    const checked = checkLines(draft.text);
    const merged = mergeEdit(draft.base, checked.good, stored);
    drafts.set(key, { base: stored, text: [...merged, ...checked.errors.map((e) => e.text)].join('\n') });
  }
}

async function start(): Promise<void> {
  setDocumentLanguage();
  document.title = t('optionsTitle');
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

void start();
