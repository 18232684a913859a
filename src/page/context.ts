import { browser } from 'wxt/browser';

/**
 * The event type `addEventListener` takes for a change of the page's address without a page load (a
 * single-page site's own navigation). WXT's name, so code written for WXT's context reads the same.
 */
export const LOCATION_CHANGE = 'wxt:locationchange';
/** Where the Navigation API is missing (older Firefox), the address is looked at this often. */
export const LOCATION_POLL_MS = 1_000;

/**
 * The DOM event by which a starting copy of the script tells an older copy in the same document to stop
 * (after an update, the old copy keeps running without its extension). WXT's name and detail, so the
 * first version with this context also stops a copy of a version that had WXT's.
 */
export function scriptStartedEvent(name: string): string {
  return `${browser.runtime?.id}:${name}:wxt:content-script-started`;
}

/** What a copy of the script says in that event. */
interface ScriptStarted {
  contentScriptName?: unknown;
  messageId?: unknown;
}

/**
 * The content script's context: its end (the extension updated or removed, or a newer copy started),
 * and timers and listeners that end with it. Content-script builds resolve WXT's
 * `wxt/utils/content-script-context` to this module (wxt.config.ts), so WXT's wrapper builds this one
 * and hands it to `main(ctx)`. It keeps what Tagveil uses of WXT's and leaves out the rest
 * (`setInterval`, `requestAnimationFrame`, `requestIdleCallback`, `block()`, `signal`, the dev-mode
 * logger); unlike WXT's it never posts a message to the page, and its address-change event is the
 * script's own, dispatched where no page can see or fire it.
 */
class Context {
  readonly #controller = new AbortController();
  readonly #signal = this.#controller.signal;
  readonly #messageId = Math.random().toString(36).slice(2);
  /** Where address changes are dispatched: created by the first listener for them. */
  #locations: EventTarget | undefined;

  readonly #name: string;

  /** `name` is the entrypoint's; `options` (the script's definition, from WXT's wrapper) go unread. */
  constructor(name: string, _options?: object) {
    this.#name = name;
    const type = scriptStartedEvent(name);
    // Stop an older copy, then listen for a newer one (this copy's own event has passed by then).
    document.dispatchEvent(
      new CustomEvent(type, { detail: { contentScriptName: name, messageId: this.#messageId } }),
    );
    // Another copy's start ends this one only if this one's extension is gone (an update): the page can
    // fire the event too, and a second copy of a live version is turned away by the runtime (claimFrame).
    document.addEventListener(
      type,
      (event) => {
        if (event instanceof CustomEvent && this.#verifyScriptStartedEvent(event)) void this.isInvalid;
      },
      { signal: this.#signal },
    );
  }

  /** True once the context ended: the extension was updated or removed (no runtime id), or it was stopped. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.#signal.aborted;
  }

  /** Calls `callback` once, when the context ends; returns what removes it. */
  onInvalidated(callback: () => void): () => void {
    this.#signal.addEventListener('abort', callback);
    return () => this.#signal.removeEventListener('abort', callback);
  }

  /** `setTimeout` whose handler does not run once the context ended; `clearTimeout` clears it as usual. */
  setTimeout(handler: () => void, ms?: number): number {
    const forget = this.onInvalidated(() => clearTimeout(id));
    // The browser's timer (a number), not Node's, whose types the project loads too.
    const id = (globalThis as WindowOrWorkerGlobalScope).setTimeout(() => {
      forget();
      if (!this.isInvalid) handler();
    }, ms);
    return id;
  }

  /**
   * `target.addEventListener`, removed when the context ends. `LOCATION_CHANGE` (on `window`, as WXT
   * has it) is called after each change of the page's address that loaded no page.
   */
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: Window,
    type: typeof LOCATION_CHANGE,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    if (this.isInvalid) return;
    if (type === LOCATION_CHANGE) target = this.#watchLocation();
    target.addEventListener(type, handler, { ...options, signal: this.#signal });
  }

  /** Ends the context: every `onInvalidated` callback runs, once. */
  notifyInvalidated(): void {
    this.#controller.abort();
  }

  /** Whether a "script started" event is another copy's of the same script (not this copy's own). */
  #verifyScriptStartedEvent(event: CustomEvent): boolean {
    const detail = event.detail as ScriptStarted | null;
    return detail?.contentScriptName === this.#name && detail.messageId !== this.#messageId;
  }

  /**
   * Starts watching the address, once (the Navigation API's `navigate`, or a look every second); returns
   * where its changes are dispatched.
   */
  #watchLocation(): EventTarget {
    if (this.#locations) return this.#locations;
    const locations = new EventTarget();
    this.#locations = locations;
    let last = location.href;
    const seen = (url: string) => {
      if (url === last) return;
      last = url;
      locations.dispatchEvent(new Event(LOCATION_CHANGE));
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      // Told before the address changes (the runtime acts a task later), with the address it goes to.
      navigation.addEventListener(
        'navigate',
        (event) => seen((event as Event & { destination: { url: string } }).destination.url),
        { signal: this.#signal },
      );
    } else {
      const id = setInterval(() => {
        if (!this.isInvalid) seen(location.href);
      }, LOCATION_POLL_MS);
      this.onInvalidated(() => clearInterval(id));
    }
    return locations;
  }
}

/**
 * What Tagveil's code uses of a content script's context: public members only, so WXT's own context
 * (the type WXT declares `main(ctx)` with) fits it as well as this module's class.
 */
export type ContentScriptContext = Pick<
  Context,
  'isInvalid' | 'onInvalidated' | 'setTimeout' | 'addEventListener' | 'notifyInvalidated'
>;
/** The class WXT's wrapper builds (`new ContentScriptContext(name, options)`), and tests too. */
export const ContentScriptContext = Context;
