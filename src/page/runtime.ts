import { browser } from 'wxt/browser';
import type { EntryAtMenuAnswer, PageState } from '../messages';
import { compileWith } from '../rules/compile';
import { canonicalId, isEntryId } from '../rules/entry-rules';
import { fromChecked } from '../rules/regex-verdicts';
import { type EntryFacts, NO_VERDICT, type Verdict } from '../rules/types';
import { type Message, msg, ruleMessage } from '../settings/message';
import { type PageSettings, siteOn } from '../settings/snapshot';
import { learnInto, type SiteAdapter } from '../sites/types';
import type { PageAnswer, PageView } from './answers';
import { startupMs } from './clock';
import type { ContentScriptContext } from './context';
import { factsSources, lookupSource } from './facts';
import type { pageDataSource } from './facts-page';
import { Keeper, type Kept } from './keeper';
import type { LocalCaches } from './local-cache';
import { loadSettingsForPage, watchSettingsForPage } from './page-settings';
import { type LoadPageUi, Painter } from './paint';
import { type Refill, type RefillMode, refillWanted } from './refill';
import { POPUP_REQUESTS } from './requests';
import { Scanner } from './scanner';
import { EFFECTS_CSS, holdEntriesCss } from './styles';
import { atTime, clampDelay } from './timer';
import type { PageUi } from './ui';

/** If settings have not loaded by then, entries are released unfiltered: never hide a whole site by accident. */
export const SETTINGS_TIMEOUT_MS = 1_500;
/** The badge count is sent this long after the last judging pass, so a streaming page sends it a few times, not hundreds. */
const BADGE_DELAY_MS = 250;
/** A right-click older than this is not the one a "Hide this entry" click came from. */
const MENU_ENTRY_MS = 60_000;
/** Hides a detail page's body until its tags are judged; released with everything else on a timeout. */
export const HOLD_PAGE_CSS = 'body { visibility: hidden !important; }';
/**
 * The instance running in this frame, kept in the content script's own world (its global object is not
 * the page's), so a second injection does not start a second one and the page cannot pretend there is one.
 */
const RUNNING = Symbol.for('tagveil.catalog');
type Guarded = typeof globalThis & { [RUNNING]?: ContentScriptContext };

/** Claims the frame for `ctx`; false when another live instance (or this one) already runs here. */
function claimFrame(ctx: ContentScriptContext): boolean {
  const world = globalThis as Guarded;
  const running = world[RUNNING];
  if (running && (running === ctx || !running.isInvalid)) return false;
  world[RUNNING] = ctx;
  ctx.onInvalidated(() => {
    if (world[RUNNING] === ctx) delete world[RUNNING];
  });
  return true;
}

/** A style element with `css` (Tagveil's own text only; nothing of the page's or the user's goes in). */
export function addStyle(doc: Document, css: string): HTMLStyleElement {
  const style = doc.createElement('style');
  style.textContent = css;
  // At document_start there is no <head> yet; <html> takes the element just as well.
  (doc.head ?? doc.documentElement).append(style);
  return style;
}

/** What a site's own content script adds to the runtime: only the sites that need it bundle it. */
export interface CatalogOptions {
  /**
   * The page UI (veils, a detail page's warning, the refill bar): in the script (added sites), or loaded
   * the first time the page needs it (built-in sites: ui-loader.ts).
   */
  ui: PageUi | LoadPageUi;
  /**
   * The cache of learned spellings (local-cache.ts LOCAL_CACHES): passed by the sites that learn
   * spellings (tests/unit/site-scripts.test.ts holds them to it); without it, nothing learned is
   * remembered between pages. A look-up brings its own cache.
   */
  caches?: LocalCaches;
  /**
   * Hold entries by the adapter's selector until the first pass (styles.ts holdEntriesCss): for built-in
   * sites only, whose selectors are Tagveil's own.
   */
  holdBySelector?: boolean;
  /**
   * What the site's script loads beside its settings before its first pass, so that the script which
   * blocks the page's parse stays small (from the extension's own files in Chromium): nhentai's tag names;
   * for pixiv, hitomi.la and MangaDex the reader of the page's own data (facts-page.ts), given back as its
   * maker (page-data-loader.ts). If it fails, the page is judged without it and the popup says so; if it
   * never comes, the settings' time-out shows the page unfiltered, as when the settings never come.
   */
  siteData?: () => Promise<typeof pageDataSource | undefined>;
}

