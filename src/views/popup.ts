// The popup as Preact components: state in signals (./popup-store.ts), what to show from the pure
// functions of ./popup-model.ts. Preact keeps every element it can between renders (keyed rows), so a
// settings change anywhere leaves the typed text, the caret, an open <details> and a notice where they were.
import { type ComponentChildren, h } from 'preact';
import type { PageState } from '../messages';
import type { EntryKind } from '../rules/entry-rules';
import { isPaused, isSiteEnabled, type Settings } from '../settings/schema';
import { actionName, type MessageKey, messageText, ruleErrorText, t, tCount, uiLanguage } from '../ui/i18n';
import {
  closestTags,
  completeTagsLabel,
  editableLists,
  entryRows,
  filterTags,
  hiddenOneByOne,
  listRows,
  preferredList,
  reasonGroups,
  type SeenTag,
  seenTags,
  siteSwitches,
} from './popup-model';
import { AddSite } from './popup-picker';
import type { PopupStore } from './popup-store';

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' });
}

/** A labelled checkbox whose state comes from the settings. */
function Switch(props: {
  id?: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onToggle: (on: boolean) => void;
  attrs?: Record<string, string>;
}) {
  return h(
    'label',
    {},
    h('input', {
      type: 'checkbox',
      id: props.id,
      checked: props.checked,
      disabled: props.disabled ?? false,
      onChange: (e: Event) => props.onToggle((e.currentTarget as HTMLInputElement).checked),
      ...props.attrs,
    }),
    props.label,
  );
}

function Button(props: {
  id?: string;
  class?: string;
  label?: string;
  disabled?: boolean;
  onClick: () => void;
  children?: ComponentChildren;
}) {
  return h(
    'button',
    {
      type: 'button',
      id: props.id,
      class: props.class ?? 'secondary',
      'aria-label': props.label,
      disabled: props.disabled ?? false,
      onClick: props.onClick,
    },
    props.children,
  );
}

function Header({ store, settings }: { store: PopupStore; settings: Settings }) {
  const paused = isPaused(settings, store.now());
  return h(
    'header',
    {},
    h('h1', {}, 'Tagveil'),
    paused
      ? h(
          'p',
          { class: 'row paused', id: 'paused' },
          t('pausedUntil', time(settings.pausedUntil ?? 0)),
          h(Button, { onClick: () => store.setPaused(false) }, t('resume')),
        )
      : h(
          Button,
          { id: 'pause', disabled: !settings.enabled, onClick: () => store.setPaused(true) },
          t('pauseHour'),
        ),
    h(Switch, {
      id: 'master-toggle',
      label: t('on'),
      checked: settings.enabled,
      onToggle: (on) =>
        void store.flip((s) => {
          s.enabled = on;
        }),
    }),
  );
}

/** What the block box says under it: the live count, the closest tags, an error, or what was done. */
function BlockStatus({ store, page }: { store: PopupStore; page: PageState | null }) {
  const notice = store.notice.value;
  if (notice) {
    return h(
      'p',
      { id: 'notice', class: notice.error ? 'problem' : 'ok', role: 'status' },
      notice.text,
      notice.undo
        ? h(Button, { id: 'undo', class: 'link', onClick: () => void store.undo() }, t('popup_undo'))
        : null,
    );
  }
  const typed = store.rule.value;
  if (!typed.ok) {
    if (typed.empty) return null;
    return h(
      'p',
      { id: 'match-count', class: 'problem', role: 'status' },
      t('columnError', typed.column, ruleErrorText(typed)),
    );
  }
  const count = store.count.value;
  if (!page || !count || count.rule !== typed.rule) return h('p', { id: 'match-count', role: 'status' });
  if (count.matches > 0) {
    return h(
      'p',
      { id: 'match-count', class: 'ok', role: 'status' },
      t('popup_matches', count.matches, count.entries),
    );
  }
  const closest = closestTags(store.text.value, seenTags(page.tags, store.dictionary.value));
  const suggest = (names: string[], label: MessageKey) =>
    names.length > 0
      ? h(
          'span',
          { class: 'suggest' },
          t(label),
          ' ',
          ...names.map((name) =>
            h(Button, { key: name, class: 'chip', onClick: () => store.setText(name) }, name),
          ),
        )
      : null;
  return h(
    'div',
    { id: 'match-count', role: 'status' },
    h('p', { class: 'problem' }, t('popup_matchesNone')),
    suggest(closest.onPage, 'popup_closestOnPage'),
    suggest(closest.inPresets, 'popup_closestInPresets'),
  );
}

