import type { Action } from '../rules/types';

/** The element that carries an entry's reason line and reveal control, in a closed shadow root. */
export const VEIL_TAG = 'tagveil-veil';
/** Set on the root of every entry that was judged, whatever the verdict. */
export const SEEN_ATTR = 'data-tagveil-seen';
/** Set on an entry found but not judged yet (no rules yet, still streaming, waiting for its tags): unpainted. */
export const HELD_ATTR = 'data-tagveil-held';
/** The page-mark contract: an entry acted on carries this attribute; its value is Tagveil's own business. */
export const MARK_ATTR = 'data-tagveil';
/**
 * The mark's value for each action: neutral, so the page's DOM does not name what Tagveil did (what each
 * means lives in the stylesheet below; hiding itself shows in the page's layout, docs/privacy.md).
 */
export const MARK_VALUE: Readonly<Record<Action, string>> = Object.freeze({
  hide: '1',
  collapse: '2',
  blur: '3',
  label: '4',
});
/** Set on an entry acted on that the user chose to show. */
export const SHOWN_ATTR = 'data-tagveil-shown';
/** Audit mode: what the rules would act on (outlined), with nothing done; the reason line says what. */
export const AUDIT_ATTR = 'data-tagveil-audit';
/** Set on the element inside an entry that holds the veil, when that is not the entry (a table cell). */
export const ANCHOR_ATTR = 'data-tagveil-anchor';

const HIDE = `[${MARK_ATTR}="${MARK_VALUE.hide}"]`;
const COLLAPSE = `[${MARK_ATTR}="${MARK_VALUE.collapse}"]`;
const BLUR = `[${MARK_ATTR}="${MARK_VALUE.blur}"]`;

/** Effects, keyed by attributes only: the entry's own styles are never touched. */
export const EFFECTS_CSS = `
${HIDE}:not([${SHOWN_ATTR}]) { display: none !important; }
[${AUDIT_ATTR}] { outline: 2px dashed #d08700 !important; outline-offset: -2px !important; }
${BLUR} { position: relative !important; }
${BLUR}:not([${SHOWN_ATTR}]) > :not(${VEIL_TAG}, [${ANCHOR_ATTR}]),
${BLUR}:not([${SHOWN_ATTR}]) [${ANCHOR_ATTR}] > :not(${VEIL_TAG}) {
  filter: blur(12px) !important; pointer-events: none !important; user-select: none !important;
}
:not(tr)${COLLAPSE}:not([${SHOWN_ATTR}]) > :not(${VEIL_TAG}, [${ANCHOR_ATTR}]),
:not(tr)${COLLAPSE}:not([${SHOWN_ATTR}]) [${ANCHOR_ATTR}] > :not(${VEIL_TAG}) { display: none !important; }
/* A table row keeps its cells (the columns stay aligned), emptied, under a veil as wide as the row. */
tr${COLLAPSE}:not([${SHOWN_ATTR}]) { position: relative !important; }
tr${COLLAPSE}:not([${SHOWN_ATTR}]) > td { height: 2.5em !important; }
tr${COLLAPSE}:not([${SHOWN_ATTR}]) > td > :not(${VEIL_TAG}) { display: none !important; }
tr${COLLAPSE}:not([${SHOWN_ATTR}]) ${VEIL_TAG} { position: absolute !important; inset: 0 !important; z-index: 2; }
${VEIL_TAG} { display: block !important; }
[${HELD_ATTR}] { visibility: hidden !important; }
`;

/**
 * Holds a built-in site's entries unpainted until the first judging pass, by the adapter's own selector
 * (Tagveil's text, never an added site's, which is the user's and stays out of CSS): no script runs for
 * each entry the page parses before the settings come (runtime.ts).
 */
export function holdEntriesCss(entrySelector: string): string {
  return `:is(${entrySelector}):not([${SEEN_ATTR}]) { visibility: hidden !important; }`;
}
