import { h } from 'preact';
import { ACTIONS, type Action } from '@/src/rules/types';
import type { Blocklist, Settings } from '@/src/settings/schema';
import { updateSettings } from '@/src/settings/store';
import { exportLists } from '@/src/settings/transfer';
import { SITES } from '@/src/sites/registry';
import { actionName, type MessageKey, messageText, t } from '@/src/ui/i18n';
import { mergeOrdered } from '../editor-model';
import { ruleEditor } from './editor';
import { presetOffer } from './preset-offer';
import {
  download,
  drafts,
  formatTime,
  newListId,
  noticeFor,
  refreshSubscription,
  save,
  section,
  today,
} from './shared';

// The options page's Blocklists section: each list's card (name, switch, action, sites, pause, order,
// export, delete, rules) and new lists.

/** A list's name as the user is typing it, until the change is saved (a redraw must not undo typing). */
const names = new Map<string, string>();

const SNOOZES: [MessageKey, number][] = [
  ['snooze1h', 60 * 60 * 1000],
  ['snooze1d', 24 * 60 * 60 * 1000],
  ['snooze1w', 7 * 24 * 60 * 60 * 1000],
];

export function actionSelect(value: Action, label: string, onChange: (a: Action) => void) {
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

function siteScope(list: Blocklist) {
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

function snoozeControl(list: Blocklist) {
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

function listCard(list: Blocklist, index: number, count: number) {
  const source = list.source;
  return h(
    'article',
    { key: list.id, class: 'card', 'aria-label': list.name, 'data-list': list.id },
    h(
      'div',
      { class: 'fields' },
      h('input', {
        type: 'text',
        value: names.get(list.id) ?? list.name,
        'aria-label': t('listName'),
        maxlength: 100,
        onInput: (e: Event) => {
          names.set(list.id, (e.currentTarget as HTMLInputElement).value);
        },
        onchange: (e: Event) => {
          const name = (e.target as HTMLInputElement).value.trim();
          names.delete(list.id);
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
          source.problem || source.error
            ? h(
                'p',
                { class: 'problem', role: 'alert' },
                t('updateFailed', messageText(source.problem ?? source.error)),
              )
            : null,
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
    presetOffer(list),
    ruleEditor({
      key: `list-${list.id}`,
      name: list.name,
      stored: list.patterns,
      drafts,
      action: list.action,
      readOnly: source !== undefined,
      save: async (lines, base) => {
        const settings = await updateSettings((s) => {
          const target = s.lists.find((l) => l.id === list.id);
          if (target) target.patterns = mergeOrdered(base, lines, target.patterns);
        });
        return settings.lists.find((l) => l.id === list.id)?.patterns ?? lines;
      },
    }),
    exceptionsBox(list),
  );
}

/** The editor key of a list's exceptions box (page.ts rebases its draft like the rules'). */
export const exceptionsKey = (listId: string) => `except-${listId}`;

/**
 * A list's own exceptions: tags its rules must not count ("No Cheating" in the NTR list), tag by tag and
 * for this list only. Open when the list has some; a preset's are copied in when it is switched on.
 */
function exceptionsBox(list: Blocklist) {
  const stored = list.exceptions ?? [];
  const key = exceptionsKey(list.id);
  return h(
    'details',
    { class: 'list-exceptions', open: stored.length > 0 || drafts.has(key) ? true : undefined },
    h('summary', {}, t('options_listExceptions', stored.length)),
    h('p', { class: 'muted' }, t('options_listExceptionsHelp')),
    ruleEditor({
      key,
      name: list.name,
      stored,
      drafts,
      labels: {
        rules: t('options_listExceptionsOf', list.name),
        save: t('options_saveListExceptionsOf', list.name),
        saveText: t('options_saveListExceptions'),
      },
      save: async (lines, base) => {
        const settings = await updateSettings((s) => {
          const target = s.lists.find((l) => l.id === list.id);
          if (target) target.exceptions = mergeOrdered(base, lines, target.exceptions ?? []);
        });
        return settings.lists.find((l) => l.id === list.id)?.exceptions ?? lines;
      },
    }),
  );
}

export function listsSection(settings: Settings) {
  return section(
    'lists',
    t('blocklists'),
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