function BlockSection({
  store,
  settings,
  page,
}: {
  store: PopupStore;
  settings: Settings;
  page: PageState | null;
}) {
  const listId = preferredList(settings, store.chosenList.value);
  const mode = store.mode.value;
  return h(
    'section',
    { 'aria-labelledby': 'block-heading', id: 'block' },
    h('h2', { id: 'block-heading' }, t('blockATag')),
    h(
      'form',
      {
        id: 'add-form',
        onSubmit: (e: Event) => {
          e.preventDefault();
          if (listId) void store.block(listId);
        },
      },
      h('input', {
        type: 'text',
        name: 'tag',
        'aria-label': mode === 'rule' ? t('popup_ruleToBlock') : t('tagToBlock'),
        'aria-describedby': 'match-count',
        placeholder: mode === 'rule' ? t('popup_rulePlaceholder') : t('tagPlaceholder'),
        autocomplete: 'off',
        spellcheck: false,
        value: store.text.value,
        onInput: (e: Event) => store.setText((e.currentTarget as HTMLInputElement).value),
      }),
      h('button', { type: 'submit', id: 'block-button', disabled: !listId }, t('block')),
      h(
        'select',
        {
          name: 'list',
          'aria-label': t('blocklist'),
          value: listId,
          onChange: (e: Event) => {
            store.chosenList.value = (e.currentTarget as HTMLSelectElement).value;
          },
        },
        ...editableLists(settings).map((l) =>
          h('option', { key: l.id, value: l.id }, l.enabled ? l.name : t('listOff', l.name)),
        ),
      ),
      h(Switch, {
        id: 'rule-mode',
        label: t('popup_ruleMode'),
        checked: mode === 'rule',
        onToggle: (on) => store.setMode(on ? 'rule' : 'tag'),
      }),
    ),
    h(BlockStatus, { store, page }),
  );
}

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

function Reasons({ store, settings, page }: { store: PopupStore; settings: Settings; page: PageState }) {
  const groups = reasonGroups(page.rules, settings);
  return h(
    'ul',
    { id: 'rule-counts', class: 'reasons', 'aria-label': t('rulesThatActed') },
    ...groups.map((g) =>
      h(
        'li',
        { key: `${g.label}\u0000${g.listName}`, class: 'row' },
        h(
          'span',
          {},
          h('strong', {}, g.label),
          ` — ${g.listName} `,
          h('span', { class: 'muted' }, `(${tCount(g.entries, 'entryOne', 'entryOther')})`),
        ),
        g.listId
          ? h(
              Button,
              {
                class: 'icon',
                label: t('popup_unblock', g.label, g.listName, g.rules.join(', ')),
                onClick: () => void store.unblock(g.listId ?? '', g.rules, g.label),
              },
              // The × is drawn by CSS: the row's text stays "tag — list (N entries)".
            )
          : null,
      ),
    ),
  );
}

/** Entries of this page hidden one by one ("Hide this one"), each with Undo. */
function HiddenOnes({ store, page }: { store: PopupStore; page: PageState }) {
  const rows = hiddenOneByOne(page.rules, page.site.id, entryWords);
  if (rows.length === 0) return null;
  return h(
    'section',
    { id: 'hidden-one', 'aria-labelledby': 'hidden-one-title' },
    h('h3', { id: 'hidden-one-title' }, t('popup_hiddenOne')),
    h(
      'ul',
      { class: 'reasons' },
      ...rows.map((row) =>
        h(
          'li',
          { key: row.id, class: 'row' },
          h('span', {}, row.label),
          h(
            Button,
            {
              label: t('popup_undoHideOne', row.label),
              onClick: () => void store.unhideOne(row.site, row.id, row.label),
            },
            t('popup_undo'),
          ),
        ),
      ),
    ),
  );
}

