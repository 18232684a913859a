// The picker's panel, drawn in the picker's closed shadow root: what to click, then the proposed
// selectors with what they find, to adjust and save. It shows nothing of the user's lists.
import { type ComponentChildren, h } from 'preact';
import type { Message } from '../settings/message';
import { messageText, t, tCount } from '../ui/i18n';
import type { PickerStore } from './store';

function Button(props: {
  id: string;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
  children?: ComponentChildren;
}) {
  return h(
    'button',
    {
      type: 'button',
      id: props.id,
      class: props.primary ? 'primary' : '',
      disabled: props.disabled ?? false,
      onClick: props.onClick,
    },
    props.children,
  );
}

function SelectorField(props: {
  id: string;
  label: string;
  value: string;
  /** Why the selector cannot be used (src/sites/custom.ts), or null. */
  problem: Message | null;
  onInput: (value: string) => void;
}) {
  const problemId = `${props.id}-problem`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: props.id }, props.label),
    h('input', {
      id: props.id,
      type: 'text',
      spellcheck: false,
      autocomplete: 'off',
      value: props.value,
      'aria-invalid': props.problem ? 'true' : 'false',
      'aria-describedby': props.problem ? problemId : undefined,
      onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
    }),
    props.problem
      ? h('p', { id: problemId, class: 'problem' }, t('selectorBad', props.label, messageText(props.problem)))
      : null,
  );
}

function Review({ store }: { store: PickerStore }) {
  const found = store.matched.value;
  const { entry, tag } = store.problems.value;
  return h(
    'form',
    {
      onSubmit: (e: Event) => {
        e.preventDefault();
        void store.save();
      },
    },
    h(
      'p',
      { id: 'counts', role: 'status', class: found && found.entries.length > 0 ? 'counts' : 'problem' },
      found && found.entries.length > 0
        ? t(
            'picker_counts',
            tCount(found.entries.length, 'entryOne', 'entryOther'),
            tCount(found.tags.length, 'picker_tagOne', 'picker_tagOther'),
          )
        : t('picker_noEntries'),
    ),
    h(SelectorField, {
      id: 'entry-selector',
      label: t('customEntry'),
      value: store.entrySelector.value,
      problem: entry,
      onInput: (v) => {
        store.entrySelector.value = v;
      },
    }),
    h(
      'div',
      { class: 'row' },
      h(Button, { id: 'wider', disabled: !store.canWiden, onClick: () => store.wider() }, t('picker_wider')),
      h(
        Button,
        { id: 'narrower', disabled: !store.canNarrow, onClick: () => store.narrower() },
        t('picker_narrower'),
      ),
    ),
    h(SelectorField, {
      id: 'tag-selector',
      label: t('customTags'),
      value: store.tagSelector.value,
      problem: tag,
      onInput: (v) => {
        store.tagSelector.value = v;
      },
    }),
    h('p', { class: 'muted' }, t('picker_saveHelp')),
    store.saveFailed.value
      ? h('p', { id: 'save-failed', class: 'problem', role: 'alert' }, t('picker_saveFailed'))
      : null,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'submit', id: 'save', class: 'primary', disabled: !store.canSave.value },
        t('picker_save'),
      ),
      h(Button, { id: 'restart', onClick: () => store.restart() }, t('picker_restart')),
      h(Button, { id: 'cancel', onClick: () => store.cancel() }, t('picker_cancel')),
    ),
  );
}

export function Panel({ store }: { store: PickerStore }) {
  const step = store.step.value;
  return h(
    'section',
    { class: 'panel', role: 'dialog', 'aria-labelledby': 'picker-title', 'aria-describedby': 'picker-help' },
    h('h2', { id: 'picker-title' }, t('picker_title')),
    step === 'review'
      ? h(Review, { store })
      : h(
          'div',
          {},
          h(
            'p',
            { id: 'picker-help', class: 'step', role: 'status' },
            t(step === 'entry' ? 'picker_pickEntry' : 'picker_pickTag'),
          ),
          h('p', { class: 'muted' }, t('picker_keys')),
          h(
            'div',
            { class: 'row' },
            step === 'tag'
              ? h(Button, { id: 'restart', onClick: () => store.restart() }, t('picker_restart'))
              : null,
            h(Button, { id: 'cancel', onClick: () => store.cancel() }, t('picker_cancel')),
          ),
        ),
  );
}

/** The panel's and the outlines' styles: the page's own styles do not reach into the shadow root. */
export const PICKER_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.box { position: fixed; box-sizing: border-box; pointer-events: none; border-radius: 2px; }
.box.entry { outline: 2px solid #1a73e8; background: rgb(26 115 232 / 0.06); }
.box.tag { outline: 2px solid #c2410c; background: rgb(194 65 12 / 0.10); }
.box.candidate { outline: 3px dashed #7c3aed; background: rgb(124 58 237 / 0.12); }
.box.picked { outline-width: 4px; }
.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; pointer-events: auto;
  box-sizing: border-box; width: min(380px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto;
  padding: 14px 16px; border-radius: 10px; border: 1px solid #c8ccd4;
  background: #ffffff; color: #1b1e24; box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: start;
}
h2 { margin: 0 0 8px; font-size: 16px; font-weight: 650; }
p { margin: 0 0 8px; }
.muted { color: #4b5160; font-size: 13px; }
.problem { color: #b3261e; }
.counts { font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0 10px; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 6px; }
label { font-weight: 600; font-size: 13px; }
input { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; padding: 6px 8px; border: 1px solid #8a909c;
  border-radius: 6px; background: #ffffff; color: #1b1e24; }
button { font: inherit; font-size: 13px; padding: 6px 12px; border-radius: 6px; border: 1px solid #8a909c;
  background: #f3f4f6; color: #1b1e24; cursor: pointer; }
button.primary { background: #1a56c4; border-color: #1a56c4; color: #ffffff; }
button:disabled { opacity: 0.55; cursor: default; }
button:focus-visible, input:focus-visible { outline: 3px solid #7c3aed; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f2228; color: #e8eaee; border-color: #454b57; }
  .muted { color: #b4bac6; }
  .problem { color: #ffb4ab; }
  input { background: #14161a; color: #e8eaee; border-color: #6b7280; }
  button { background: #2c3039; color: #e8eaee; border-color: #6b7280; }
  button.primary { background: #8ab4f8; border-color: #8ab4f8; color: #0b1d3a; }
}
`;
