import { reasonLabel, type Verdict } from '../rules/types';
import { t } from '../ui/i18n';
import { ANCHOR_ATTR, AUDIT_ATTR, MARK_ATTR, MARK_VALUE, SHOWN_ATTR, VEIL_TAG } from './styles';

interface Veil {
  host: HTMLElement;
  root: ShadowRoot;
  anchor: Element;
}

/**
 * Veils by entry. The shadow roots are closed so the page's scripts cannot read the user's reasons, and
 * the reasons are not text either: the page's window.find() and a selection reach into closed roots,
 * so the reason line is drawn by CSS from an attribute (DRAWN_TEXT), which neither can reach. Screen
 * readers read it (drawn text is in the accessibility tree), and the buttons carry it in aria-label.
 */
const veils = new WeakMap<Element, Veil>();

/** The attribute whose value a veil's stylesheet draws as the element's text. */
export const DRAWN_TEXT = 'data-text';
/** Drawn text: shown and read aloud, but not in the page's text (find, selection, copy). */
export const DRAWN_TEXT_CSS = `[${DRAWN_TEXT}]::before { content: attr(${DRAWN_TEXT}); }`;

/** Sets what `el` shows to `text`, drawn rather than written (DRAWN_TEXT). */
export function drawText(el: Element, text: string): void {
  el.setAttribute(DRAWN_TEXT, text);
}

const VEIL_CSS = `
${DRAWN_TEXT_CSS}
:host { all: initial; display: block; font: 13px/1.4 system-ui, sans-serif; }
.bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 6px 10px; border-radius: 6px;
  background: #2b2540; color: #fff; }
.blur { position: absolute; inset: 0; z-index: 2; display: flex; align-items: center; justify-content: center;
  padding: 8px; }
.collapse .bar { background: #ece9f5; color: #3b3550; margin: 4px 0; }
.label .bar { background: #f3e8ff; color: #3b2470; border: 1px solid #c9b3f5; margin: 4px 0; }
.shown .bar { background: #ece9f5; color: #3b3550; margin: 4px 0; }
.audit .bar { background: #fff7e6; color: #5b3a00; border: 1px dashed #d08700; margin: 4px 0; }
button { font: inherit; padding: 2px 10px; border-radius: 4px; border: 1px solid currentColor; cursor: pointer;
  background: transparent; color: inherit; }
button:focus-visible { outline: 2px solid #8b5cf6; outline-offset: 2px; }
`;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** "Netorare, Cheating — list NTR & cheating" */
export function reasonText(verdict: Verdict): string {
  const tags = unique(verdict.reasons.map(reasonLabel)).join(', ');
  const lists = unique(verdict.reasons.map((r) => r.listName));
  return t(lists.length > 1 ? 'veilReasonLists' : 'veilReasonList', tags, lists.join(', '));
}

function veilFor(entry: HTMLElement, anchor: Element): Veil {
  let veil = veils.get(entry);
  if (!veil) {
    const host = entry.ownerDocument.createElement(VEIL_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    veil = { host, root, anchor };
    veils.set(entry, veil);
  }
  if (veil.anchor !== anchor) {
    veil.anchor.removeAttribute(ANCHOR_ATTR);
    veil.anchor = anchor;
  }
  if (anchor !== entry && !anchor.hasAttribute(ANCHOR_ATTR)) anchor.setAttribute(ANCHOR_ATTR, '');
  if (veil.host.parentNode !== anchor) anchor.prepend(veil.host);
  return veil;
}

export interface PaintOptions {
  /** The user revealed this entry (Show, or Show all on this page). */
  shown: boolean;
  /** Audit mode: outline and explain, act on nothing. */
  audit: boolean;
  /** Flips `shown`. */
  onToggle: () => void;
  /** Where the reason line goes: the entry, or an element inside it (a table row's title cell). */
  anchor: Element;
}

function render(
  entry: HTMLElement,
  verdict: Verdict,
  { shown, audit, onToggle, anchor }: PaintOptions,
): void {
  const { root } = veilFor(entry, anchor);
  const doc = entry.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = VEIL_CSS;
  const wrap = doc.createElement('div');
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'note');
  const line = doc.createElement('span');
  bar.append(line);
  const reason = reasonText(verdict);
  if (audit) {
    wrap.className = 'audit';
    drawText(line, t(`veilAudit_${verdict.action ?? 'label'}`, reason));
  } else if (verdict.action === 'label') {
    wrap.className = 'label';
    drawText(line, t('veilTagged', reason));
  } else {
    wrap.className = shown ? 'shown' : (verdict.action ?? 'blur');
    drawText(line, t(shown ? 'veilShown' : 'veilWarning', reason));
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t(shown ? 'hideAgain' : 'show');
    button.setAttribute('aria-label', t(shown ? 'hideAgainNamed' : 'showNamed', reason));
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      onToggle();
    });
    bar.append(button);
  }
  wrap.append(bar);
  root.replaceChildren(style, wrap);
}

/**
 * Applies a verdict to an entry's root: the mark attribute (`data-tagveil` with the action's neutral
 * value, or an empty `data-tagveil-audit` in audit mode) and, except for an unrevealed hide, the reason line.
 */
export function applyVerdict(entry: HTMLElement, verdict: Verdict, options: PaintOptions): void {
  const action = verdict.action;
  if (action === null) {
    clearVerdict(entry);
    return;
  }
  const [markAttr, otherAttr] = options.audit ? [AUDIT_ATTR, MARK_ATTR] : [MARK_ATTR, AUDIT_ATTR];
  const value = options.audit ? '' : MARK_VALUE[action];
  entry.removeAttribute(otherAttr);
  if (entry.getAttribute(markAttr) !== value) entry.setAttribute(markAttr, value);
  if (options.shown && !options.audit) entry.setAttribute(SHOWN_ATTR, '');
  else entry.removeAttribute(SHOWN_ATTR);
  if (action === 'hide' && !options.shown && !options.audit) removeVeil(entry);
  else render(entry, verdict, options);
}

export function clearVerdict(entry: Element): void {
  entry.removeAttribute(MARK_ATTR);
  entry.removeAttribute(AUDIT_ATTR);
  entry.removeAttribute(SHOWN_ATTR);
  removeVeil(entry);
}

function removeVeil(entry: Element): void {
  const veil = veils.get(entry);
  if (!veil) return;
  veil.host.remove();
  veil.anchor.removeAttribute(ANCHOR_ATTR);
}