/** What the popup is told of a page whose page UI could not load: no counts, the problem said. */
const NO_COUNTS = { hide: 0, collapse: 0, blur: 0, label: 0 };

/**
 * The content script's work on one catalog page: settings → matcher → adapter → scanner. `settings` is
 * the first read of the settings, when the caller already started one (an added site needs them first).
 */
export function runCatalog(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  options: CatalogOptions,
  doc: Document = document,
  settings: Promise<PageSettings> = loadSettingsForPage(),
): void {
  // An older copy whose extension is gone (an update) ends when this one starts (context.ts) and cleans up.
  if (ctx.isInvalid || !claimFrame(ctx)) return;
  // Asked for at once, as the settings are: both come back about when the page's first frame is done.
  const siteData = options
    .siteData?.()
    .then((makePageData) => {
      if (ctx.isInvalid) return;
      // The page's own data as a facts source (pixiv, hitomi.la, MangaDex), listening from now on.
      if (makePageData) pageData = makePageData(ctx, doc, adapter, scanner, () => judgeDetail());
      // Judged already without it (cards that show their tags, lateData): judged again with it.
      if (factsFor && checked) {
        factsFor = null;
        lastJudgedBy = '';
        apply(checked);
      }
    })
    .catch((error: unknown) => {
      failures.push(msg('problemSiteData', adapter.name, String(error)));
    });

  // Tagveil's stylesheets and the detail page's warning: put back if the page removes or edits them.
  const keeper = new Keeper(doc);
  const painter = new Painter(options.ui);
  const scanner = new Scanner(doc, adapter, null, painter);
  // Entries are held back (unpainted) from the start until judged. A built-in site's are held by its own
  // selector in a stylesheet until the first pass, so the page's parsing costs no script before the
  // settings come, and the effects' stylesheet comes with the first pass; an added site's selector is
  // the user's text and never goes into CSS: the scanner marks each entry it finds (Scanner.hold), which
  // the effects' stylesheet keeps unpainted from the start.
  let holdEntries: Kept | null = options.holdBySelector
    ? keeper.style(holdEntriesCss(adapter.entrySelector))
    : null;
  let effects: Kept | null = holdEntries ? null : keeper.style(EFFECTS_CSS);
  const releaseEntries = () => {
    holdEntries?.release();
    holdEntries = null;
  };
  if (!holdEntries) scanner.start();
  // A work's or gallery's own page is kept covered until it is judged as a whole (no flash of its cover).
  let detail = adapter.detail?.isDetailPage(new URL(doc.location.href)) ? adapter.detail : undefined;
  let holdPage: Kept | null = detail ? keeper.style(HOLD_PAGE_CSS) : null;
  const releasePage = () => {
    holdPage?.release();
    holdPage = null;
  };
  /** Stops filtering: every mark undone, every entry shown as the page wrote it. */
  const release = () => {
    scanner.stop();
    releaseEntries();
    releasePage();
  };

  /** The refill bar, once the page needed it (the page UI brings it). */
  let refill: Refill | null = null;
  // Opt-in completion of what list rows show (E-Hentai's own API); inert until settings.completeTags.
  const tagSource =
    adapter.createTagSource?.({
      origin: doc.location.origin,
      now: Date.now,
      setTimer: (fn, ms) => {
        ctx.setTimeout(fn, clampDelay(ms));
      },
      onSettled: (ids) => scanner.settle(ids),
      // Called only once judging runs, after pageData below is set (siteData).
      pageKnows: (id) => pageData?.work(id) !== undefined,
    }) ?? null;
  // The page's own data (pixiv, hitomi.la, MangaDex): a facts source beside the look-up (facts.ts).
  /** The page's own data as a facts source, once the site's data brought its reader (siteData). */
  let pageData: ReturnType<typeof pageDataSource> = null;
  let refillMode: RefillMode = 'off';
  const checkRefill = () => {
    if (!active || doc.readyState === 'loading') return;
    if (refill) refill.check(refillMode);
    else if (refillWanted(refillMode, adapter, scanner.tally()))
      painter.ready().then(
        (ui) => {
          refill ??= new ui.Refill(ctx, doc, adapter, () => scanner.tally());
          if (active) refill.check(refillMode);
        },
        () => {},
      );
  };
  let active = false;
  let audit = false;
  let currentJudge: (facts: EntryFacts) => Verdict = () => NO_VERDICT;
  /** The facts sources in use, and the switch they were built for. */
  let factsFor: { completeTags: boolean; sources: ReturnType<typeof factsSources> } | null = null;
  /** What the page was last judged by (rules in force and the switches that change judging). */
  let lastJudgedBy = '';
  let loaded = false;
  /** The save stamp of the settings in force: a read that resolves later with older ones is dropped. */
  let appliedSavedAt = Number.NEGATIVE_INFINITY;
  /** What the popup is told went wrong, as messages it words in the user's language (the page has none). */
  let problems: () => Message[] = () => [];
  /**
   * What failed outside the settings ("Hide this one" clicks the background could not save, the site's data
   * that did not load): said until the page is left, whatever applies.
   */
  const failures: Message[] = [];
  /**
   * The settings in force, with their parses and prepared expressions (the popup's count of a typed rule
   * uses them; a page-data reader that comes after the first pass applies them again).
   */
  let checked: PageSettings | undefined;
  /** Rules whose regular expression the matcher's guard switched off on this page. */
  let tripped: () => { listName: string; rule: string }[] = () => [];

  // The detail page's warning: judged like an entry, again on every change of the rules.
  let detailFault = '';
  let warning: { kept: Kept; reason: string } | null = null;
  /** The user chose Show anyway: kept while the page is still acted on, as an entry's Show is. */
  let detailShown = false;
  /** The address whose detail page was last looked at: a single-page site's own navigation changes it. */
  let judgedPath = doc.location.pathname;
  const removeWarning = () => {
    warning?.kept.release();
    warning = null;
  };
  const judgeDetail = () => {
    if (!detail || !loaded || doc.readyState === 'loading') return;
    releasePage();
    let verdict = NO_VERDICT;
    if (active && !audit) {
      try {
        const facts = detail.read(doc);
        // What the page's own data says of it (a single-page site's answer, which may come later).
        if (facts) pageData?.fill(facts, false);
        if (facts) verdict = currentJudge(facts);
      } catch (error) {
        detailFault = error instanceof Error ? error.message : String(error);
      }
    }
    if (verdict.action === null || verdict.action === 'label') {
      detailShown = false;
      removeWarning();
      return;
    }
    // What the warning says, as data: drawn again only when that changes.
    const reason = JSON.stringify(verdict.reasons);
    if (detailShown || warning?.reason === reason) return;
    const ui = painter.loaded;
    if (!ui) {
      // The page stays covered until the warning can be drawn, then is judged again (its verdict may
      // have changed meanwhile); if the page UI cannot load, the page is shown and the popup says why.
      holdPage ??= keeper.style(HOLD_PAGE_CSS);
      painter.ready().then(judgeDetail, releasePage);
      return;
    }
    removeWarning();
    const kept = keeper.element(() =>
      ui.showInterstitial(doc, verdict, {
        onBack: () => history.back(),
        onShow: () => {
          detailShown = true;
          removeWarning();
        },
      }),
    );
    warning = { kept, reason };
  };
  // Arrow functions: the browser's clearTimeout throws when called as another object's method.
  const contextTimers = {
    set: (fn: () => void, ms: number) => ctx.setTimeout(fn, ms),
    clear: (id: number) => clearTimeout(id),
  };
  let cancelWake: (() => void) | null = null;
  /** Judges the page again at `at` (a pause or a snooze ends), however far away. */
  const wakeAt = (at: number, current: PageSettings) => {
    cancelWake = atTime(contextTimers, at, () => apply(current));
  };

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
  scanner.onJudged = () => {
    keeper.check();
    reportBadge();
  };
  // "Hide this one" (a veil's button, a trusted click): the background adds the entry's id to the "Hidden
  // entries" list; the page's script never writes the user's lists (background/hide-entry.ts).
  scanner.onHideOne = (id) => {
    if (!isEntryId(adapter.id, id)) return;
    browser.runtime
      .sendMessage({ type: 'tagveil:hide-entry', site: adapter.id, id: canonicalId(adapter.id, id) })
      .catch((error: unknown) => {
        failures.push(msg('problemHideOne', String(error)));
      });
  };
  // The entry under the last right-click, for the menu's "Hide this entry" (the background asks for it).
  let menuEntry: { entry: WeakRef<HTMLElement>; at: number } | null = null;
  const entryAtMenu = (): EntryAtMenuAnswer => {
    const entry =
      menuEntry && Date.now() - menuEntry.at < MENU_ENTRY_MS ? menuEntry.entry.deref() : undefined;
    menuEntry = null;
    if (!entry?.isConnected) return null;
    const id = scanner.idOf(entry);
    return isEntryId(adapter.id, id) ? { site: adapter.id, id: canonicalId(adapter.id, id) } : null;
  };

  const apply = (current: PageSettings) => {
    listen();
    // Reads are not ordered (the first one may resolve after one a change triggered): newest wins.
    if (current.savedAt < appliedSavedAt) return;
    appliedSavedAt = current.savedAt;
    const settings = current.settings;
    const settingsProblems = () => current.problems;
    loaded = true;
    cancelWake?.();
    cancelWake = null;
    badgeOn = settings.badge;
    reportBadge();
    if (!siteOn(settings, adapter.id)) {
      // "Pause for 1 hour" ends by itself: filter the page again then.
      const until = settings.pausedUntil;
      if (until !== undefined && until > Date.now()) wakeAt(until, current);
      active = false;
      lastJudgedBy = '';
      release();
      // Off for this site: nothing of Tagveil's stays in the page (docs/privacy.md).
      effects?.release();
      effects = null;
      refill?.remove();
      judgeDetail();
      problems = settingsProblems;
      return;
    }
    // Lines as the background parsed them, expressions its ReDoS check passed (neither runs in the page).
    const checks = fromChecked(current);
    const matcher = compileWith(settings, { site: adapter.id, ...checks });
    checked = current;
    tagSource?.configure?.(settings.lists, adapter.id, checks.read);
    // A snoozed list wakes up by itself: judge the page again then.
    if (matcher.nextChange !== undefined) wakeAt(matcher.nextChange, current);
    problems = () => [
      ...settingsProblems(),
      ...matcher.errors.map((e) => msg('problemRule', e.listName, e.line + 1, e.column, ruleMessage(e))),
    ];
    // A change elsewhere in the settings (the badge, another site, a subscription's check time) leaves
    // the page as judged: judging 10,000 entries again would cost the page a visible moment for nothing.
    const judgedBy = [matcher.key, settings.audit, settings.hideAgainOffscreen, settings.completeTags].join(
      '\n',
    );
    const unchanged = active && judgedBy === lastJudgedBy;
    lastJudgedBy = judgedBy;
    active = true;
    effects ??= keeper.style(EFFECTS_CSS);
    if (!unchanged) {
      audit = settings.audit;
      currentJudge = matcher.judge;
      tripped = matcher.tripped;
      // The same sources while completeTags stays as it was: entries' kept facts stay good (scanner.ts).
      if (factsFor?.completeTags !== settings.completeTags)
        factsFor = {
          completeTags: settings.completeTags,
          sources: factsSources([
            pageData,
            settings.completeTags && tagSource ? lookupSource(tagSource) : null,
          ]),
        };
      scanner.setFacts(factsFor.sources);
      scanner.setJudge(matcher.judge, {
        audit,
        needs: matcher.needs,
        hideAgainOffscreen: settings.hideAgainOffscreen,
      });
      scanner.start();
      // Judged (or held by the scanner, each): the page's entries are its business from now on.
      releaseEntries();
      judgeDetail();
    }
    refillMode = settings.refill;
    checkRefill();
  };

  ctx.setTimeout(() => {
    if (loaded) return;
    release();
    problems = () => [msg('problemTimeout')];
    listen();
  }, SETTINGS_TIMEOUT_MS);

  // Spellings learned on earlier visits (nhentai's tag ids) are in the dictionary before the first scan.
  const learned =
    adapter.learnDictionary && options.caches ? options.caches.loadLearned(adapter.id).catch(() => ({})) : {};
  // Cards that show their tags (hitomi.la's listings) are judged without waiting for the page-data reader,
  // which completes them when it comes; cards with only an id, and a work's own page, wait for it.
  const lateData = adapter.pageData?.holdCards === false && !detail;
  // What judging waits for besides the settings, the first read's and every later change's alike.
  const partsIn = Promise.all([learned, tagSource?.init(), lateData ? undefined : siteData]).then(
    ([pairs]) => {
      if (adapter.dictionary) learnInto(adapter.dictionary, pairs);
    },
  );
  Promise.all([settings, partsIn]).then(
    ([first]) => apply(first),
    (error: unknown) => {
      if (loaded) return; // a later read already applied settings
      release();
      problems = () => [msg('problemUnreadable', String(error))];
      listen();
    },
  );
  const unwatch = watchSettingsForPage((next) => void partsIn.then(() => apply(next)));

  // A page that names its own tags (a gallery page) teaches them for the lists to come.
  const learn = () => {
    const pairs = adapter.learnDictionary?.(doc) ?? {};
    if (!adapter.dictionary || learnInto(adapter.dictionary, pairs) === 0) return;
    options.caches?.saveLearned(adapter.id, pairs).catch(() => undefined); // a full local quota only costs the cache
    // The entries are read again (their tags' dictionary names changed); those whose facts did not are
    // not judged again.
    if (active) scanner.rescan();
  };

  const completionProblems = (): Message[] => {
    const errors = tagSource?.errors ?? [];
    if (errors.length === 0) return [];
    return [msg('problemCompletion', adapter.name, errors.length, errors[errors.length - 1] ?? '')];
  };

  // Rules naming what a listing writes only as ids (nhentai's artists) until the site is asked once.
  const unresolvedProblems = (names: string[]): Message[] =>
    names.length > 0 ? [msg('problemUnresolved', names.join(', '))] : [];

  /** Entries (or the detail page) that could not be read: shown unfiltered, said once. */
  const faultProblems = (): Message[] => {
    const faults = scanner.faults;
    const lines =
      faults.entries > 0 ? [msg('problemEntries', adapter.name, faults.entries, faults.message)] : [];
    if (detailFault) lines.push(msg('problemEntries', adapter.name, 1, detailFault));
    return lines;
  };

  /** The page's state beyond what the popup's answers count (answers.ts): the switches, problems. */
  const baseState = (entries: number): ReturnType<PageView['state']> => {
    keeper.check();
    const unresolved = active && !detail ? (tagSource?.unresolved?.() ?? []) : [];
    const health =
      active && entries === 0 && doc.readyState !== 'loading' && adapter.expectsEntries?.(doc)
        ? [msg('problemLayout', adapter.name)]
        : [];
    return {
      site: { id: adapter.id, name: adapter.name },
      active,
      audit,
      timing: { startupMs: startupMs(), ...scanner.timing },
      problems: [
        // The page UI that could not load first: without it the popup counts nothing on this page.
        ...(painter.failure ? [msg('problemPageUi', painter.failure)] : []),
        ...problems(),
        ...failures,
        ...(active ? tripped() : []).map((r) => msg('problemRegexOff', r.listName, r.rule)),
        ...health,
        ...completionProblems(),
        ...unresolvedProblems(unresolved),
        ...faultProblems(),
      ],
      ...(unresolved.length > 0 ? { unresolved } : {}),
    };
  };
  /** The page's state when the page UI, which counts, could not load: its problems, no counts. */
  const stateWithoutUi = (): PageState => {
    const entries = scanner.entries().length;
    return { ...baseState(entries), entries, counts: NO_COUNTS, rules: [], tags: [] };
  };
  const view: PageView = {
    doc,
    adapter,
    scanner,
    state: baseState,
    get checked() {
      return checked;
    },
    compile: compileWith,
    fromChecked,
  };

  // Answered through sendResponse: the browser's own API in every version (content scripts carry no
  // polyfill; a listener's returned promise is understood only from Chrome 144 on). The popup's answers
  // are part of the page UI (answers.ts), loaded the first time the popup asks; the background's question
  // (which entry a right-click was on) is answered at once.
  const onMessage = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (answer: PageAnswer | null) => void,
  ): true | undefined => {
    // Only this extension's own pages may ask; the message itself is validated like any input (the
    // popup's by the page UI, answers.ts, before anything is read from it).
    if (sender.id !== browser.runtime.id) return undefined;
    const type =
      typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : null;
    if (type === 'tagveil:entry-at-menu') {
      sendResponse(entryAtMenu());
      return undefined;
    }
    if (!POPUP_REQUESTS.includes(type)) return undefined;
    painter.ready().then(
      (ui) => sendResponse(ui.answerPopup(message, view)),
      // Without the page UI the popup still learns the page's problems, that one first.
      () =>
        sendResponse(
          type === 'tagveil:get-page-state' || type === 'tagveil:show-all' ? stateWithoutUi() : null,
        ),
    );
    return true;
  };

  /**
   * The page's listeners (a right-click, the parse's end, an address change): set up with the first
   * settings or their failure, not while the page parses before them, so that a built-in site's start is
   * its holds, its settings' read and the popup's listener (docs/performance.md). A page whose parse
   * ended before has its parse's work done here (apply judges a detail page and the refill).
   */
  let listening = false;
  const listen = () => {
    // A copy whose extension went away (an update) while its settings were on their way: its context
    // refuses listeners anyway; it must not read the page for spellings and save them either.
    if (listening || ctx.isInvalid) return;
    listening = true;
    ctx.addEventListener(
      doc,
      'contextmenu',
      (event) => {
        const entry = event.isTrusted ? scanner.entryOf(event.target as Node | null) : null;
        menuEntry = entry ? { entry: new WeakRef(entry), at: Date.now() } : null;
      },
      { capture: true },
    );
    if (doc.readyState === 'loading') {
      if (detail) ctx.addEventListener(doc, 'DOMContentLoaded', judgeDetail);
      ctx.addEventListener(doc, 'DOMContentLoaded', checkRefill);
      if (adapter.learnDictionary) ctx.addEventListener(doc, 'DOMContentLoaded', learn);
    } else if (adapter.learnDictionary) learn();
    // A single-page site changed its address: look at every entry again (unchanged ones cost a signature).
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      scanner.rescan();
      if (!adapter.pageData) return;
      // A single-page site went to another page: a warning of the one it left goes; a detail page is judged.
      // Later: the Navigation API tells of a pushState before the address changes.
      ctx.setTimeout(() => {
        if (judgedPath === doc.location.pathname) return;
        judgedPath = doc.location.pathname;
        detailShown = false;
        removeWarning();
        detail = adapter.detail?.isDetailPage(new URL(doc.location.href)) ? adapter.detail : undefined;
        judgeDetail();
      }, 0);
    });
  };
  // An added site keeps its listeners from the start (its page is covered whole until its settings come),
  // and a single-page site may change its address before its settings come (a detail page read then
  // must be the one shown): theirs are set up at once.
  if (!options.holdBySelector || adapter.pageData) listen();
  // The popup may ask at any moment: a supported page that did not answer would be called "not a catalog".
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    unwatch();
    cancelWake?.();
    scanner.stop();
    refill?.remove();
    keeper.stop();
  });
}
