import type { TagSource, TagSourceDeps } from '../sites/types';

/** A site's look-up, made with the page's deps (SiteAdapter.createTagSource). */
export type MakeTagSource = (deps: TagSourceDeps) => TagSource | null;

/** Where a look-up's own file (entrypoints/<site>-lookup.ts) leaves its maker in the content script's world. */
export const LOOKUP_KEY = Symbol.for('tagveil.lookup');

/** Entries wait at most this long for the look-up's code (then they are judged by what their rows show). */
export const LOOKUP_LOAD_WAIT_MS = 3_000;

type Configure = Parameters<NonNullable<TagSource['configure']>>;

/**
 * A look-up whose code comes only when it is first needed: the first entry it is asked to wait for (the
 * opt-in completion is on, the row can be completed) loads it. Meanwhile those entries wait, as for the
 * look-up's answers, at most LOOKUP_LOAD_WAIT_MS; then, or when the code cannot load (said in the popup
 * as the look-up's error), they are judged by what their rows show. A page with completion off never loads it.
 * `early`: asked for as the page starts, without holding the first pass: for a look-up that also says
 * what rules it cannot apply with completion off (nhentai's; the popup asks for that later).
 */
export function lookupOnDemand(load: () => Promise<MakeTagSource>, early = false): MakeTagSource {
  return (deps) => {
    let real: TagSource | null = null;
    let done = false;
    let started = false;
    let failure: string | null = null;
    let configured: Configure | null = null;
    const waiting = new Set<string>();
    const settleWaiting = () => {
      const ids = [...waiting];
      waiting.clear();
      if (ids.length > 0) deps.onSettled(ids);
    };
    const start = () => {
      started = true;
      deps.setTimer(() => {
        if (done) return;
        failure = `not loaded in ${LOOKUP_LOAD_WAIT_MS} ms`;
        settleWaiting();
      }, LOOKUP_LOAD_WAIT_MS);
      load()
        .then(async (make) => {
          const source = make(deps);
          await source?.init();
          if (configured) source?.configure?.(...configured);
          real = source;
          failure = null;
        })
        .catch((error: unknown) => {
          failure = String(error);
        })
        .finally(() => {
          done = true;
          settleWaiting();
        });
    };
    if (early) start();
    return {
      extraTags: (id) => real?.extraTags(id),
      awaiting(id) {
        if (done) return real?.awaiting(id) ?? false;
        if (failure !== null) return false;
        if (!started) start();
        waiting.add(id);
        return true;
      },
      init: async () => {},
      get errors() {
        return real?.errors ?? (failure === null ? [] : [failure]);
      },
      configure(...args) {
        configured = args;
        real?.configure?.(...args);
      },
      unresolved: () => real?.unresolved?.() ?? [],
    };
  };
}
