import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type CountMatchesAnswer, PageRequestSchema, type PageState } from '../messages';
import { compile } from '../rules/compile';
import { type EntryFacts, NO_VERDICT, type Verdict } from '../rules/types';
import type { Repaired } from '../settings/repair';
import { isPaused, isSiteEnabled } from '../settings/schema';
import { completedTagsCache, loadLearned, loadSettings, saveLearned, watchSettings } from '../settings/store';
import { learnInto, type SiteAdapter } from '../sites/types';
import { ruleErrorText, t } from '../ui/i18n';
import { startupMs } from './clock';
import { countMatches } from './count-matches';
import { showInterstitial } from './interstitial';
import { Refill, type RefillMode } from './refill';
import { Scanner } from './scanner';
import { EFFECTS_CSS, holdBackCss } from './styles';

/** If settings have not loaded by then, entries are released unfiltered: never hide a whole site by accident. */
export const SETTINGS_TIMEOUT_MS = 1_500;
/** The badge count is sent this long after the last judging pass, so a streaming page sends it a few times, not hundreds. */
const BADGE_DELAY_MS = 250;
/** Hides a detail page's body until its tags are judged; released with everything else on a timeout. */
export const HOLD_PAGE_CSS = 'body { visibility: hidden !important; }';
/**
 * How the content script's context is made. WXT tells an older instance to stop with a DOM event and,
 * unless told not to, also with a window.postMessage, which reaches the page's own scripts (carrying
 * the extension's id, a fingerprint) and cost ~10 ms at document_start. The event alone is enough.
 */
export const CONTEXT_OPTIONS = { noScriptStartedPostMessage: true } as const;
/** Set on <html> while an instance runs, so a second injection does not start a second one. */
const RUNNING_ATTR = 'data-tagveil-running';

export function addStyle(doc: Document, css: string): HTMLStyleElement {
  const style = doc.createElement('style');
  style.textContent = css;
  // At document_start there is no <head> yet; <html> takes the element just as well.
  (doc.head ?? doc.documentElement).append(style);
  return style;
}

/**
 * The content script's work on one catalog page: settings → matcher → adapter → scanner. `settings` is
 * the first read of the settings, when the caller already started one (an added site needs them first).
 */
