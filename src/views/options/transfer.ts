import { h } from 'preact';
import { browser } from 'wxt/browser';
import { ACTIONS, type Action } from '@/src/rules/types';
import { detectFormat, IMPORT_FORMATS, type ImportFormat, readImport } from '@/src/settings/foreign';
import { type Preview, previewImport } from '@/src/settings/importer';
import { type Message, msg } from '@/src/settings/message';
import { originPattern, type Settings } from '@/src/settings/schema';
import { updateSettings } from '@/src/settings/store';
import { exportSettings, type ImportMode, type ImportPlan, planImport } from '@/src/settings/transfer';
import { actionName, errorText, importListNames, messageText, t } from '@/src/ui/i18n';
import { countChanges } from '../import-model';
import {
  clearNotice,
  download,
  giveBackOrigins,
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
  /** What the last import did, shown where its preview was until the next input. */
  report: { count: number; changes: string[]; notes: string[] } | null;
} = {
  pasteOpen: false,
  text: '',
  name: '',
  format: 'tagveil',
  mode: 'merge',
  report: null,
};

/** Time after the last keystroke in the pasted text before the preview is read again. */
const PREVIEW_DELAY_MS = 150;

const FORMAT_KEYS: Record<ImportFormat, 'formatTagveil' | 'formatSavior' | 'formatBooru' | 'formatPlain'> = {
  tagveil: 'formatTagveil',
  'ao3-savior': 'formatSavior',
  booru: 'formatBooru',
  plain: 'formatPlain',
};

let previewed: { key: unknown[]; preview: Preview } | null = null;

/** The preview, read again only when the text, format, mode or settings changed (a 270 KB paste is slow). */
function previewFor(settings: Settings): Preview {
  const key = [settings, importState.text, importState.format, importState.mode];
  if (previewed?.key.every((k, i) => k === key[i])) return previewed.preview;
  const preview = previewImport(
    settings,
    importState.text,
    importState.format,
    importState.mode,
    importListNames(),
  );
  previewed = { key, preview };
  return preview;
}

function reportBox() {
  const report = importState.report;
  if (!report) return null;
  return h(
    'div',
    { id: 'import-report', class: 'card' },
    h('p', { class: 'ok' }, t('options_importDid', report.count)),
    h('ul', {}, ...report.changes.map((c) => h('li', { key: c }, c))),
    ...report.notes.map((n) => h('p', { key: n, class: 'muted' }, n)),
  );
}

function previewBox(settings: Settings) {
  if (importState.report) return reportBox();
  if (!importState.text) return null;
  const preview = previewFor(settings);
  if (!preview.ok) {
    return h(
      'div',
      { id: 'import-errors', class: 'card', role: 'alert' },
      h('p', { class: 'problem' }, t('importRefused', importState.name || t('pastedText'))),
      h(
        'ul',
        { class: 'plain errors' },
        ...preview.errors
          .slice(0, 30)
          .map(messageText)
          .map((e) => h('li', { key: e }, e)),
      ),
    );
  }
  return h(
    'div',
    { id: 'import-preview', class: 'card' },
    h('p', {}, t('importWillDo')),
    h('ul', {}, ...preview.plan.changes.map(messageText).map((c) => h('li', { key: c }, c))),
    ...preview.notes.map(messageText).map((n) => h('p', { key: n, class: 'muted' }, n)),
    h(
      'button',
      {
        type: 'button',
        id: 'import-apply',
        onClick: () => {
          void applyImport(importState.text, importState.format, importState.mode).then(
            (result) => {
              if (result.ok) {
                // Said exactly as it was done: the plan applied, counted from the settings it changed.
                importState.report = {
                  count: result.count,
                  changes: result.plan.changes.map(messageText),
                  notes: result.notes.map(messageText),
                };
                say('import', t('imported', result.count));
              } else say('import', result.errors.map(messageText).join('\n'), true);
              render();
            },
            (error: unknown) => {
              say('import', t('couldNotSave', errorText(error)), true);
              render();
            },
          );
        },
      },
      t('applyImport'),
    ),
  );
}

/**
 * Imports on the newest stored settings (validated first, nothing written when it fails) and counts what
 * changed from the settings it was applied to (src/views/import-model.ts).
 */
async function applyImport(
  text: string,
  format: ImportFormat,
  mode: ImportMode,
): Promise<
  { ok: true; plan: ImportPlan; notes: Message[]; count: number } | { ok: false; errors: Message[] }
> {
  const read = readImport(text, format, importListNames());
  if (!read.ok) return read;
  let done: { plan: ImportPlan; before: Settings } | null = null;
  await updateSettings((settings) => {
    const before = structuredClone(settings);
    const plan = planImport(settings, read.incoming, mode);
    done = { plan, before };
    return plan.result;
  });
  const applied = done as { plan: ImportPlan; before: Settings } | null;
  if (!applied) return { ok: false, errors: [msg('msg_importNotApplied')] };
  // A Replace import without a site or subscription the settings had gives its origin back.
  giveBackOrigins(applied.before, applied.plan.result);
  return {
    ok: true,
    plan: applied.plan,
    notes: read.incoming.notes,
    count: countChanges(applied.before, applied.plan.result),
  };
}

function setImportText(text: string, name: string): void {
  importState.text = text;
  importState.name = name;
  importState.format = detectFormat(text);
  importState.report = null;
  clearNotice('import');
  render();
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;

export function transferSection(settings: Settings) {
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
        // Previewed as the user types or pastes, once typing pauses; the text stays after the import.
        onInput: (e: Event) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          clearTimeout(previewTimer);
          previewTimer = setTimeout(() => setImportText(value, ''), PREVIEW_DELAY_MS);
        },
        onchange: (e: Event) => {
          clearTimeout(previewTimer);
          setImportText((e.target as HTMLTextAreaElement).value, '');
        },
      }),
    ),
    importState.text
      ? h(
          'p',
          { class: 'muted', id: 'import-source' },
          t('options_importSource', importState.name || t('pastedText')),
        )
      : null,
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
              importState.report = null;
              render();
            },
          },
          ...IMPORT_FORMATS.map((f) =>
            h('option', { key: f, value: f, selected: importState.format === f }, t(FORMAT_KEYS[f])),
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
                importState.report = null;
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

export function subscriptionsSection() {
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
