import { entryKind } from '../rules/entry-rules';
import type { Verdict } from '../rules/types';
import { t } from '../ui/i18n';
import { clearMarks, setMarks } from './marks';
import { reasonText } from './reason';
import { ANCHOR_ATTR, VEIL_TAG } from './styles';

interface Veil {
  host: HTMLElement;
  root: ShadowRoot;
  /** The root has the page's one veil sheet adopted (else each drawing carries its own <style>). */
  adopted: boolean;
  anchor: Element;
  /** The entry's own elements this veil made inert (to give back exactly those, not the page's own). */
  inert: Element[];
  /** The veil blurs or folds what it covers (cover() ran, release() did not since). */
  covering: boolean;
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

/**
 * Two palettes, picked once per page (pageScheme): a veil on a dark site is dark, and each pair of
 * colours keeps at least 4.5:1 contrast (WCAG AA) for the reason line and the buttons.
 */
const VEIL_CSS = `
${DRAWN_TEXT_CSS}
:host { all: initial; display: block; font: 13px/1.4 system-ui, sans-serif; }
.light { color-scheme: light; --strong-bg: #2b2540; --strong-fg: #fff; --soft-bg: #ece9f5; --soft-fg: #3b3550;
  --label-bg: #f3e8ff; --label-fg: #3b2470; --label-line: #c9b3f5; --audit-bg: #fff7e6; --audit-fg: #5b3a00;
  --focus: #6d28d9; }
.dark { color-scheme: dark; --strong-bg: #3a3152; --strong-fg: #f5f3ff; --soft-bg: #2e2a3d; --soft-fg: #ece9f5;
  --label-bg: #2f2250; --label-fg: #eadcff; --label-line: #6d55a8; --audit-bg: #3a2a00; --audit-fg: #ffe2a8;
  --focus: #c4b5fd; }
.bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 6px 10px; border-radius: 6px;
  background: var(--strong-bg); color: var(--strong-fg); }
.blur { position: absolute; inset: 0; z-index: 2; display: flex; align-items: center; justify-content: center;
  padding: 8px; }
.collapse .bar, .shown .bar { background: var(--soft-bg); color: var(--soft-fg); margin: 4px 0; }
.label .bar { background: var(--label-bg); color: var(--label-fg); border: 1px solid var(--label-line);
  margin: 4px 0; }
.audit .bar { background: var(--audit-bg); color: var(--audit-fg); border: 1px dashed #d08700; margin: 4px 0; }
button { font: inherit; padding: 2px 10px; border-radius: 4px; border: 1px solid currentColor; cursor: pointer;
  background: transparent; color: inherit; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
`;

/**
 * One constructed sheet per page, adopted by every veil's root, instead of a <style> parsed per veil.
 * Chromium only: Firefox's content scripts see the page's shadow roots through Xray wrappers, where an
 * adopted sheet made in the content script's world is not reliably applied; there each veil keeps its <style>.
 */
const veilSheets = new WeakMap<Document, CSSStyleSheet | null>();

function veilSheet(doc: Document): CSSStyleSheet | null {
  if (veilSheets.has(doc)) return veilSheets.get(doc) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    if (
      import.meta.env.BROWSER !== 'firefox' &&
      View?.CSSStyleSheet &&
      'adoptedStyleSheets' in View.ShadowRoot.prototype
    ) {
      sheet = new View.CSSStyleSheet();
      sheet.replaceSync(VEIL_CSS);
    }
  } catch {
    sheet = null;
  }
  veilSheets.set(doc, sheet);
  return sheet;
}

/** Adopts the page's veil sheet into `root`; false where that does not hold (then a <style> is drawn). */
function adopt(root: ShadowRoot, doc: Document): boolean {
  const sheet = veilSheet(doc);
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    return root.adoptedStyleSheets.length === 1;
  } catch {
    return false;
  }
}

export type Scheme = 'light' | 'dark';

/** Relative luminance of an sRGB colour as getComputedStyle writes it (`rgb(…)`/`rgba(…)`); null if transparent. */
export function luminance(color: string): number | null {
  const parts = /rgba?\(([^)]*)\)/u
    .exec(color)?.[1]
    ?.split(/[\s,/]+/u)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) return null;
  if (parts.length > 3 && (parts[3] as number) < 0.5) return null;
  const [r, g, b] = parts.slice(0, 3).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether the page is dark: the background of <body> (else <html>) as painted, else the page's
 * color-scheme. Two style reads, made once per page (after its stylesheets are in, pageScheme), never per entry.
 */
