import { applyVerdict, clearVerdict, coverAdded } from './effects';
import { showInterstitial } from './interstitial';
import { Refill } from './refill';

/**
 * What a page draws besides marks: the veils (reason line, Show, Hide this one), a detail page's
 * warning and the refill bar. Built-in sites load it only when an entry needs a veil or a page a
 * warning or a bar (entrypoints/page-ui.ts, paint.ts); added sites have it in their script.
 */
export const PAGE_UI = { applyVerdict, clearVerdict, coverAdded, showInterstitial, Refill };
export type PageUi = typeof PAGE_UI;

/** Where page-ui.js leaves PAGE_UI, in the content scripts' own world (never the page's). */
export const PAGE_UI_KEY = Symbol.for('tagveil.page-ui');