export function runCatalog(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  doc: Document = document,
  settings: Promise<Repaired> = loadSettings(),
): void {
  const html = doc.documentElement;
  // WXT invalidates an older instance when a newer one starts (an update); that one cleans up first.
  if (ctx.isInvalid || html.hasAttribute(RUNNING_ATTR)) return;
  html.setAttribute(RUNNING_ATTR, '');

  const effects = addStyle(doc, EFFECTS_CSS);
  let holdBack: HTMLStyleElement | null = addStyle(doc, holdBackCss(adapter.entrySelector));
  // A work's or gallery's own page is kept covered until it is judged as a whole (no flash of its cover).
  const detail = adapter.detail?.isDetailPage(new URL(doc.location.href)) ? adapter.detail : undefined;
  let holdPage: HTMLStyleElement | null = detail ? addStyle(doc, HOLD_PAGE_CSS) : null;
  let removeInterstitial: (() => void) | null = null;
  const releaseHoldBack = () => {
    holdBack?.remove();
    holdBack = null;
    holdPage?.remove();
    holdPage = null;
  };
  let detailJudged = false;
  const judgeDetail = () => {
    if (!detail || detailJudged || !loaded || doc.readyState === 'loading') return;
    detailJudged = true;
    holdPage?.remove();
    holdPage = null;
    const facts = detail.read(doc);
    if (!facts || !active || audit) return;
    const verdict = currentJudge(facts);
    if (verdict.action === null || verdict.action === 'label') return;
    removeInterstitial = showInterstitial(doc, verdict, () => history.back());
  };

  const scanner = new Scanner(doc, adapter, () => NO_VERDICT);
  const refill = new Refill(ctx, doc, adapter, () => scanner.tally());
  // Opt-in completion of what list rows show (E-Hentai's own API); inert until settings.completeTags.
  const tagSource =
    adapter.createTagSource?.({
      origin: doc.location.origin,
      now: Date.now,
      setTimer: (fn, ms) => {
        ctx.setTimeout(fn, ms);
      },
      onSettled: (ids) => scanner.settle(ids),
      cache: completedTagsCache(adapter.id),
    }) ?? null;
  let refillMode: RefillMode = 'off';
  const checkRefill = () => {
    if (active && doc.readyState !== 'loading') refill.check(refillMode);
  };
  let active = false;
  let audit = false;
  let currentJudge: (facts: EntryFacts) => Verdict = () => NO_VERDICT;
  /** What the page was last judged by (rules in force and the switches that change judging). */
  let lastJudgedBy = '';
  let loaded = false;
  let problems: string[] = [];
  /** Rules whose regular expression the matcher's guard switched off on this page. */
  let tripped: () => { listName: string; rule: string }[] = () => [];

  let snoozeTimer: number | undefined;

  // The toolbar badge: entries acted on in this tab, sent to the background a moment after judging settles.
  let badgeOn = true;
  let badgeTimer: number | undefined;
  let lastBadge: number | null | undefined;
  const reportBadge = () => {
    if (badgeTimer !== undefined) return;
    badgeTimer = ctx.setTimeout(() => {
      badgeTimer = undefined;
      const count = active && badgeOn ? scanner.tally().acted : null;
      if (count === lastBadge) return;
      lastBadge = count;
      browser.runtime.sendMessage({ type: 'tagveil:badge', count }).catch(() => undefined);
    }, BADGE_DELAY_MS);
  };
  scanner.onJudged = reportBadge;

  const apply = (repaired: Repaired) => {
    const { settings, problems: settingsProblems } = repaired;
    loaded = true;
    clearTimeout(snoozeTimer);
    badgeOn = settings.badge;
    reportBadge();
    if (!isSiteEnabled(settings, adapter.id)) {
      if (settings.pausedUntil !== undefined && isPaused(settings)) {
        // "Pause for 1 hour" ends by itself: filter the page again then.
        snoozeTimer = ctx.setTimeout(() => apply(repaired), Math.max(0, settings.pausedUntil - Date.now()));
      }
      active = false;
      scanner.stop();
      refill.remove();
      releaseHoldBack();
      problems = settingsProblems;
      return;
    }
    const matcher = compile(settings, { site: adapter.id });
    tagSource?.configure?.(settings.lists, adapter.id);
    if (matcher.nextChange !== undefined) {
      // A snoozed list wakes up by itself: judge the page again then.
      snoozeTimer = ctx.setTimeout(() => apply(repaired), Math.max(0, matcher.nextChange - Date.now()));
    }
    problems = [
      ...settingsProblems,
      ...matcher.errors.map((e) => t('problemRule', e.listName, e.line + 1, e.column, ruleErrorText(e))),
    ];
    // A change elsewhere in the settings (the badge, another site, a subscription's check time) leaves
    // the page as judged: judging 10,000 entries again would cost the page a visible moment for nothing.
    const judgedBy = [matcher.key, settings.audit, settings.hideAgainOffscreen, settings.completeTags].join(
      '\n',
    );
    const unchanged = active && judgedBy === lastJudgedBy;
    lastJudgedBy = judgedBy;
    active = true;
    if (!holdBack) holdBack = addStyle(doc, holdBackCss(adapter.entrySelector));
    if (!unchanged) {
      audit = settings.audit;
      currentJudge = matcher.judge;
      tripped = matcher.tripped;
      scanner.setTagSource(settings.completeTags ? tagSource : null);
      scanner.setJudge(matcher.judge, {
        audit,
        needs: matcher.needs,
        hideAgainOffscreen: settings.hideAgainOffscreen,
      });
    }
    scanner.start();
    judgeDetail();
    refillMode = settings.refill;
    checkRefill();
  };

  ctx.setTimeout(() => {
    if (loaded) return;
    releaseHoldBack();
    problems = [t('problemTimeout')];
  }, SETTINGS_TIMEOUT_MS);

  // Spellings learned on earlier visits (nhentai's tag ids) are in the dictionary before the first scan.
  const learned = adapter.learnDictionary ? loadLearned(adapter.id).catch(() => ({})) : Promise.resolve({});
  Promise.all([settings, learned, tagSource?.init()]).then(
    ([repaired, pairs]) => {
      if (adapter.dictionary) learnInto(adapter.dictionary, pairs);
      apply(repaired);
    },
    (error: unknown) => {
      releaseHoldBack();
      problems = [t('problemUnreadable', String(error))];
    },
  );
  const unwatch = watchSettings(apply);

  // A page that names its own tags (a gallery page) teaches them for the lists to come.
  const learn = () => {
    const pairs = adapter.learnDictionary?.(doc) ?? {};
    if (!adapter.dictionary || learnInto(adapter.dictionary, pairs) === 0) return;
    saveLearned(adapter.id, pairs).catch(() => undefined); // a full local quota only costs the cache
    if (active) scanner.rejudge();
  };
  if (detail) ctx.addEventListener(doc, 'DOMContentLoaded', judgeDetail);
  ctx.addEventListener(doc, 'DOMContentLoaded', checkRefill);
  if (adapter.learnDictionary) {
    if (doc.readyState === 'loading') ctx.addEventListener(doc, 'DOMContentLoaded', learn);
    else learn();
  }
  // A single-page site changed its address: look at every entry again (unchanged ones cost a signature).
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.rescan());

  const completionProblems = (): string[] => {
    const errors = tagSource?.errors ?? [];
    if (errors.length === 0) return [];
    return [t('problemCompletion', adapter.name, errors.length, errors[errors.length - 1] ?? '')];
  };

  // Rules naming what a listing writes only as ids (nhentai's artists) until the site is asked once.
  const unresolvedProblems = (names: string[]): string[] =>
    names.length > 0 ? [t('problemUnresolved', names.join(', '))] : [];

  const pageState = (): PageState => {
    const stats = scanner.stats();
    const unresolved = active && !detail ? (tagSource?.unresolved?.() ?? []) : [];
    const health =
      active && stats.entries === 0 && doc.readyState !== 'loading' && adapter.expectsEntries?.(doc)
        ? [t('problemLayout', adapter.name)]
        : [];
    return {
      site: { id: adapter.id, name: adapter.name },
      active,
      audit,
      entries: stats.entries,
      counts: stats.counts,
      rules: [...stats.rules.values()].map((r) => ({ ...r, tags: [...r.tags] })),
      tags: stats.tags,
      timing: { startupMs: startupMs(), ...scanner.timing },
      problems: [
        ...problems,
        ...(active ? tripped() : []).map((r) => t('problemRegexOff', r.listName, r.rule)),
        ...health,
        ...completionProblems(),
        ...unresolvedProblems(unresolved),
      ],
      ...(unresolved.length > 0 ? { unresolved } : {}),
    };
  };

  const onMessage = (
    message: unknown,
    sender: { id?: string },
  ): Promise<PageState | CountMatchesAnswer> | undefined => {
    // Only this extension's own pages may ask; the message itself is validated like any input.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = PageRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    if (request.data.type === 'tagveil:count-matches')
      return Promise.resolve(countMatches(doc, adapter, request.data.rule, request.data.aliases));
    if (request.data.type === 'tagveil:show-all') scanner.showAll();
    return Promise.resolve(pageState());
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    unwatch();
    scanner.stop();
    releaseHoldBack();
    removeInterstitial?.();
    refill.remove();
    effects.remove();
    html.removeAttribute(RUNNING_ATTR);
  });
}
