import { h } from 'preact';
import {
  applyPresetChanges,
  type PresetChange,
  presetUpgrade,
  settleOrigin,
} from '@/src/rules/preset-upgrade';
import type { Blocklist } from '@/src/settings/schema';
import { presetName, t } from '@/src/ui/i18n';
import { noticeFor, save } from './shared';
import { lineInWords } from './words';

// A newer preset's difference, offered on the list made from it: all at once, line by line, or not at
// all ("keep my list"). Nothing changes the list until the user says so (src/rules/preset-upgrade.ts).

const noticeKey = (listId: string) => `upgrade-${listId}`;

function changeText(change: PresetChange): string {
  const shown = lineInWords(change.line);
  const text = shown === change.line ? change.line : `${change.line} (${shown})`;
  if (change.field === 'exceptions')
    return change.kind === 'add'
      ? t('options_upgradeAddException', text)
      : t('options_upgradeRemoveException', text);
  return change.kind === 'add' ? t('options_upgradeAdd', text) : t('options_upgradeRemove', text);
}

function apply(
  list: Blocklist,
  changes: readonly PresetChange[],
  done: string,
  settle: (l: Blocklist) => Blocklist = settleOrigin,
): void {
  void save(
    noticeKey(list.id),
    (s) => {
      const i = s.lists.findIndex((l) => l.id === list.id);
      const target = s.lists[i];
      if (i < 0 || !target) return;
      s.lists[i] = settle(applyPresetChanges(target, changes));
    },
    done,
  );
}

/** The offer on a list's card, or nothing when its preset has not changed since (or it has no preset). */
export function presetOffer(list: Blocklist) {
  const upgrade = presetUpgrade(list);
  // The notice stays after the last change is applied and the offer is gone.
  if (!upgrade || upgrade.changes.length === 0) return noticeFor(noticeKey(list.id));
  const name = presetName(upgrade.preset.id);
  const markShipped = (l: Blocklist): Blocklist => ({
    ...l,
    preset: { id: upgrade.preset.id, version: upgrade.to },
  });
  return h(
    'div',
    { class: 'card preset-offer', role: 'region', 'aria-label': t('options_upgradeHeading', name) },
    h('p', {}, h('strong', {}, t('options_upgradeHeading', name))),
    h('p', { class: 'muted' }, t('options_upgradeHelp', list.name)),
    h(
      'ul',
      { class: 'plain' },
      ...upgrade.changes.map((change) => {
        const text = changeText(change);
        return h(
          'li',
          { key: `${change.field}-${change.kind}-${change.line}`, class: 'row' },
          h('span', {}, text),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': t('options_upgradeApplyOne', text),
              onClick: () => apply(list, [change], t('options_upgradeAppliedOne', text)),
            },
            t('options_upgradeApply'),
          ),
        );
      }),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          onClick: () =>
            apply(
              list,
              upgrade.changes,
              t('options_upgradeApplied', upgrade.changes.length, list.name),
              markShipped,
            ),
        },
        t('options_upgradeApplyAll', upgrade.changes.length),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onClick: () => apply(list, [], t('options_upgradeKept', list.name), markShipped),
        },
        t('options_upgradeKeep'),
      ),
    ),
    noticeFor(noticeKey(list.id)),
  );
}