export function readScheme(doc: Document): Scheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const lum = luminance(view.getComputedStyle(el).backgroundColor);
    if (lum !== null) return lum < 0.2 ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return /^\s*dark/u.test(scheme ?? '') ? 'dark' : 'light';
}

const schemes = new WeakMap<Document, Scheme>();

/**
 * The page's scheme, read once. While the page is still loading its stylesheets may not apply yet: the
 * scheme then read is used until DOMContentLoaded, when it is read once more and the veils already drawn
 * follow (one query for them, no style read per entry).
 */
export function pageScheme(doc: Document): Scheme {
  const known = schemes.get(doc);
  if (known) return known;
  const scheme = readScheme(doc);
  schemes.set(doc, scheme);
  if (doc.readyState === 'loading') {
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        const now = readScheme(doc);
        schemes.set(doc, now);
        if (now === scheme) return;
        for (const host of doc.querySelectorAll(VEIL_TAG)) {
          const wrap = hosts.get(host)?.root.lastElementChild;
          wrap?.classList.replace(scheme, now);
        }
      },
      { once: true },
    );
  }
  return scheme;
}

/** Veils by their host element, for the scheme's one late change. */
const hosts = new WeakMap<Element, Veil>();

function veilFor(entry: HTMLElement, anchor: Element): Veil {
  let veil = veils.get(entry);
  if (!veil) {
    const host = entry.ownerDocument.createElement(VEIL_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    veil = { host, root, adopted: adopt(root, entry.ownerDocument), anchor, inert: [], covering: false };
    veils.set(entry, veil);
    hosts.set(host, veil);
  }
  if (veil.anchor !== anchor) {
    release(veil);
    veil.anchor.removeAttribute(ANCHOR_ATTR);
    veil.anchor = anchor;
  }
  if (anchor !== entry && !anchor.hasAttribute(ANCHOR_ATTR)) anchor.setAttribute(ANCHOR_ATTR, '');
  if (veil.host.parentNode !== anchor) anchor.prepend(veil.host);
  return veil;
}

/**
 * Takes what the veil covers out of the tab order and the accessibility tree: the same elements the
 * stylesheet blurs or folds away (EFFECTS_CSS), each made inert. Writes only: no layout is read. Again
 * on each call: what the page added since is covered too (what it already made inert is left its own).
 */
function cover(veil: Veil, entry: Element): void {
  veil.covering = true;
  if (veil.inert.length > 0) veil.inert = veil.inert.filter((el) => el.isConnected);
  const mark = (parent: Element) => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child === veil.host || child === veil.anchor || child.hasAttribute('inert')) continue;
      child.setAttribute('inert', '');
      veil.inert.push(child);
    }
  };
  mark(entry);
  if (veil.anchor !== entry) mark(veil.anchor);
}

/** Gives back what cover() took. */
function release(veil: Veil): void {
  veil.covering = false;
  for (const el of veil.inert) el.removeAttribute('inert');
  veil.inert = [];
}

/**
 * Covers what the page put into a blurred or folded entry after its veil was drawn (a summary filled in
 * late, a card re-rendered in place with the same tags): out of the tab order and the accessibility tree
 * as the rest of it. Nothing for an entry without a covering veil.
 */
export function coverAdded(entry: Element): void {
  const veil = veils.get(entry);
  if (veil?.covering) cover(veil, entry);
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
  /** The site's id: the veil names what it covers ("Blurred work"). */
  site?: string;
  /** "Hide this one": hides this entry by its id, without a tag rule; absent where the entry has no id. */
  onHideOne?: () => void;
}

function button(doc: Document, text: string, label: string, onClick: () => void): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.setAttribute('aria-label', label);
  el.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    // Only the user's own click: a page's script cannot reach this closed root, but it may synthesize events.
    if (event.isTrusted) onClick();
  });
  return el;
}

