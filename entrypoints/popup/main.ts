import { browser } from 'wxt/browser';
import { type PageState, PageStateSchema } from '@/src/messages';
import { parseRule } from '@/src/rules/parse';
import { PRESETS } from '@/src/rules/presets';
import { isPaused, isSiteEnabled, type Settings } from '@/src/settings/schema';
import { type LoadedSettings, loadSettings, updateSettings, watchSettings } from '@/src/settings/store';
import { checkboxLabel, refillSelect } from '@/src/ui/controls';
import { h } from '@/src/ui/dom';
import { actionName, setDocumentLanguage, t, tCount, uiLanguage } from '@/src/ui/i18n';

/** After a settings write, the open page re-judges on its own storage event; ask it again after this. */
const PAGE_REFRESH_DELAYS_MS = [100, 600];
/** "Pause for 1 hour". */
const PAUSE_MS = 60 * 60 * 1000;

const app = document.getElementById('app') as HTMLElement;
let loaded: LoadedSettings | null = null;
let page: PageState | null = null;
let notice: { text: string; error: boolean } | null = null;
let chosenList: string | null = null;

/** The tab this popup is about: `?tab=ID` when opened as a page (tests, a pinned window), else the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const [tab] = param
    ? [await browser.tabs.get(Number(param)).catch(() => undefined)]
    : await browser.tabs.query({ active: true, currentWindow: true });
  // The popup's click grants activeTab, so the tab's address is known: the site to offer to add.
  if (tab?.url?.startsWith('https://')) tabOrigin = new URL(tab.url).origin;
  return tab?.id;
}

let tabOrigin: string | null = null;

function openOptions(query = ''): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${query}`) });
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
    notice = { text: t('couldNotSave', error instanceof Error ? error.message : String(error)), error: true };
  }
  render();
}

function blockIn(listId: string, tag: string): void {
  const list = loaded?.settings.lists.find((l) => l.id === listId);
  if (!list) return;
  const message = list.enabled ? t('addedTo', tag, list.name) : t('addedToOff', tag, list.name);
  void save((settings) => {
    const target = settings.lists.find((l) => l.id === listId);
    if (target && !target.patterns.includes(tag)) target.patterns.push(tag);
  }, message);
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
      text: parsed.ok ? t('typeATag') : t('columnError', parsed.error.column, parsed.error.message),
      error: true,
    };
    render();
    return;
  }
  input.value = '';
  blockIn(listId, text);
}

/** A labelled checkbox that writes one setting. */
function checkbox(
  attrs: Record<string, string | boolean>,
  label: string,
  write: (settings: Settings, on: boolean) => void,
): HTMLElement {
  return checkboxLabel(attrs, label, (on) => void save((s) => write(s, on)));
}

/** A rule that is more than a tag's name (wildcard, expression, combination): the popup names it. */
const PATTERN_RULE = /[*/~]|(^|\s)[-+]\S/u;

function countsLine(state: PageState): string {
  const { counts } = state;
  const parts = [
    t('countHidden', counts.hide),
    t('countBlurred', counts.blur),
    t('countLabelled', counts.label),
  ];
  if (counts.collapse) parts.push(t('countCollapsed', counts.collapse));
  const line = t('countsOf', parts.join(' · '), state.entries);
  return state.audit ? t('wouldHave', line) : line;
}

