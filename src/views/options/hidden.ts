import { h } from 'preact';
import {
  describeEntry,
  type EntryKind,
  HIDDEN_ONE_BY_ONE_ID,
  type HiddenEntry,
  hiddenEntries,
  removeEntryRule,
} from '@/src/rules/entry-rules';
import type { Settings } from '@/src/settings/schema';
import { t } from '@/src/ui/i18n';
import { noticeOf, save, section } from './shared';

// The options page's "Hidden entries": every work, gallery or post hidden one by one ("Hide this one"),
// in words — its title where known, then "the AO3 work 12345" — each with Show again, and Undo after.

const entryWords = (site: string, kind: EntryKind, id: string) =>
  t('entryDescribed', site, t(`entryKind_${kind}`), id);

/** The last Show again, while its notice is the one shown: Undo puts the line back where it was. */
let undoable: { entry: HiddenEntry; text: string } | null = null;

/** An entry's name for buttons and notices: its title, or the site, kind and id in words. */
export function hiddenEntryName(entry: HiddenEntry, settings: Pick<Settings, 'customSites'>): string {
  const described = describeEntry(entry, entryWords, siteNames(settings));
  return entry.note ? `“${entry.note}” (${described})` : described;
}

const siteNames = (settings: Pick<Settings, 'customSites'>) =>
  Object.fromEntries(settings.customSites.map((s) => [s.id, s.name]));

function showAgain(entry: HiddenEntry, name: string): void {
  const text = t('popup_hideOneUndone', name);
  // Set first: the save draws the page with its notice, which offers Undo only while it is this one.
  undoable = { entry, text };
  void save('hidden', (s) => void removeEntryRule(s, entry.site, entry.id), text);
}

function undo(): void {
  const last = undoable;
  undoable = null;
  if (!last) return;
  const { entry } = last;
  void save('hidden', (s) => {
    // Back in the list it came from when that list is still there, else in "Hidden entries".
    const list = s.lists.find((l) => l.id === entry.listId && !l.source);
    if (list) list.patterns.push(entry.source);
    else s.lists.find((l) => l.id === HIDDEN_ONE_BY_ONE_ID)?.patterns.push(entry.source);
  });
}

export function hiddenSection(settings: Settings) {
  const entries = hiddenEntries(settings);
  const names = siteNames(settings);
  const notice = noticeOf('hidden');
  return section(
    'hidden',
    t('hidden_heading'),
    h('p', { class: 'muted' }, t('hidden_help')),
    entries.length === 0
      ? h('p', { class: 'muted', id: 'hidden-none' }, t('hidden_none'))
      : h(
          'ul',
          { class: 'stack', id: 'hidden-entries' },
          ...entries.map((entry) => {
            const described = describeEntry(entry, entryWords, names);
            const name = hiddenEntryName(entry, settings);
            return h(
              'li',
              { key: entry.source, class: 'row', 'data-entry': `${entry.site}/${entry.id}` },
              h(
                'span',
                {},
                entry.note ? h('strong', {}, entry.note) : null,
                entry.note ? ' — ' : null,
                described,
                entry.listId === HIDDEN_ONE_BY_ONE_ID
                  ? null
                  : h('span', { class: 'muted' }, ` (${t('hidden_inList', entry.listName)})`),
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': t('hidden_showAgainNamed', name),
                  onclick: () => showAgain(entry, name),
                },
                t('hidden_showAgain'),
              ),
            );
          }),
        ),
    h(
      'p',
      {
        id: 'notice-hidden',
        class: notice ? (notice.error ? 'problem' : 'ok') : 'notice-empty',
        role: 'status',
      },
      notice?.text ?? '',
      notice && undoable?.text === notice.text
        ? h('button', { type: 'button', class: 'link', id: 'hidden-undo', onclick: undo }, t('popup_undo'))
        : null,
    ),
  );
}
