import { h } from 'preact';
import { explain } from '@/src/rules/explain';
import type { Action } from '@/src/rules/types';
import { errorText, explainWords, ruleErrorText, t } from '@/src/ui/i18n';
import { checkedFor, gutter, lineAt, lineRange, storedLines, textAfterSave } from '../editor-model';
import { clearNotice, noticeFor, render, say } from './shared';

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
  /** The box's and its button's labels, when not "Rules of {name}" (a list's exceptions). */
  /** The box's and the Save button's accessible names, and the button's text (its name must contain it). */
  labels?: { rules: string; save: string; saveText: string };
  /** Saves the lines (bad ones included, as typed); returns the rules as stored afterwards. */
  save(lines: string[], base: string[]): Promise<string[]>;
}

/** The line under each editor's caret, for its explanation. */
const caretLines = new Map<string, number>();

function textareaOf(key: string): HTMLTextAreaElement | null {
  return document.getElementById(`editor-${key}`) as HTMLTextAreaElement | null;
}

/** Puts the caret on a line of an editor and brings it into view (a click on an error or a gutter mark). */
function goToLine(key: string, line: number): void {
  const area = textareaOf(key);
  if (!area) return;
  const [start, end] = lineRange(area.value, line);
  area.focus();
  area.setSelectionRange(start, end);
  // A line's height, from the computed style, scrolls the box to the line.
  const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  caretLines.set(key, line);
  render();
}

/**
 * A list's rules as text, one per line: bad lines marked in a gutter and listed with line and column as
 * the user types (a click goes to the line), the line under the caret explained in words, and Save
 * storing every line in the user's order — a bad one as the user's text, flagged until it is fixed.
 */
export function ruleEditor(options: EditorOptions) {
  const { key, name, stored, drafts } = options;
  const draft = drafts.get(key);
  const text = draft?.text ?? stored.join('\n');
  const checked = checkedFor(key, text);
  const errorsId = `errors-${key}`;
  const explainId = `explain-${key}`;
  const caretLine = caretLines.get(key);
  const rule = caretLine === undefined ? undefined : checked.rules.get(caretLine);
  const shown = checked.errors.slice(0, MAX_ERRORS_SHOWN);
  const marks = gutter(text, checked);
  const onCaret = (e: Event) => {
    const area = e.currentTarget as HTMLTextAreaElement;
    const line = lineAt(area.value, area.selectionStart ?? 0);
    if (caretLines.get(key) === line) return;
    caretLines.set(key, line);
    render();
  };
  return h(
    'div',
    { class: 'stack editor' },
    h(
      'div',
      { class: 'editor-box' },
      h(
        'ol',
        { class: 'gutter', 'aria-hidden': 'true', id: `gutter-${key}` },
        ...marks.map((m) =>
          h(
            'li',
            {
              key: m.line,
              class: m.error ? 'bad' : undefined,
              onClick: m.error ? () => goToLine(key, m.line) : undefined,
            },
            m.error ? '!' : String(m.line),
          ),
        ),
      ),
      h('textarea', {
        id: `editor-${key}`,
        rows: Math.min(14, Math.max(4, stored.length + 1)),
        spellcheck: false,
        wrap: 'off',
        'aria-label': options.labels?.rules ?? t('rulesOf', name),
        'aria-describedby': `${errorsId} ${explainId}`,
        'aria-invalid': checked.errors.length > 0 ? 'true' : undefined,
        readOnly: options.readOnly ?? false,
        value: text,
        onInput: (e: Event) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          drafts.set(key, { base: drafts.get(key)?.base ?? stored, text: value });
          clearNotice(key);
          onCaret(e);
          render();
        },
        onScroll: (e: Event) => {
          const gutterBox = document.getElementById(`gutter-${key}`);
          if (gutterBox) gutterBox.scrollTop = (e.currentTarget as HTMLTextAreaElement).scrollTop;
        },
        onKeyUp: onCaret,
        onClick: onCaret,
        onFocus: onCaret,
      }),
    ),
    h(
      'div',
      { id: errorsId, class: 'errors', role: 'alert' },
      ...shown.map((e) =>
        h(
          'p',
          { key: e.line },
          h(
            'button',
            { type: 'button', class: 'link', onClick: () => goToLine(key, e.line) },
            t('lineError', e.line, e.column, ruleErrorText(e), e.text),
          ),
        ),
      ),
      checked.errors.length > shown.length
        ? h('p', {}, t('moreErrors', checked.errors.length - shown.length))
        : null,
    ),
    h(
      'p',
      { id: explainId, class: 'explain', 'aria-live': 'polite' },
      rule ? explain(rule, options.action, explainWords()) : '',
    ),
    options.readOnly
      ? null
      : h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              type: 'button',
              'aria-label': options.labels?.save ?? t('saveRulesOf', name),
              onClick: () => {
                const current = drafts.get(key)?.text ?? text;
                const lines = storedLines(current);
                const bad = checkedFor(key, current).errors.length;
                const base = drafts.get(key)?.base ?? stored;
                void options.save(lines, base).then(
                  (after) => {
                    // The saved text stays until the stored copy comes back (then the draft is dropped);
                    // lines the writer left out, and what was typed meanwhile, stay in the box.
                    const now = drafts.get(key)?.text ?? current;
                    const { text: kept, dropped } = textAfterSave(lines, current, now, after);
                    drafts.set(key, { base: after, text: kept });
                    if (dropped.length > 0)
                      say(key, t('notSavedCut', dropped.map((l) => `“${l.slice(0, 40)}…”`).join('; ')), true);
                    else
                      say(
                        key,
                        bad === 0
                          ? t('savedRules', lines.length)
                          : t('options_savedWithBad', lines.length - bad, bad),
                        bad > 0,
                      );
                    render();
                  },
                  (error: unknown) => {
                    say(key, t('couldNotSave', errorText(error)), true);
                    render();
                  },
                );
              },
            },
            options.labels?.saveText ?? t('saveRules'),
          ),
          noticeFor(key),
        ),
  );
}
