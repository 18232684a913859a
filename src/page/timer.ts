/**
 * The longest delay setTimeout takes: a longer one (a pause or snooze more than 24.8 days away, which
 * an import can set) overflows the browser's 32-bit delay and fires at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** How timers are armed and cleared: the content script's context's, or the global ones. */
export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

/** A delay that setTimeout takes as given (never past MAX_TIMER_MS, never negative). */
export function clampDelay(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_TIMER_MS);
}

/**
 * Calls `fn` once the clock reaches `at` (epoch ms), however far away that is: a far time is reached in
 * steps of at most MAX_TIMER_MS, each re-armed only if the time has not come. Returns the cancel.
 */
export function atTime(timers: Timers, at: number, fn: () => void, now: () => number = Date.now): () => void {
  let id: number | undefined;
  const arm = () => {
    id = timers.set(
      () => {
        id = undefined;
        if (now() >= at) fn();
        else arm();
      },
      clampDelay(at - now()),
    );
  };
  arm();
  return () => {
    if (id !== undefined) timers.clear(id);
    id = undefined;
  };
}