function render(
  entry: HTMLElement,
  verdict: Verdict,
  { shown, audit, onToggle, anchor, site, onHideOne }: PaintOptions,
): void {
  const veil = veilFor(entry, anchor);
  const { root } = veil;
  const doc = entry.ownerDocument;
  // The user pressed Show or Hide again, whose button this render replaces: focus goes to its successor.
  const hadFocus = root.activeElement !== null;
  const wrap = doc.createElement('div');
  const bar = doc.createElement('div');
  bar.className = 'bar';
  // A named group: what the veil covers and why, read by screen readers; the name sits in this closed
  // root, out of the page's reach, like the drawn reason line (hidden from them, said in the name).
  bar.setAttribute('role', 'group');
  const line = doc.createElement('span');
  line.setAttribute('aria-hidden', 'true');
  bar.append(line);
  const reason = reasonText(verdict);
  const kind = t(`entryKind_${entryKind(site ?? '')}`);
  let toggle: HTMLButtonElement | null = null;
  let text: string;
  if (audit) {
    wrap.className = 'audit';
    text = t(`veilAudit_${verdict.action ?? 'label'}`, reason);
    bar.setAttribute('aria-label', text);
  } else if (verdict.action === 'label') {
    wrap.className = 'label';
    text = t('veilTagged', reason);
    bar.setAttribute('aria-label', t('veilCovers_label', kind, text));
  } else {
    wrap.className = shown ? 'shown' : (verdict.action ?? 'blur');
    text = t(shown ? 'veilShown' : 'veilWarning', reason);
    bar.setAttribute(
      'aria-label',
      t(`veilCovers_${shown ? 'shown' : (verdict.action ?? 'blur')}`, kind, text),
    );
    toggle = button(
      doc,
      t(shown ? 'hideAgain' : 'show'),
      t(shown ? 'hideAgainNamed' : 'showNamed', reason),
      onToggle,
    );
    bar.append(toggle);
  }
  drawText(line, text);
  if (onHideOne && !audit) bar.append(button(doc, t('hideThisOne'), t('hideThisOneNamed', kind), onHideOne));
  wrap.classList.add(pageScheme(doc));
  wrap.append(bar);
  if (veil.adopted) root.replaceChildren(wrap);
  else {
    const style = doc.createElement('style');
    style.textContent = VEIL_CSS;
    root.replaceChildren(style, wrap);
  }
  // Without a scroll: a veil drawn again while it holds focus (the page judged again) must not pull the
  // page back to it while the user scrolls away.
  if (hadFocus) (toggle ?? bar.querySelector('button'))?.focus({ preventScroll: true });
  if (!shown && !audit && (verdict.action === 'blur' || verdict.action === 'collapse')) cover(veil, entry);
  else release(veil);
}

/**
 * Applies a verdict to an entry's root: the mark attribute (`data-tagveil` with the action's neutral
 * value, or an empty `data-tagveil-audit` in audit mode) and, except for an unrevealed hide, the reason line.
 */
export function applyVerdict(entry: HTMLElement, verdict: Verdict, options: PaintOptions): void {
  if (verdict.action === null) clearVerdict(entry);
  else if (setMarks(entry, verdict, options) === 'no-veil') removeVeil(entry, 'after');
  else render(entry, verdict, options);
}

export function clearVerdict(entry: Element): void {
  clearMarks(entry);
  removeVeil(entry, 'inside');
}

/**
 * Removes the entry's veil. When it held the focus (the user pressed Hide again on an entry of a hide
 * list, or Hide this one and the entry went), the focus moves on instead of falling to <body>: to what
 * follows the entry when the entry is gone, into the entry when it stays shown without a veil.
 */
function removeVeil(entry: Element, focusTo: 'after' | 'inside'): void {
  const veil = veils.get(entry);
  if (!veil) return;
  const hadFocus = veil.root.activeElement !== null;
  release(veil);
  veil.host.remove();
  veil.anchor.removeAttribute(ANCHOR_ATTR);
  if (!hadFocus) return;
  const target =
    focusTo === 'inside' ? firstFocusable(entry, entry) : firstFocusable(afterSubtree(entry), null);
  // Without a scroll, as render() moves it: a re-judge may come while the user looks elsewhere.
  target?.focus({ preventScroll: true });
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
/** How far the next focusable element is looked for (a page of entries; a user's click, not a hot path). */
const FOCUS_SEARCH_LIMIT = 5000;

/** The element after `el` in document order that is not inside it. */
function afterSubtree(el: Element): Element | null {
  let at: Element | null = el;
  while (at && !at.nextElementSibling) at = at.parentElement;
  return at?.nextElementSibling ?? null;
}

/**
 * The first element from `start` on (in document order; only inside `within` when given) that the user
 * can focus and see: a veil's first button for a veiled entry, else a focusable element outside inert
 * content, rendered.
 */
function firstFocusable(start: Element | null, within: Element | null): HTMLElement | null {
  if (!start) return null;
  const doc = start.ownerDocument;
  const walker = doc.createTreeWalker(within ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = start;
  let node: Node | null = start;
  for (let steps = 0; node && steps < FOCUS_SEARCH_LIMIT; steps++, node = walker.nextNode()) {
    const el = node as HTMLElement;
    const veil = hosts.get(el);
    const candidate = veil
      ? veil.root.querySelector<HTMLElement>('button')
      : el.matches(FOCUSABLE) && el.closest('[inert]') === null
        ? el
        : null;
    if (candidate && el.getClientRects().length > 0) return candidate;
  }
  return null;
}
