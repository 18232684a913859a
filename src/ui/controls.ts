import type { Settings } from '../settings/schema';
import { h } from './dom';
import { t } from './i18n';

/** "When most of a page is hidden: …", shared by the popup and the options page. */
export function refillSelect(
  current: Settings['refill'],
  onChange: (value: Settings['refill']) => void,
): HTMLElement {
  const choices: [Settings['refill'], string][] = [
    ['off', t('refillOff')],
    ['offer', t('refillOffer')],
    ['auto', t('refillAuto')],
  ];
  return h(
    'label',
    { class: 'stack' },
    t('refillLabel'),
    h(
      'select',
      {
        id: 'refill',
        onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value as Settings['refill']),
      },
      ...choices.map(([value, label]) => h('option', { value, selected: current === value }, label)),
    ),
  );
}

/** A labelled checkbox; `onToggle` gets the new state. */
export function checkboxLabel(
  attrs: Record<string, string | boolean>,
  label: string,
  onToggle: (on: boolean) => void,
): HTMLElement {
  return h(
    'label',
    {},
    h('input', {
      type: 'checkbox',
      ...attrs,
      onchange: (e: Event) => onToggle((e.target as HTMLInputElement).checked),
    }),
    label,
  );
}
