import type { FactNeeds } from '../src/rules/types';
import { ao3 } from '../src/sites/ao3';
import type { SiteAdapter } from '../src/sites/types';

/**
 * AO3's adapter counting its reads of entries: `reads` every read (a full one or the id alone, a cheap
 * one), `idReads` the reads of the id alone.
 */
export function countingAdapter(): { adapter: SiteAdapter; reads: () => number; idReads: () => number } {
  let reads = 0;
  let idReads = 0;
  const adapter: SiteAdapter = {
    ...ao3,
    read: (entry: Element, needs?: FactNeeds) => {
      reads++;
      return ao3.read(entry, needs);
    },
    readId: (entry: Element) => {
      reads++;
      idReads++;
      return ao3.readId?.(entry) ?? '';
    },
  };
  return { adapter, reads: () => reads, idReads: () => idReads };
}
