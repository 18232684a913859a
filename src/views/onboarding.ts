// The first-run page: presets with every rule in words, the action, where Tagveil works and what to do
// next. What it shows comes from ./onboarding-model.ts.
import { signal } from '@preact/signals';
import { h } from 'preact';
import { PRESETS, type Preset } from '../rules/presets';
import type { Action } from '../rules/types';
import type { Settings } from '../settings/schema';
import { SITES } from '../sites/registry';
import { actionName, errorText, presetDescription, presetName, t } from '../ui/i18n';
import { siteLinks } from './onboarding-model';
import { presetWhole } from './options/words';

/** The actions a new user chooses between; collapse is there in the options for those who want it. */
const FIRST_ACTIONS = ['hide', 'blur', 'label'] as const;

export interface OnboardingDeps {
  updateSettings(change: (s: Settings) => void): Promise<Settings>;
  openOptionsPage(): void;
}

function PresetCard({ preset }: { preset: Preset }) {
  return h(
    'div',
    { class: 'card' },
    h(
      'label',
      { class: 'preset' },
      h('input', { type: 'checkbox', name: `preset-${preset.id}` }),
      h(
        'span',
        { class: 'stack' },
        h('strong', {}, presetName(preset.id)),
        h('span', {}, presetDescription(preset.id)),
      ),
    ),
    presetWhole(preset),
  );
}

function Sites({ started }: { started: boolean }) {
  return h(
    'section',
    { 'aria-labelledby': 'sites-heading', id: 'sites' },
    h('h2', { id: 'sites-heading' }, started ? t('onboarding_openOne') : t('onboarding_sites')),
    h(
      'ul',
      { class: 'sites' },
      ...siteLinks(SITES).map((site) =>
        h(
          'li',
          { key: site.name },
          h('a', { href: site.url, target: '_blank', rel: 'noreferrer' }, site.name),
          h('span', { class: 'muted' }, ` ${site.hosts.join(', ')}`),
        ),
      ),
    ),
    h('p', { class: 'muted' }, t('onboarding_otherSites')),
  );
}

export function Onboarding({ deps }: { deps: OnboardingDeps }) {
  const status = signal<{ text: string; error: boolean } | null>(null);
  return function View() {
    const done = status.value;
    const onSubmit = async (event: Event) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const chosen = PRESETS.filter(
        (p) => (form.elements.namedItem(`preset-${p.id}`) as HTMLInputElement).checked,
      );
      const action = (new FormData(form).get('action') ?? 'blur') as Action;
      try {
        await deps.updateSettings((settings) => {
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
                exceptions: [...preset.exceptions],
                preset: { id: preset.id, version: preset.version },
              });
            }
          }
          // Quick adds from the popup and the context menu get the same action.
          const mine = settings.lists.find((l) => l.id === 'mine');
          if (mine && mine.patterns.length === 0) mine.action = action;
        });
        status.value = {
          text:
            chosen.length === 0
              ? t('onboardingNone')
              : t('onboardingDone', chosen.map((p) => presetName(p.id)).join(', ')),
          error: false,
        };
      } catch (error) {
        status.value = {
          text: t('couldNotSave', errorText(error)),
          error: true,
        };
      }
    };
    return h(
      'div',
      { class: 'stack', style: 'gap: var(--space-6)' },
      h('h1', {}, t('onboardingTitle')),
      h('p', { class: 'lead' }, t('onboardingLead')),
      h(
        'form',
        { class: 'stack', style: 'gap: var(--space-4)', onSubmit: (e: Event) => void onSubmit(e) },
        h(
          'fieldset',
          {},
          h('legend', {}, t('onboardingPresets')),
          h(
            'div',
            { class: 'presets' },
            ...PRESETS.map((preset) => h(PresetCard, { key: preset.id, preset })),
          ),
        ),
        h(
          'fieldset',
          {},
          h('legend', {}, t('onboardingAction')),
          ...FIRST_ACTIONS.map((action) =>
            h(
              'label',
              { key: action },
              h('input', { type: 'radio', name: 'action', value: action, defaultChecked: action === 'blur' }),
              h('span', {}, h('strong', {}, actionName(action)), ' — ', t(`actionHelp_${action}`)),
            ),
          ),
        ),
        h('div', { class: 'row' }, h('button', { type: 'submit', id: 'start' }, t('onboardingStart'))),
        h(
          'p',
          { id: 'done', role: 'status', class: done ? (done.error ? 'problem' : 'ok') : undefined },
          done?.text ?? '',
        ),
      ),
      h(Sites, { started: done !== null && !done.error }),
      h(
        'p',
        {},
        h(
          'button',
          { type: 'button', class: 'link', onClick: () => deps.openOptionsPage() },
          t('openOptions'),
        ),
      ),
    );
  };
}