function TagRow({ store, seen, listId }: { store: PopupStore; seen: SeenTag; listId: string }) {
  const list = store.settings.value?.settings.lists.find((l) => l.id === listId);
  const done = store.blockedTags.value.get(seen.tag);
  const name = seen.unnamedId === undefined ? seen.name : t('popup_unnamedTag', seen.unnamedId);
  return h(
    'li',
    { class: 'row' },
    h('span', {}, name, h('span', { class: 'muted' }, ` ×${seen.entries}`)),
    done
      ? h(
          'span',
          { class: 'row' },
          h('span', { class: 'ok' }, t('popup_blockedShort')),
          h(
            Button,
            { label: t('popup_undoBlock', name), onClick: () => void store.undoTag(seen.tag) },
            t('popup_undo'),
          ),
        )
      : h(
          Button,
          {
            label: t('blockTagIn', name, list?.name ?? ''),
            onClick: () => void store.blockSeen(seen, listId),
          },
          t('block'),
        ),
  );
}

/** Every tag on the page, most frequent first, with a filter and one-click Block. */
function TagsSeen({ store, settings, page }: { store: PopupStore; settings: Settings; page: PageState }) {
  const all = seenTags(page.tags, store.dictionary.value);
  const shown = filterTags(all, store.tagFilter.value);
  const listId = preferredList(settings, store.seenList.value ?? store.chosenList.value) ?? '';
  return h(
    'details',
    { id: 'tags-seen' },
    h('summary', {}, t('tagsOnPage', all.length)),
    h(
      'div',
      { class: 'fields' },
      h('input', {
        type: 'search',
        id: 'tag-filter',
        'aria-label': t('popup_filterTags'),
        placeholder: t('popup_filterTags'),
        value: store.tagFilter.value,
        onInput: (e: Event) => {
          store.tagFilter.value = (e.currentTarget as HTMLInputElement).value;
        },
      }),
      h(
        'select',
        {
          name: 'seen-list',
          'aria-label': t('blockInto'),
          value: listId,
          onChange: (e: Event) => {
            store.seenList.value = (e.currentTarget as HTMLSelectElement).value;
          },
        },
        ...editableLists(settings).map((l) =>
          h('option', { key: l.id, value: l.id }, l.enabled ? l.name : t('listOff', l.name)),
        ),
      ),
    ),
    all.length !== shown.length
      ? h('p', { class: 'muted', id: 'tags-shown' }, t('popup_tagsShown', shown.length, all.length))
      : null,
    h('ul', { class: 'tags' }, ...shown.map((seen) => h(TagRow, { key: seen.tag, store, seen, listId }))),
  );
}

/** "the AO3 work 12345" in the interface's words. */
const entryWords = (site: string, kind: EntryKind, id: string) =>
  t('entryDescribed', site, t(`entryKind_${kind}`), id);

/**
 * Every entry of the page with an id, by title, each with Hide (by its id, without a tag rule); a hidden
 * one says so with Undo. Asked of the page when opened; a filter when there are many.
 */
