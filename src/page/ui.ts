import { answerPopup } from './answers';
import { applyVerdict, clearVerdict, coverAdded } from './effects';
import { showInterstitial } from './interstitial';
import { Refill } from './refill';

/**
 * What a page draws besides marks: the veils (reason line, Show, Hide this one), a detail page's
 * warning and the refill bar; and its answers to the popup. Built-in sites load it only when an entry
 * needs a veil, a page a warning or a bar, or the popup asks (entrypoints/page-ui.ts, paint.ts); added
 * sites have it in their script.
 */
export const PAGE_UI = { applyVerdict, clearVerdict, coverAdded, showInterstitial, Refill, answerPopup };
export type PageUi = typeof PAGE_UI;

/** Where page-ui.js leaves PAGE_UI, in the content scripts' own world (never the page's). */
export const PAGE_UI_KEY = Symbol.for('tagveil.page-ui');
