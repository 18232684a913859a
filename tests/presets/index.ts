import { ai } from './ai';
import type { CorpusRow } from './corpus';
import { gore } from './gore';
import { incest } from './incest';
import { noncon } from './noncon';
import { ntr } from './ntr';
import { scat } from './scat';
import { spoilers } from './spoilers';

/** Each preset's labelled rows, by preset id. */
export const CORPUS: Readonly<Record<string, readonly CorpusRow[]>> = {
  ntr,
  gore,
  scat,
  noncon,
  incest,
  spoilers,
  ai,
};
