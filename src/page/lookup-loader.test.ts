import { describe, expect, it } from 'vitest';
import type { RuleList, Tag } from '../rules/types';
import type { TagSource, TagSourceDeps } from '../sites/types';
import { LOOKUP_LOAD_WAIT_MS, lookupOnDemand, type MakeTagSource } from './lookup-loader';

/** The page's side: timers run by hand, the ids the scanner was told to judge again. */
function page() {
  const timers: { fn: () => void; ms: number }[] = [];
  const settled: string[][] = [];
  const deps: TagSourceDeps = {
    origin: 'https://e-hentai.org',
    now: () => 0,
    setTimer: (fn, ms) => void timers.push({ fn, ms }),
    onSettled: (ids) => void settled.push(ids),
  };
  return { deps, timers, settled };
}

/** A look-up that knows one work's tags and records what it was told. */
function fakeLookup() {
  const calls: string[] = [];
  const source: TagSource = {
    extraTags: (id) => (id === '1' ? ([{ namespace: 'female', name: 'netorare' }] as Tag[]) : undefined),
    awaiting: (id) => {
      calls.push(`awaiting ${id}`);
      return id === '2';
    },
    init: async () => void calls.push('init'),
    errors: ['from the site'],
    configure: (lists) => void calls.push(`configure ${lists.length}`),
    unresolved: () => ['artist:x'],
  };
  return { source, calls };
}

/** A look-up's code that comes when the test says (`arrive`), and how often it was asked for. */
function codeToCome() {
  let arrive: (make: MakeTagSource) => void = () => undefined;
  const code = {
    loads: 0,
    load: () => {
      code.loads++;
      return new Promise<MakeTagSource>((resolve) => {
        arrive = resolve;
      });
    },
    arrive: (make: MakeTagSource) => arrive(make),
  };
  return code;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const LISTS: RuleList[] = [{ id: 'l', name: 'L', enabled: true, action: 'hide', patterns: ['netorare'] }];

describe('a look-up loaded on demand', () => {
  it('loads nothing until an entry waits for it (completion off: never)', async () => {
    let loads = 0;
    const { deps } = page();
    const source = lookupOnDemand(async () => {
      loads++;
      return () => fakeLookup().source;
    })(deps);
    if (!source) throw new Error('no source');
    await source.init();
    source.configure?.(LISTS, 'ehentai', () => ({ ok: true, rule: null }));
    expect([source.extraTags('1'), source.errors, source.unresolved?.()]).toEqual([undefined, [], []]);
    await flush();
    expect(loads).toBe(0);
  });

  it('holds the entries that wait for it while it loads, then hands them to the look-up, configured and started', async () => {
    const { deps, settled } = page();
    const { source: real, calls } = fakeLookup();
    const code = codeToCome();
    const source = lookupOnDemand(code.load)(deps);
    if (!source) throw new Error('no source');
    source.configure?.(LISTS, 'ehentai', () => ({ ok: true, rule: null }));
    expect(source.awaiting('1')).toBe(true);
    expect(source.awaiting('2')).toBe(true);
    expect(code.loads).toBe(1);
    expect(settled).toEqual([]);
    code.arrive(() => real);
    await flush();
    // Started (its cache read) and told the lists before it answers for any entry.
    expect(calls).toEqual(['init', 'configure 1']);
    expect(settled).toEqual([['1', '2']]);
    // The scanner reads them again: the look-up answers now.
    expect(source.extraTags('1')).toEqual([{ namespace: 'female', name: 'netorare' }]);
    expect(source.awaiting('2')).toBe(true);
    expect(source.awaiting('3')).toBe(false);
    expect(source.errors).toEqual(['from the site']);
    expect(source.unresolved?.()).toEqual(['artist:x']);
    expect(code.loads).toBe(1);
  });

  it('code that cannot load: the waiting entries are let go, none waits again, and the popup is told', async () => {
    const { deps, settled } = page();
    const source = lookupOnDemand(() => Promise.reject(new Error('blocked')))(deps);
    if (!source) throw new Error('no source');
    expect(source.awaiting('1')).toBe(true);
    await flush();
    expect(settled).toEqual([['1']]);
    expect(source.awaiting('1')).toBe(false);
    expect(source.awaiting('2')).toBe(false);
    expect(source.errors).toEqual(['Error: blocked']);
  });

  it('code that does not come: the entries wait no longer than the bound, and are completed if it comes later', async () => {
    const { deps, settled, timers } = page();
    const { source: real } = fakeLookup();
    const code = codeToCome();
    const source = lookupOnDemand(code.load)(deps);
    if (!source) throw new Error('no source');
    expect(source.awaiting('1')).toBe(true);
    expect(timers.map((t) => t.ms)).toEqual([LOOKUP_LOAD_WAIT_MS]);
    timers[0]?.fn();
    expect(settled).toEqual([['1']]);
    expect(source.awaiting('2')).toBe(false);
    expect(source.errors).toEqual([`not loaded in ${LOOKUP_LOAD_WAIT_MS} ms`]);
    code.arrive(() => real);
    await flush();
    expect(source.awaiting('2')).toBe(true);
    expect(source.errors).toEqual(['from the site']);
  });

  it('a site whose look-up has nothing to do on this page (its maker gives none) holds nothing after loading', async () => {
    const { deps, settled } = page();
    const source = lookupOnDemand(async () => () => null)(deps);
    if (!source) throw new Error('no source');
    expect(source.awaiting('1')).toBe(true);
    await flush();
    expect(settled).toEqual([['1']]);
    expect(source.awaiting('1')).toBe(false);
    expect(source.errors).toEqual([]);
  });

  it('early: asked for as the page starts without holding the first pass, then speaks with no entry waiting (nhentai’s)', async () => {
    const { deps } = page();
    const { source: real, calls } = fakeLookup();
    const code = codeToCome();
    const source = lookupOnDemand(code.load, true)(deps);
    if (!source) throw new Error('no source');
    expect(code.loads).toBe(1);
    // The first pass does not wait for it: its start is over at once, and it says nothing yet.
    await source.init();
    source.configure?.(LISTS, 'nhentai', () => ({ ok: true, rule: null }));
    expect(source.unresolved?.()).toEqual([]);
    code.arrive(() => real);
    await flush();
    // The lists it was told before it came are its own now; it says what it cannot apply.
    expect(calls).toEqual(['init', 'configure 1']);
    expect(source.unresolved?.()).toEqual(['artist:x']);
    expect(source.awaiting('2')).toBe(true);
    expect(code.loads).toBe(1);
  });
});
