/** The element that carries an entry's reason line and reveal control, in a closed shadow root. */
export const VEIL_TAG = 'tagveil-veil';
/** Set on the root of every entry that was judged, whatever the verdict; unjudged entries are held back. */
export const SEEN_ATTR = 'data-tagveil-seen';
/** The page-mark contract: `hide|collapse|blur|label` on entries acted on. */
export const MARK_ATTR = 'data-tagveil';
/** Set on an entry acted on that the user chose to show. */
export const SHOWN_ATTR = 'data-tagveil-shown';
/** Audit mode: what the rules would do, with nothing done. */
export const AUDIT_ATTR = 'data-tagveil-audit';
/** Set on the element inside an entry that holds the veil, when that is not the entry (a table cell). */
export const ANCHOR_ATTR = 'data-tagveil-anchor';

/** Effects, keyed by attributes only: the entry's own styles are never touched. */
export const EFFECTS_CSS = `
[${MARK_ATTR}="hide"]:not([${SHOWN_ATTR}]) { display: none !important; }
[${AUDIT_ATTR}] { outline: 2px dashed #d08700 !important; outline-offset: -2px !important; }
[${MARK_ATTR}="blur"] { position: relative !important; }
[${MARK_ATTR}="blur"]:not([${SHOWN_ATTR}]) > :not(${VEIL_TAG}, [${ANCHOR_ATTR}]),
[${MARK_ATTR}="blur"]:not([${SHOWN_ATTR}]) [${ANCHOR_ATTR}] > :not(${VEIL_TAG}) {
  filter: blur(12px) !important; pointer-events: none !important; user-select: none !important;
}
:not(tr)[${MARK_ATTR}="collapse"]:not([${SHOWN_ATTR}]) > :not(${VEIL_TAG}, [${ANCHOR_ATTR}]),
:not(tr)[${MARK_ATTR}="collapse"]:not([${SHOWN_ATTR}]) [${ANCHOR_ATTR}] > :not(${VEIL_TAG}) { display: none !important; }
/* A table row keeps its cells (the columns stay aligned), emptied, under a veil as wide as the row. */
tr[${MARK_ATTR}="collapse"]:not([${SHOWN_ATTR}]) { position: relative !important; }
tr[${MARK_ATTR}="collapse"]:not([${SHOWN_ATTR}]) > td { height: 2.5em !important; }
tr[${MARK_ATTR}="collapse"]:not([${SHOWN_ATTR}]) > td > :not(${VEIL_TAG}) { display: none !important; }
tr[${MARK_ATTR}="collapse"]:not([${SHOWN_ATTR}]) ${VEIL_TAG} { position: absolute !important; inset: 0 !important; z-index: 2; }
${VEIL_TAG} { display: block !important; }
`;

/** Keeps entries unpainted (but laid out, so the page does not jump) until they are judged. */
export function holdBackCss(entrySelector: string): string {
  return `:is(${entrySelector}):not([${SEEN_ATTR}]) { visibility: hidden !important; }`;
}
