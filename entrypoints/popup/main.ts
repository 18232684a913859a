import { browser } from 'wxt/browser';
import { type PageState, PageStateSchema } from '@/src/messages';
import { parseRule } from '@/src/rules/parse';
import type { Repaired } from '@/src/settings/repair';
import { isSiteEnabled, type Settings } from '@/src/settings/schema';
import { loadSettings, updateSettings, watchSettings } from '@/src/settings/store';
import { h } from '@/src/ui/dom';

/** After a settings write, the open page re-judges on its own storage event; ask it again after this. */
const PAGE_REFRESH_DELAYS_MS = [100, 600];

const app = document.getElementById('app') as HTMLElement;
let repaired: Repaired | null = null;
let page: PageState | null = null;
let notice: { text: string; error: boolean } | null = null;
let chosenList: string | null = null;

/** The tab this popup is about: `?tab=ID` when opened as a page (tests, a pinned window), else the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function queryPage(
  type: 'tagveil:get-page-state' | 'tagveil:show-all' = 'tagveil:get-page-state',
): Promise<PageState | null> {
  const tab = await targetTab();
  if (tab === undefined) return null;
  try {
    const answer = PageStateSchema.safeParse(await browser.tabs.sendMessage(tab, { type }));
    return answer.success ? answer.data : null;
  } catch {
    return null; // no content script on this page
  }
}

async function refreshPage(): Promise<void> {
  page = await queryPage();
  render();
}

async function save(change: (settings: Settings) => void, done?: string): Promise<void> {
  try {
    await updateSettings(change);
    notice = done ? { text: done, error: false } : null;
  } catch (error) {
    notice = {
      text: `Could not save: ${error instanceof Error ? error.message : String(error)}`,
      error: true,
    };
  }
  render();
}

function addTag(event: Event): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const input = form.elements.namedItem('tag') as HTMLInputElement;
  const listId = (form.elements.namedItem('list') as HTMLSelectElement).value;
  chosenList = listId;
  const text = input.value.trim();
  const parsed = parseRule(text);
  if (!parsed.ok || !parsed.rule) {
    notice = {
      text: parsed.ok ? 'Type a tag to block.' : `Column ${parsed.error.column}: ${parsed.error.message}`,
      error: true,
    };
    render();
    return;
  }
  const list = repaired?.settings.lists.find((l) => l.id === listId);
  if (!list) return;
  const message = list.enabled
    ? `Added “${text}” to ${list.name}.`
    : `Added “${text}” to ${list.name}, which is off: switch it on to apply it.`;
  input.value = '';
  void save((settings) => {
    const target = settings.lists.find((l) => l.id === listId);
    if (target && !target.patterns.includes(text)) target.patterns.push(text);
  }, message);
}

/** A labelled checkbox that writes one setting. */
function checkbox(
  attrs: Record<string, string | boolean>,
  label: string,
  write: (settings: Settings, on: boolean) => void,
): HTMLElement {
  return h(
    'label',
    {},
    h('input', {
      type: 'checkbox',
      ...attrs,
      onchange: (e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        void save((s) => write(s, on));
      },
    }),
    label,
  );
}

/** A rule that is more than a tag's name (wildcard, expression, combination): the popup names it. */
const PATTERN_RULE = /[*/~]|(^|\s)[-+]\S/u;

function pageSection(settings: Settings): HTMLElement {
  if (!page) {
    return h(
      'section',
      {},
      h('h2', {}, 'This page'),
      h('p', { class: 'muted' }, 'Tagveil has no catalog to read on this page.'),
    );
  }
  const { site, counts } = page;
  const siteOn = isSiteEnabled(settings, site.id);
  return h(
    'section',
    { 'aria-labelledby': 'page-heading' },
    h('h2', { id: 'page-heading' }, 'This page'),
    checkbox(
      { id: 'site-toggle', checked: settings.sites[site.id] !== false, disabled: !settings.enabled },
      `Filter ${site.name}`,
      (s, on) => {
        s.sites[site.id] = on;
      },
    ),
    checkbox(
      { id: 'audit-toggle', checked: settings.audit },
      'Audit: outline what rules would do, hide nothing',
      (s, on) => {
        s.audit = on;
      },
    ),
    siteOn
      ? h(
          'p',
          { class: 'counts', id: 'counts' },
          `${page.audit ? 'Would have: ' : ''}${counts.hide} hidden · ${counts.blur} blurred · ${counts.label} labelled${counts.collapse ? ` · ${counts.collapse} collapsed` : ''} of ${page.entries} entries`,
        )
      : h('p', { class: 'muted', id: 'counts' }, 'Not filtering this site.'),
    siteOn && !page.audit && counts.hide + counts.blur + counts.collapse > 0
      ? h(
          'button',
          {
            type: 'button',
            id: 'show-all',
            class: 'secondary',
            onclick: () => {
              void queryPage('tagveil:show-all').then((next) => {
                page = next;
                render();
              });
            },
          },
          'Show all on this page',
        )
      : null,
    siteOn && page.rules.length > 0
      ? h(
          'ul',
          { id: 'rule-counts', 'aria-label': 'Rules that acted on this page' },
          ...page.rules.map((r) =>
            h(
              'li',
              {},
              h('strong', {}, r.tags.join(', ')),
              ` — ${r.listName} `,
              h(
                'span',
                { class: 'muted' },
                // A pattern rule is named, so two rules that caught the same tag can be told apart.
                `(${PATTERN_RULE.test(r.rule) ? `${r.rule} · ` : ''}${r.entries} ${r.entries === 1 ? 'entry' : 'entries'})`,
              ),
            ),
          ),
        )
      : null,
    ...page.problems.map((p) => h('p', { class: 'problem', role: 'alert' }, p)),
    page.tags.length > 0 ? tagsSeen(settings, page.tags) : null,
  );
}