function EntriesOnPage({
  store,
  settings,
  page,
}: {
  store: PopupStore;
  settings: Settings;
  page: PageState;
}) {
  const answer = store.entries.value;
  const loaded = answer !== null && answer !== 'asking' ? answer : null;
  const { rows, matching } = loaded
    ? entryRows(loaded, settings, store.entryFilter.value, entryWords, store.now(), page.site.name)
    : { rows: [], matching: 0 };
  return h(
    'details',
    {
      id: 'entries-on-page',
      onToggle: (e: Event) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void store.loadEntries();
      },
    },
    h('summary', {}, t('popup_entriesOnPage', loaded?.total ?? page.entries)),
    answer === 'asking' ? h('p', { class: 'muted', role: 'status' }, t('popup_entriesLoading')) : null,
    loaded && loaded.entries.length === 0 ? h('p', { class: 'muted' }, t('popup_entriesNone')) : null,
    loaded && loaded.entries.length > FILTER_FROM
      ? h('input', {
          type: 'search',
          id: 'entry-filter',
          'aria-label': t('popup_filterEntries'),
          placeholder: t('popup_filterEntries'),
          value: store.entryFilter.value,
          onInput: (e: Event) => {
            store.entryFilter.value = (e.currentTarget as HTMLInputElement).value;
          },
        })
      : null,
    loaded && rows.length < loaded.total
      ? h('p', { class: 'muted', id: 'entries-shown' }, t('popup_entriesShown', rows.length, loaded.total))
      : null,
    loaded
      ? h(
          'ul',
          { class: 'tags', id: 'entries', 'data-matching': matching },
          ...rows.map((row) => {
            const name = row.title || row.described;
            const hidden = row.hidden;
            return h(
              'li',
              { key: row.id, class: 'row', 'data-entry': row.id },
              h(
                'span',
                { key: 'name', title: row.described },
                row.title || h('span', { class: 'muted' }, t('popup_entryUntitled')),
                h('span', { class: 'muted' }, ` · ${row.id}`),
              ),
              hidden.state === 'no'
                ? null
                : h(
                    'span',
                    { key: 'state', class: hidden.state === 'on' ? 'ok' : 'problem' },
                    hidden.state === 'on'
                      ? t('popup_entryHidden')
                      : t('popup_entryHiddenOff', hidden.listName),
                  ),
              // One button whose job changes: it keeps focus when the row flips between Hide and Undo.
              h(
                Button,
                {
                  key: 'act',
                  label:
                    hidden.state === 'no'
                      ? t('popup_hideEntryNamed', name)
                      : t('popup_undoHideEntryNamed', name),
                  onClick: () =>
                    void (hidden.state === 'no'
                      ? store.hideEntry(loaded.site, row.id, row.title)
                      : store.unhideOne(loaded.site, row.id, name)),
                },
                hidden.state === 'no' ? t('popup_hideEntry') : t('popup_undo'),
              ),
            );
          }),
        )
      : null,
  );
}

/** A page with more entries than this gets a filter above its list of entries. */
const FILTER_FROM = 10;

function PageSection({
  store,
  settings,
  page,
}: {
  store: PopupStore;
  settings: Settings;
  page: PageState | null;
}) {
  if (!page) {
    const origin = store.deps.tabOrigin;
    return h(
      'section',
      { 'aria-labelledby': 'page-heading' },
      h('h2', { id: 'page-heading' }, t('thisPage')),
      h('p', { class: 'muted' }, t('noCatalog')),
      origin
        ? h(AddSite, { store, origin })
        : h(Button, { id: 'add-site', onClick: () => store.deps.openOptions('#sites') }, t('howToAddSite')),
    );
  }
  const { site } = page;
  const siteOn = isSiteEnabled(settings, site.id, store.now());
  const acted = page.counts.hide + page.counts.blur + page.counts.collapse;
  return h(
    'section',
    { 'aria-labelledby': 'page-heading' },
    h('h2', { id: 'page-heading' }, t('thisPage')),
    h(
      'div',
      { class: 'row' },
      h(Switch, {
        id: 'site-toggle',
        label: t('filterSite', site.name),
        checked: settings.sites[site.id] !== false,
        disabled: !settings.enabled,
        onToggle: (on) =>
          void store.flip((s) => {
            s.sites[site.id] = on;
          }),
      }),
      siteOn && !page.audit && acted > 0
        ? h(Button, { id: 'show-all', onClick: () => void store.showAll() }, t('showAll'))
        : null,
    ),
    siteOn
      ? h(
          'p',
          { class: 'counts' },
          h('span', { id: 'counts' }, countsLine(page)),
          ' ',
          // What filtering cost this page: starting, then every pass over its entries.
          h(
            'span',
            { class: 'muted', id: 'cost' },
            t('pageCost', Math.round(page.timing.startupMs + page.timing.totalMs)),
          ),
        )
      : h(
          'p',
          { class: 'muted', id: 'counts' },
          isPaused(settings, store.now()) ? t('pausedShort') : t('notFiltering'),
        ),
    siteOn && page.rules.length > 0 ? h(HiddenOnes, { store, page }) : null,
    siteOn && page.rules.length > 0 ? h(Reasons, { store, settings, page }) : null,
    ...page.problems.map(messageText).map((p) => h('p', { key: p, class: 'problem', role: 'alert' }, p)),
    page.tags.length > 0 ? h(TagsSeen, { store, settings, page }) : null,
    page.entries > 0 ? h(EntriesOnPage, { store, settings, page }) : null,
    h(Switch, {
      id: 'audit-toggle',
      label: t('auditToggle'),
      checked: settings.audit,
      onToggle: (on) =>
        void store.flip((s) => {
          s.audit = on;
        }),
    }),
  );
}

