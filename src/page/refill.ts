import type { SiteAdapter } from '../sites/types';
import { t } from '../ui/i18n';
import type { ContentScriptContext } from './context';

/** When at least this share of a list page's entries ends up hidden or collapsed, the page is refilled. */
export const REFILL_HIDDEN_SHARE = 0.6;
/** Next pages fetched at most per visit, one at a time. */
export const REFILL_MAX_PAGES = 3;

export type RefillMode = 'off' | 'offer' | 'auto';

const BAR_TAG = 'tagveil-refill';
const BAR_CSS = `
:host { all: initial; display: block; margin: 12px 0; font: 14px/1.4 system-ui, sans-serif; }
.bar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; padding: 8px 12px; border-radius: 6px;
  background: #ece9f5; color: #3b3550; }
button { font: inherit; padding: 3px 12px; border-radius: 4px; border: 1px solid #6d4bd1; background: #6d4bd1;
  color: #fff; cursor: pointer; }
button:focus-visible { outline: 2px solid #8b5cf6; outline-offset: 2px; }
`;

/**
 * Keeps a list page full when most of it was hidden: fetches the page's own "next" page (same site, one
 * request at a time, only when the user turned this on) and appends its entries, which the scanner then
 * judges like any others. The only request Tagveil makes, and only with the user's say-so.
 */
/** The refill bar's parts. */
interface Bar {
  host: HTMLElement;
  line: HTMLElement;
  button: HTMLButtonElement;
}

/** Whether the page is worth refilling in this mode: it has a next page and most of it is hidden. */
export function refillWanted(
  mode: RefillMode,
  adapter: Pick<SiteAdapter, 'nextPage'>,
  { entries, hidden }: { entries: number; hidden: number },
): boolean {
  return (
    mode !== 'off' && adapter.nextPage !== undefined && entries > 0 && hidden / entries >= REFILL_HIDDEN_SHARE
  );
}

export class Refill {
  #bar: Bar | null = null;
  #inFlight = false;
  #loaded = 0;
  #next: string | null = null;
  #mode: RefillMode = 'off';

  readonly #ctx: ContentScriptContext;
  readonly #doc: Document;
  readonly #adapter: SiteAdapter;
  readonly #counts: () => { entries: number; hidden: number };

  constructor(
    ctx: ContentScriptContext,
    doc: Document,
    adapter: SiteAdapter,
    counts: () => { entries: number; hidden: number },
  ) {
    this.#ctx = ctx;
    this.#doc = doc;
    this.#adapter = adapter;
    this.#counts = counts;
  }

  /** Looks at the page (once it is parsed) and, if most of it is hidden, offers or loads more. */
  check(mode: RefillMode): void {
    this.#mode = mode;
    if (mode === 'off') {
      this.#removeBar();
      return;
    }
    if (this.#inFlight || this.#loaded >= REFILL_MAX_PAGES) return;
    const counts = this.#counts();
    if (!refillWanted(mode, this.#adapter, counts)) return;
    const { entries, hidden } = counts;
    this.#next ??= this.#adapter.nextPage?.(this.#doc) ?? null;
    if (!this.#next) return;
    if (mode === 'auto') void this.#load();
    else this.#offer(t('refillHid', hidden, entries));
  }

  remove(): void {
    this.#removeBar();
  }

  #offer(text: string): void {
    const bar = this.#ensureBar();
    if (!bar) return;
    bar.line.textContent = text;
    bar.button.hidden = false;
  }

  /** The element holding the entries: the last entry's parent. */
  #list(): Element | null {
    const entries = this.#doc.querySelectorAll(this.#adapter.entrySelector);
    return entries[entries.length - 1]?.parentElement ?? null;
  }

  #ensureBar(): Bar | null {
    if (this.#bar?.host.isConnected) return this.#bar;
    const list = this.#list();
    if (!list) return null;
    const host = this.#doc.createElement(BAR_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.#doc.createElement('style');
    style.textContent = BAR_CSS;
    const wrap = this.#doc.createElement('div');
    wrap.className = 'bar';
    wrap.setAttribute('role', 'status');
    const line = this.#doc.createElement('span');
    const button = this.#doc.createElement('button');
    button.type = 'button';
    button.textContent = t('refillButton');
    button.addEventListener('click', () => void this.#load());
    wrap.append(line, button);
    root.append(style, wrap);
    // After the list, never inside it (a table or list holds only its rows).
    (list.localName === 'tbody' ? (list.closest('table') ?? list) : list).after(host);
    this.#bar = { host, line, button };
    return this.#bar;
  }

  #removeBar(): void {
    this.#bar?.host.remove();
    this.#bar = null;
  }

  async #load(): Promise<void> {
    const url = this.#next;
    if (!url || this.#inFlight) return;
    // Same site only: the page's own link, never anywhere else.
    if (new URL(url, this.#doc.baseURI).origin !== new URL(this.#doc.baseURI).origin) return;
    this.#inFlight = true;
    const bar = this.#ensureBar();
    if (bar) {
      bar.line.textContent = t('refillLoading');
      bar.button.hidden = true;
    }
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`the site answered ${response.status}`);
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const incoming = [...next.querySelectorAll(this.#adapter.entrySelector)];
      const list = this.#list();
      if (!list || this.#ctx.isInvalid) return;
      // Appended entries are judged by the scanner in the same task, before they are painted.
      for (const entry of incoming) list.append(this.#doc.importNode(entry, true));
      this.#loaded++;
      this.#next = this.#adapter.nextPage?.(next) ?? null;
      if (bar) bar.line.textContent = t('refillAdded', incoming.length);
      // Once those are judged: still mostly hidden? Then the next one (up to REFILL_MAX_PAGES).
      this.#ctx.setTimeout(() => this.check(this.#mode), 0);
    } catch (error) {
      if (bar) {
        bar.line.textContent = t('refillFailed', error instanceof Error ? error.message : String(error));
        bar.button.hidden = false;
      }
    } finally {
      this.#inFlight = false;
    }
  }
}