/** Tags on this page, most frequent first, each one click from a blocklist. */
function tagsSeen(settings: Settings, tags: PageState['tags']): HTMLElement {
  const listId = chosenList ?? settings.lists.find((l) => l.enabled)?.id ?? settings.lists[0]?.id;
  const list = settings.lists.find((l) => l.id === listId);
  return h(
    'details',
    { id: 'tags-seen' },
    h('summary', {}, `Tags on this page (${tags.length})`),
    h(
      'ul',
      { class: 'tags' },
      ...tags.map(({ tag, entries }) =>
        h(
          'li',
          { class: 'row' },
          h('span', {}, tag, h('span', { class: 'muted' }, ` ×${entries}`)),
          list
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': `Block ${tag} in ${list.name}`,
                  onclick: () => {
                    void save((s) => {
                      const target = s.lists.find((l) => l.id === list.id);
                      if (target && !target.patterns.includes(tag)) target.patterns.push(tag);
                    }, `Added “${tag}” to ${list.name}.`);
                  },
                },
                'Block',
              )
            : null,
        ),
      ),
    ),
  );
}

function listsSection(settings: Settings): HTMLElement {
  return h(
    'section',
    {},
    h('h2', {}, 'Blocklists'),
    h(
      'ul',
      { id: 'lists' },
      ...settings.lists.map((list) =>
        h(
          'li',
          { class: 'row' },
          checkbox({ 'data-list': list.id, checked: list.enabled }, list.name, (s, on) => {
            const target = s.lists.find((l) => l.id === list.id);
            if (target) target.enabled = on;
          }),
          h(
            'span',
            { class: 'muted' },
            `${list.action} · ${list.patterns.length} ${list.patterns.length === 1 ? 'rule' : 'rules'}`,
          ),
        ),
      ),
    ),
  );
}

const REFILL_CHOICES: [Settings['refill'], string][] = [
  ['off', 'do nothing'],
  ['offer', 'offer to load the next page’s entries'],
  ['auto', 'load the next page’s entries'],
];

function refillSetting(settings: Settings): HTMLElement {
  return h(
    'label',
    { class: 'stack' },
    'When most of a page is hidden:',
    h(
      'select',
      {
        id: 'refill',
        onchange: (e: Event) => {
          const value = (e.target as HTMLSelectElement).value as Settings['refill'];
          void save((s) => {
            s.refill = value;
          });
        },
      },
      ...REFILL_CHOICES.map(([value, label]) =>
        h('option', { value, selected: settings.refill === value }, label),
      ),
    ),
  );
}

function addSection(settings: Settings): HTMLElement {
  const preferred = chosenList ?? settings.lists.find((l) => l.enabled)?.id ?? settings.lists[0]?.id;
  return h(
    'section',
    {},
    h('h2', {}, 'Block a tag'),
    h(
      'form',
      { id: 'add-form', onsubmit: addTag },
      h('input', {
        type: 'text',
        name: 'tag',
        'aria-label': 'Tag to block',
        placeholder: 'e.g. netorare',
        required: true,
      }),
      h('button', { type: 'submit' }, 'Add'),
      h(
        'select',
        { name: 'list', 'aria-label': 'Blocklist' },
        ...settings.lists.map((l) =>
          h('option', { value: l.id, selected: l.id === preferred }, `${l.name}${l.enabled ? '' : ' (off)'}`),
        ),
      ),
    ),
    notice
      ? h('p', { id: 'notice', class: notice.error ? 'problem' : 'muted', role: 'status' }, notice.text)
      : null,
  );
}

function render(): void {
  if (!repaired) return;
  const { settings, problems } = repaired;
  const focused = document.activeElement?.getAttribute('name') ?? document.activeElement?.id;
  // A re-render (settings changed anywhere) must not eat what the user is typing.
  const typed = app.querySelector<HTMLInputElement>('input[name="tag"]')?.value ?? '';
  const tagsOpen = app.querySelector<HTMLDetailsElement>('#tags-seen')?.open ?? false;
  app.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, 'Tagveil'),
      checkbox({ id: 'master-toggle', checked: settings.enabled }, 'On', (s, on) => {
        s.enabled = on;
      }),
    ),
    ...problems.map((p) => h('p', { class: 'problem', role: 'alert' }, `Settings repaired: ${p}`)),
    pageSection(settings),
    listsSection(settings),
    h(
      'section',
      {},
      h('h2', {}, 'Pages'),
      refillSetting(settings),
      checkbox(
        { id: 'complete-tags', checked: settings.completeTags },
        'Complete E-Hentai lists’ tags from the site’s own API (asks e-hentai.org)',
        (s, on) => {
          s.completeTags = on;
        },
      ),
    ),
    addSection(settings),
  );
  const input = app.querySelector<HTMLInputElement>('input[name="tag"]');
  if (input) input.value = typed;
  const details = app.querySelector<HTMLDetailsElement>('#tags-seen');
  if (details) details.open = tagsOpen;
  if (focused)
    (app.querySelector(`[name="${focused}"], #${CSS.escape(focused)}`) as HTMLElement | null)?.focus();
}

async function start(): Promise<void> {
  repaired = await loadSettings();
  page = await queryPage();
  render();
  watchSettings((next) => {
    repaired = next;
    render();
    for (const delay of PAGE_REFRESH_DELAYS_MS) setTimeout(() => void refreshPage(), delay);
  });
}

void start();