function pageSection(settings: Settings): HTMLElement {
  if (!page) {
    return h(
      'section',
      {},
      h('h2', {}, t('thisPage')),
      h('p', { class: 'muted' }, t('noCatalog')),
      tabOrigin
        ? h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              id: 'add-site',
              onclick: () => openOptions(`?site=${encodeURIComponent(tabOrigin ?? '')}#custom-sites`),
            },
            t('useOnThisSite'),
          )
        : h(
            'button',
            { type: 'button', class: 'secondary', id: 'add-site', onclick: () => openOptions('#sites') },
            t('howToAddSite'),
          ),
    );
  }
  const { site } = page;
  const siteOn = isSiteEnabled(settings, site.id);
  const acted = page.counts.hide + page.counts.blur + page.counts.collapse;
  return h(
    'section',
    { 'aria-labelledby': 'page-heading' },
    h('h2', { id: 'page-heading' }, t('thisPage')),
    checkbox(
      { id: 'site-toggle', checked: settings.sites[site.id] !== false, disabled: !settings.enabled },
      t('filterSite', site.name),
      (s, on) => {
        s.sites[site.id] = on;
      },
    ),
    checkbox({ id: 'audit-toggle', checked: settings.audit }, t('auditToggle'), (s, on) => {
      s.audit = on;
    }),
    siteOn
      ? h('p', { class: 'counts', id: 'counts' }, countsLine(page))
      : h('p', { class: 'muted', id: 'counts' }, isPaused(settings) ? t('pausedShort') : t('notFiltering')),
    // What filtering cost this page: starting, then every pass over its entries.
    siteOn
      ? h(
          'p',
          { class: 'muted', id: 'cost' },
          t('pageCost', Math.round(page.timing.startupMs + page.timing.totalMs)),
        )
      : null,
    siteOn && !page.audit && acted > 0
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
          t('showAll'),
        )
      : null,
    siteOn && page.rules.length > 0
      ? h(
          'ul',
          { id: 'rule-counts', 'aria-label': t('rulesThatActed') },
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
                `(${PATTERN_RULE.test(r.rule) ? `${r.rule} · ` : ''}${tCount(r.entries, 'entryOne', 'entryOther')})`,
              ),
            ),
          ),
        )
      : null,
    ...page.problems.map((p) => h('p', { class: 'problem', role: 'alert' }, p)),
    page.tags.length > 0 ? tagsSeen(settings, page.tags) : null,
  );
}

function listChoice(
  settings: Settings,
  name: string,
  preferred: string | undefined,
  label?: string,
): HTMLSelectElement {
  return h(
    'select',
    {
      name,
      'aria-label': label,
      onchange: (e: Event) => {
        chosenList = (e.target as HTMLSelectElement).value;
      },
    },
    ...settings.lists
      .filter((l) => !l.source)
      .map((l) =>
        h('option', { value: l.id, selected: l.id === preferred }, l.enabled ? l.name : t('listOff', l.name)),
      ),
  );
}

function preferredList(settings: Settings): string | undefined {
  const editable = settings.lists.filter((l) => !l.source);
  return chosenList ?? editable.find((l) => l.enabled)?.id ?? editable[0]?.id;
}

/** Tags on this page, most frequent first, each one click from the chosen blocklist. */
function tagsSeen(settings: Settings, tags: PageState['tags']): HTMLElement {
  const preferred = preferredList(settings);
  return h(
    'details',
    { id: 'tags-seen' },
    h('summary', {}, t('tagsOnPage', tags.length)),
    h('label', { class: 'stack' }, t('blockInto'), listChoice(settings, 'seen-list', preferred)),
    h(
      'ul',
      { class: 'tags' },
      ...tags.map(({ tag, entries }) =>
        h(
          'li',
          { class: 'row' },
          h('span', {}, tag, h('span', { class: 'muted' }, ` ×${entries}`)),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': t('blockTagIn', tag, settings.lists.find((l) => l.id === preferred)?.name ?? ''),
              onclick: () => {
                const listId = app.querySelector<HTMLSelectElement>('select[name="seen-list"]')?.value;
                if (listId) blockIn(listId, tag);
              },
            },
            t('block'),
          ),
        ),
      ),
    ),
  );
}

function listsSection(settings: Settings): HTMLElement {
  return h(
    'section',
    {},
    h('h2', {}, t('blocklists')),
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
            `${actionName(list.action)} · ${tCount(list.patterns.length, 'ruleOne', 'ruleOther')}`,
          ),
        ),
      ),
    ),
  );
}

function refillSetting(settings: Settings): HTMLElement {
  return refillSelect(settings.refill, (value) => {
    void save((s) => {
      s.refill = value;
    });
  });
}

