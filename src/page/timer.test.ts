import { describe, expect, it } from 'vitest';
import { atTime, clampDelay, MAX_TIMER_MS } from './timer';

/** Timers on a hand-moved clock: `run()` moves the clock to the next timer and fires it. */
function fakeClock(start: number) {
  let clock = start;
  let next = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => clock,
    timers: {
      set(fn: () => void, ms: number) {
        expect(ms).toBeLessThanOrEqual(MAX_TIMER_MS);
        pending.set(++next, { at: clock + ms, fn });
        return next;
      },
      clear(id: number) {
        pending.delete(id);
      },
    },
    pending: () => pending.size,
    run() {
      const [id, timer] = [...pending].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !timer) return false;
      pending.delete(id);
      clock = timer.at;
      timer.fn();
      return true;
    },
  };
}

describe('atTime', () => {
  it('reaches a time 40 days away in steps, and fires once, then', () => {
    const clock = fakeClock(1_000);
    const at = 1_000 + 40 * 24 * 60 * 60 * 1000;
    const fired: number[] = [];
    atTime(clock.timers, at, () => fired.push(clock.now()), clock.now);
    let steps = 0;
    while (clock.run()) steps++;
    expect(fired).toEqual([at]);
    expect(steps).toBe(2); // 24.8 days, then the remaining 15.2
  });

  it('fires a near time at once when it has passed, and not at all once cancelled', () => {
    const clock = fakeClock(5_000);
    const fired: string[] = [];
    atTime(clock.timers, 4_000, () => fired.push('past'), clock.now);
    const cancel = atTime(clock.timers, 9_000, () => fired.push('cancelled'), clock.now);
    cancel();
    while (clock.run());
    expect(fired).toEqual(['past']);
    expect(clock.pending()).toBe(0);
  });

  it('clamps delays to what setTimeout takes', () => {
    expect(clampDelay(-5)).toBe(0);
    expect(clampDelay(2 ** 40)).toBe(MAX_TIMER_MS);
  });
});
