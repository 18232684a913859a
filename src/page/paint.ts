import type { Verdict } from '../rules/types';
import type { PaintOptions } from './effects';
import { clearMarks, setMarks } from './marks';
import type { PageUi } from './ui';

/** Loads the page UI (veils, warning, refill bar): ui-loader.ts in a built-in site's script. */
export type LoadPageUi = () => Promise<PageUi>;

/**
 * Applies verdicts. The marks go on at once (the stylesheet filters by them: nothing shows unfiltered);
 * the veils, which explain and offer Show, are drawn by the page UI, loaded the first time an entry
 * needs one. Entries painted meanwhile are drawn when it arrives, with what they were last painted with.
 * A page whose entries are only hidden never loads it.
 */
export class Painter {
  #ui: PageUi | null;
  readonly #load: LoadPageUi | null;
  #loading: Promise<PageUi> | null = null;
  readonly #waiting = new Map<HTMLElement, { verdict: Verdict; options: PaintOptions }>();
  /** Why the page UI did not load, if it did not (the popup says it). */
  failure: string | null = null;

  constructor(ui: PageUi | LoadPageUi) {
    this.#ui = typeof ui === 'function' ? null : ui;
    this.#load = typeof ui === 'function' ? ui : null;
  }

  apply(entry: HTMLElement, verdict: Verdict, options: PaintOptions): void {
    if (this.#ui) {
      this.#ui.applyVerdict(entry, verdict, options);
      return;
    }
    if (setMarks(entry, verdict, options) === 'veil') {
      this.#waiting.set(entry, { verdict, options });
      void this.ready().catch(() => {});
    } else this.#waiting.delete(entry);
  }

  /** The page changed what is inside an entry: what it added under a veil is covered too (effects.ts). */
  coverAdded(entry: HTMLElement): void {
    // Before the page UI is in, no veil is drawn yet: the one drawn then covers all there is.
    this.#ui?.coverAdded(entry);
  }

  clear(entry: HTMLElement): void {
    if (this.#ui) this.#ui.clearVerdict(entry);
    else {
      clearMarks(entry);
      this.#waiting.delete(entry);
    }
  }

  /** The page UI if it is loaded. */
  get loaded(): PageUi | null {
    return this.#ui;
  }

  /** The page UI, loading it if needed; every entry waiting for a veil is drawn before this resolves. */
  ready(): Promise<PageUi> {
    if (this.#ui) return Promise.resolve(this.#ui);
    this.#loading ??= (this.#load as LoadPageUi)().then(
      (ui) => {
        this.#ui = ui;
        for (const [entry, { verdict, options }] of this.#waiting)
          if (entry.isConnected) ui.applyVerdict(entry, verdict, options);
        this.#waiting.clear();
        return ui;
      },
      (error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.#loading = null; // a later need tries again
        throw error;
      },
    );
    return this.#loading;
  }
}
