import { explain } from '@/src/rules/explain';
import type { Action } from '@/src/rules/types';
import { h } from '@/src/ui/dom';
import { explainWords, t } from '@/src/ui/i18n';
import { type CheckedLines, checkLines } from '@/src/ui/rule-lines';

/** Time after the last keystroke before a large list is checked again. */
const CHECK_DELAY_MS = 120;
/** Errors listed under an editor; the count says how many more. */
const MAX_ERRORS_SHOWN = 20;

export interface Draft {
  /** The rules as stored when editing began (what the user's removals are measured against). */
  base: string[];
  text: string;
}

export interface EditorOptions {
  key: string;
  /** The list's name, for labels: "Rules of My blocklist". */
  name: string;
  stored: string[];
  drafts: Map<string, Draft>;
  /** Explanations say what the list does; none for exceptions. */
  action?: Action;
  readOnly?: boolean;
  /** Saves the good lines; returns the rules as stored afterwards. */
  save(good: string[], base: string[]): Promise<string[]>;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * A list's rules as text, one per line: parse errors with line and column as the user types, the line
 * under the caret explained in words, and Save storing the good lines (bad ones stay in the box).
 */
export function ruleEditor(options: EditorOptions): HTMLElement {
  const { key, name, stored, drafts } = options;
  const draft = drafts.get(key);
  const errorsId = `errors-${key}`;
  const explainId = `explain-${key}`;
  const textarea = h('textarea', {
    id: `editor-${key}`,
    rows: Math.min(14, Math.max(4, stored.length + 1)),
    spellcheck: false,
    'aria-label': t('rulesOf', name),
    'aria-describedby': `${errorsId} ${explainId}`,
    readOnly: options.readOnly ?? false,
  });
  textarea.value = draft?.text ?? stored.join('\n');
  const errorsBox = h('div', { id: errorsId, class: 'errors', role: 'alert' });
  const explainBox = h('p', { id: explainId, class: 'explain', 'aria-live': 'polite' });
  const notice = h('p', { class: 'muted', role: 'status' });
  let checked: CheckedLines = checkLines(textarea.value);

  const showErrors = () => {
    const shown = checked.errors.slice(0, MAX_ERRORS_SHOWN);
    errorsBox.replaceChildren(
      ...shown.map((e) => h('p', {}, t('lineError', e.line, e.column, e.message, e.text))),
      ...(checked.errors.length > shown.length
        ? [h('p', {}, t('moreErrors', checked.errors.length - shown.length))]
        : []),
    );
  };
  const showExplanation = () => {
    const line = lineAt(textarea.value, textarea.selectionStart ?? 0);
    const rule = checked.rules.get(line);
    explainBox.textContent = rule ? explain(rule, options.action, explainWords()) : '';
  };
  let checkedText = textarea.value;
  const recheck = () => {
    // A caret move re-reads nothing; only changed text is parsed again.
    if (textarea.value === checkedText) return;
    checkedText = textarea.value;
    checked = checkLines(checkedText);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  textarea.addEventListener('input', () => {
    drafts.set(key, { base: drafts.get(key)?.base ?? stored, text: textarea.value });
    clearTimeout(timer);
    timer = setTimeout(() => {
      recheck();
      showErrors();
      showExplanation();
    }, CHECK_DELAY_MS);
  });
  for (const event of ['keyup', 'click', 'focus'])
    textarea.addEventListener(event, () => {
      recheck();
      showExplanation();
    });
  showErrors();

  const saveButton = h(
    'button',
    {
      type: 'button',
      'aria-label': t('saveRulesOf', name),
      onclick: () => {
        recheck();
        showErrors();
        const base = drafts.get(key)?.base ?? stored;
        void options.save(checked.good, base).then(
          (after) => {
            if (checked.errors.length === 0) drafts.delete(key);
            else drafts.set(key, { base: after, text: textarea.value });
            notice.className = checked.errors.length ? 'problem' : 'muted';
            notice.textContent =
              checked.errors.length === 0
                ? t('savedRules', checked.good.length)
                : t('savedRulesWithErrors', checked.good.length, checked.errors.length);
          },
          (error: unknown) => {
            notice.className = 'problem';
            notice.textContent = t('couldNotSave', error instanceof Error ? error.message : String(error));
          },
        );
      },
    },
    t('saveRules'),
  );
  return h(
    'div',
    { class: 'stack' },
    textarea,
    errorsBox,
    explainBox,
    options.readOnly ? null : h('div', { class: 'row' }, saveButton, notice),
  );
}
