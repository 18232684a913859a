import { browser } from 'wxt/browser';
import { ACTIONS, type Action } from '@/src/rules/types';
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from '@/src/settings/foreign';
import { applyImport, type Preview, previewImport } from '@/src/settings/importer';
import { originPattern, type Settings } from '@/src/settings/schema';
import { exportSettings, type ImportMode } from '@/src/settings/transfer';
import { h } from '@/src/ui/dom';
import { actionName, t } from '@/src/ui/i18n';
import {
  clearNotice,
  download,
  newListId,
  noticeFor,
  refreshSubscription,
  render,
  save,
  say,
  section,
  today,
} from './shared';

// The options page's Import and export, and Subscriptions sections.

export const importState: {
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
  clearNotice('import');
  render();
}

export function transferSection(settings: Settings): HTMLElement {
  return section(
    'transfer',
    t('transferHeading'),
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

export function subscriptionsSection(): HTMLElement {
  return section(
    'subscriptions',
    t('subscriptionsHeading'),
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
