import type { EntryFacts } from '../rules/types';
import type { TagSource } from '../sites/types';

/**
 * Facts sources: where an entry's facts come from beyond its own markup. The adapter reads the entry's
 * DOM and the site dictionary names its spellings (sites/types.ts readEntry); then each source here adds
 * what it knows: the page's own data (facts-page.ts), the opt-in look-up (E-Hentai's API). The scanner
 * consumes them as one: an entry some source is still waiting for stays held back (unpainted), and the
 * source settles it (arrived, or given up at its bound) through the scanner's settle().
 */
export interface FactsSource {
  /**
   * Adds to `facts` what this source knows of the entry. 'wait' while the entry should stay held back for
   * facts on their way (asked for the first time it is seen). With `ask` false (counting the page's tags
   * for the popup) only what is known now is added and nothing is asked for.
   */
  fill(facts: EntryFacts, ask: boolean): 'ready' | 'wait';
}

/** The sources the scanner consumes, in order. */
export class FactsSources {
  readonly #sources: readonly FactsSource[];
  constructor(sources: readonly FactsSource[]) {
    this.#sources = sources;
  }

  /** Fills `facts` from every source; true when some source wants the entry held back. */
  fill(facts: EntryFacts, ask = true): boolean {
    let wait = false;
    for (const source of this.#sources) if (source.fill(facts, ask) === 'wait') wait = true;
    return wait;
  }
}

/** Builds the sources the scanner consumes; null when there are none (most sites, most of the time). */
export function factsSources(sources: readonly (FactsSource | null | undefined)[]): FactsSources | null {
  const present = sources.filter((s): s is FactsSource => s !== null && s !== undefined);
  return present.length > 0 ? new FactsSources(present) : null;
}

/** A completing look-up (E-Hentai's metadata API) as a facts source: its tags are added to the row's. */
export function lookupSource(source: TagSource): FactsSource {
  return {
    fill(facts, ask) {
      const extra = source.extraTags(facts.id);
      if (extra) {
        facts.tags = [...facts.tags, ...extra];
        return 'ready';
      }
      return ask && source.awaiting(facts.id) ? 'wait' : 'ready';
    },
  };
}