function ListsSection({
  store,
  settings,
  page,
}: {
  store: PopupStore;
  settings: Settings;
  page: PageState | null;
}) {
  const rows = listRows(settings, page?.site.id ?? null, store.now());
  const on = rows.filter((r) => r.state === 'on').length;
  return h(
    'details',
    { id: 'lists-details' },
    h('summary', {}, t('popup_listsSummary', on, rows.length)),
    h(
      'ul',
      { id: 'lists' },
      ...rows.map((row) =>
        h(
          'li',
          { key: row.id, class: `row ${row.state}` },
          h(Switch, {
            label: row.name,
            checked: row.state !== 'off',
            attrs: { 'data-list': row.id },
            onToggle: (enabled) =>
              void store.flip((s) => {
                const target = s.lists.find((l) => l.id === row.id);
                if (target) target.enabled = enabled;
              }),
          }),
          h(
            'span',
            { class: 'muted' },
            row.state === 'paused'
              ? t('popup_listPaused', time(row.pausedUntil ?? 0))
              : `${actionName(row.action)} · ${tCount(row.rules, 'ruleOne', 'ruleOther')}${row.here ? '' : ` · ${t('popup_notHere')}`}`,
          ),
          row.state === 'paused'
            ? h(
                Button,
                { label: t('popup_resumeList', row.name), onClick: () => void store.resumeList(row.id) },
                t('resume'),
              )
            : null,
        ),
      ),
    ),
  );
}

/** Switches that belong to the page's site only (E-Hentai's tag completion, loading next pages). */
function SiteSettings({ store, settings }: { store: PopupStore; settings: Settings }) {
  const switches = siteSwitches(store.adapter.value);
  if (!switches.completeTags && !switches.refill) return null;
  return h(
    'section',
    { 'aria-labelledby': 'pages-heading' },
    h('h2', { id: 'pages-heading' }, t('pages')),
    switches.refill
      ? h(
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
                void store.flip((s) => {
                  s.refill = value;
                });
              },
            },
            h('option', { value: 'off' }, t('refillOff')),
            h('option', { value: 'offer' }, t('refillOffer')),
            h('option', { value: 'auto' }, t('refillAuto')),
          ),
        )
      : null,
    switches.completeTags
      ? h(Switch, {
          id: 'complete-tags',
          label: t(completeTagsLabel(store.adapter.value)),
          checked: settings.completeTags,
          onToggle: (on) =>
            void store.flip((s) => {
              s.completeTags = on;
            }),
        })
      : null,
  );
}

export function Popup({ store }: { store: PopupStore }) {
  const loaded = store.settings.value;
  if (!loaded) return null;
  const { settings, problems, where } = loaded;
  const page = store.page.value;
  return h(
    'div',
    { class: 'popup' },
    h(Header, { store, settings }),
    ...problems
      .map(messageText)
      .map((p) => h('p', { key: p, class: 'problem', role: 'alert' }, t('settingsRepaired', p))),
    where === 'local' ? h('p', { class: 'problem', role: 'status' }, t('keptLocally')) : null,
    h(BlockSection, { store, settings, page }),
    h(PageSection, { store, settings, page }),
    h(ListsSection, { store, settings, page }),
    h(SiteSettings, { store, settings }),
    h(
      'footer',
      {},
      h(
        Button,
        { id: 'open-options', class: 'link', onClick: () => store.deps.openOptionsPage() },
        t('openOptions'),
      ),
    ),
  );
}