/** Suggestions for the quick-add box: this page's tags, then the presets' spellings. */
function suggestions(): HTMLDataListElement {
  const seen = new Set<string>();
  const values = [...(page?.tags.map((x) => x.tag) ?? []), ...PRESETS.flatMap((p) => p.patterns)].filter(
    (v) => {
      if (seen.has(v)) return false;
      seen.add(v);
      return true;
    },
  );
  return h('datalist', { id: 'tag-suggestions' }, ...values.map((value) => h('option', { value })));
}

function addSection(settings: Settings): HTMLElement {
  return h(
    'section',
    {},
    h('h2', {}, t('blockATag')),
    h(
      'form',
      { id: 'add-form', onsubmit: addTag },
      h('input', {
        type: 'text',
        name: 'tag',
        'aria-label': t('tagToBlock'),
        placeholder: t('tagPlaceholder'),
        list: 'tag-suggestions',
        autocomplete: 'off',
        required: true,
      }),
      h('button', { type: 'submit' }, t('add')),
      listChoice(settings, 'list', preferredList(settings), t('blocklist')),
      suggestions(),
    ),
    notice
      ? h('p', { id: 'notice', class: notice.error ? 'problem' : 'muted', role: 'status' }, notice.text)
      : null,
  );
}

function pauseControl(settings: Settings): HTMLElement {
  if (isPaused(settings)) {
    const until = new Date(settings.pausedUntil ?? 0).toLocaleTimeString(uiLanguage(), {
      hour: '2-digit',
      minute: '2-digit',
    });
    return h(
      'p',
      { class: 'row paused', id: 'paused' },
      t('pausedUntil', until),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () =>
            void save((s) => {
              delete s.pausedUntil;
            }),
        },
        t('resume'),
      ),
    );
  }
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: 'pause',
      disabled: !settings.enabled,
      onclick: () =>
        void save((s) => {
          s.pausedUntil = Date.now() + PAUSE_MS;
        }),
    },
    t('pauseHour'),
  );
}

function render(): void {
  if (!loaded) return;
  const { settings, problems, where } = loaded;
  const focused = document.activeElement?.getAttribute('name') ?? document.activeElement?.id;
  // A re-render (settings changed anywhere) must not eat what the user is typing.
  const typed = app.querySelector<HTMLInputElement>('input[name="tag"]')?.value ?? '';
  const tagsOpen = app.querySelector<HTMLDetailsElement>('#tags-seen')?.open ?? false;
  app.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, 'Tagveil'),
      checkbox({ id: 'master-toggle', checked: settings.enabled }, t('on'), (s, on) => {
        s.enabled = on;
      }),
    ),
    pauseControl(settings),
    ...problems.map((p) => h('p', { class: 'problem', role: 'alert' }, t('settingsRepaired', p))),
    ...(where === 'local' ? [h('p', { class: 'problem', role: 'status' }, t('keptLocally'))] : []),
    pageSection(settings),
    listsSection(settings),
    h(
      'section',
      {},
      h('h2', {}, t('pages')),
      refillSetting(settings),
      checkbox({ id: 'complete-tags', checked: settings.completeTags }, t('completeTags'), (s, on) => {
        s.completeTags = on;
      }),
    ),
    addSection(settings),
    h(
      'footer',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          id: 'open-options',
          onclick: () => void browser.runtime.openOptionsPage(),
        },
        t('openOptions'),
      ),
    ),
  );
  const input = app.querySelector<HTMLInputElement>('input[name="tag"]');
  if (input) input.value = typed;
  const details = app.querySelector<HTMLDetailsElement>('#tags-seen');
  if (details) details.open = tagsOpen;
  if (focused)
    (app.querySelector(`[name="${focused}"], #${CSS.escape(focused)}`) as HTMLElement | null)?.focus();
}

async function start(): Promise<void> {
  setDocumentLanguage();
  loaded = await loadSettings();
  page = await queryPage();
  render();
  watchSettings((next) => {
    loaded = next;
    render();
    for (const delay of PAGE_REFRESH_DELAYS_MS) setTimeout(() => void refreshPage(), delay);
  });
}

void start();
