import { browser } from 'wxt/browser';
import { PRESETS } from '@/src/rules/presets';
import type { Action } from '@/src/rules/types';
import { updateSettings } from '@/src/settings/store';
import { h } from '@/src/ui/dom';
import { actionName, presetDescription, presetName, setDocumentLanguage, t } from '@/src/ui/i18n';

/** The actions a new user chooses between; collapse is there in the options for those who want it. */
const FIRST_ACTIONS = ['hide', 'blur', 'label'] as const;

const app = document.getElementById('app') as HTMLElement;

/** Switches on the chosen presets with the chosen action; nothing is hidden before this. */
async function start(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const chosen = PRESETS.filter(
    (p) => (form.elements.namedItem(`preset-${p.id}`) as HTMLInputElement).checked,
  );
  const action = (new FormData(form).get('action') ?? 'blur') as Action;
  const status = app.querySelector<HTMLElement>('#done') as HTMLElement;
  try {
    await updateSettings((settings) => {
      for (const preset of chosen) {
        const list = settings.lists.find((l) => l.id === preset.id);
        if (list) {
          list.enabled = true;
          list.action = action;
        } else {
          settings.lists.push({
            id: preset.id,
            name: presetName(preset.id),
            enabled: true,
            action,
            patterns: [...preset.patterns],
          });
        }
      }
      // Quick adds from the popup and the context menu get the same action.
      const mine = settings.lists.find((l) => l.id === 'mine');
      if (mine && mine.patterns.length === 0) mine.action = action;
    });
    status.className = 'ok';
    status.textContent =
      chosen.length === 0
        ? t('onboardingNone')
        : t('onboardingDone', chosen.map((p) => presetName(p.id)).join(', '));
  } catch (error) {
    status.className = 'problem';
    status.textContent = t('couldNotSave', error instanceof Error ? error.message : String(error));
  }
}

function render(): void {
  app.replaceChildren(
    h('h1', {}, t('onboardingTitle')),
    h('p', { class: 'lead' }, t('onboardingLead')),
    h(
      'form',
      { class: 'stack', style: 'gap: var(--space-4)', onsubmit: (e: Event) => void start(e) },
      h(
        'fieldset',
        {},
        h('legend', {}, t('onboardingPresets')),
        h(
          'div',
          { class: 'presets' },
          ...PRESETS.map((preset) =>
            h(
              'label',
              { class: 'card' },
              h('input', { type: 'checkbox', name: `preset-${preset.id}` }),
              h(
                'span',
                { class: 'stack' },
                h('strong', {}, presetName(preset.id)),
                h('span', {}, presetDescription(preset.id)),
                h('span', { class: 'preset-rules' }, preset.patterns.slice(0, 8).join(' · ')),
              ),
            ),
          ),
        ),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t('onboardingAction')),
        ...FIRST_ACTIONS.map((action) =>
          h(
            'label',
            {},
            h('input', { type: 'radio', name: 'action', value: action, checked: action === 'blur' }),
            h('span', {}, h('strong', {}, actionName(action)), ' — ', t(`actionHelp_${action}`)),
          ),
        ),
      ),
      h('div', { class: 'row' }, h('button', { type: 'submit', id: 'start' }, t('onboardingStart'))),
      h('p', { id: 'done', role: 'status' }),
    ),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => void browser.runtime.openOptionsPage() },
        t('openOptions'),
      ),
    ),
  );
}

setDocumentLanguage();
document.title = t('onboardingTitle');
render();
