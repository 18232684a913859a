// Two browsers signed in to one profile: one storage.sync between them, each with its own storage.local
// and its own lock. The shared sync can hold a `set` part-way (its first keys written, the rest waiting),
// which is what a reader sees of another device's save while it arrives item by item.
import { describe, expect, it } from 'vitest';
import { englishText } from '../../tests/locale-text';
import { defaultSettings, type Settings } from './schema';
import { type Area, createSettingsStore, type SettingsStore, type StoreAreas } from './store';
import { decodeSync } from './sync-layout';
import { readSettingsFile } from './transfer';

type Listener = (changes: Record<string, unknown>, area: string) => void;

class FakeArea implements Area {
  readonly data = new Map<string, unknown>();
  /** The next `set` writes this many keys, then waits for `release()` before writing the rest. */
  private hold: { after: number; gate: Promise<void>; open: () => void } | null = null;

  constructor(
    private readonly name: string,
    private readonly listeners: () => Listener[],
  ) {}

  holdNextSet(after: number): () => void {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.hold = { after, gate, open };
    return open;
  }

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : [keys].flat();
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const hold = this.hold;
    this.hold = null;
    let written = 0;
    for (const [key, value] of Object.entries(items)) {
      if (hold && written === hold.after) await hold.gate;
      this.data.set(key, structuredClone(value));
      written++;
      this.emit({ [key]: { newValue: value } });
    }
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of [keys].flat()) this.data.delete(key);
    this.emit(Object.fromEntries([keys].flat().map((k) => [k, {}])));
  }

  private emit(changes: Record<string, unknown>): void {
    for (const listener of this.listeners()) listener(changes, this.name);
  }
}

/** One lock per browser: Web Locks do not reach across devices. */
function browserLock(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

interface Device {
  store: SettingsStore;
  local: FakeArea;
}

function twoDevices(): { sync: FakeArea; a: Device; b: Device } {
  const all: Listener[][] = [[], []];
  const sync = new FakeArea('sync', () => all.flat());
  const device = (i: 0 | 1): Device => {
    const listeners = all[i] as Listener[];
    const local = new FakeArea('local', () => listeners);
    const areas: StoreAreas = {
      sync,
      local,
      exclusively: browserLock(),
      onChanged: {
        addListener: (l) => listeners.push(l),
        removeListener: (l) => listeners.splice(listeners.indexOf(l), 1),
      },
    };
    return { store: createSettingsStore(areas), local };
  };
  return { sync, a: device(0), b: device(1) };
}

function rules(settings: Settings): string[] {
  return settings.lists.flatMap((l) => l.patterns);
}

async function inSync(sync: FakeArea): Promise<Settings | null> {
  const decoded = decodeSync(await sync.get(null));
  return decoded.kind === 'ok' ? (decoded.raw as Settings) : null;
}

/** Settings with `n` rules of `who` in the first list: a few sync chunks' worth. */
function listOf(who: string, n: number): Settings {
  const settings = defaultSettings();
  if (settings.lists[0]) settings.lists[0].patterns = Array.from({ length: n }, (_, i) => `${who} tag ${i}`);
  return settings;
}

const add = (rule: string) => (s: Settings) => {
  s.lists[0]?.patterns.push(rule);
};

describe('two devices, one list', () => {
  it('a save arriving part by part is never read half, and a change made meanwhile builds on all of it', async () => {
    const { sync, a, b } = twoDevices();
    await a.store.saveSettings(listOf('first', 300));
    await b.store.loadSettings();
    await a.store.loadSettings();

    // B saves 600 rules; A sees its index and first chunk, the rest still on the way.
    const release = sync.holdNextSet(2);
    const bSaving = b.store.updateSettings((s) => {
      s.lists[0]?.patterns.push(...(listOf('second', 300).lists[0]?.patterns ?? []));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(decodeSync(await sync.get(null)).kind).toBe('damaged');

    // A page loading now gets a whole copy (A's last good one), never half of B's nor the defaults.
    const meanwhile = await a.store.loadSettings();
    expect(meanwhile.source).toBe('last-good');
    expect(meanwhile.settings.lists[0]?.patterns).toHaveLength(300);

    // A switch on A waits out the half save, then builds on it once it has arrived.
    const aSaving = a.store.updateSettings((s) => {
      s.audit = true;
    });
    setTimeout(release, 100);
    await Promise.all([bSaving, aSaving]);
    const final = await inSync(sync);
    expect(final?.lists[0]?.patterns).toHaveLength(600);
    expect(final?.audit).toBe(true);
    expect((await b.store.loadSettings()).settings).toEqual((await a.store.loadSettings()).settings);
  });

  it('two saves interleaved item by item: each device keeps its own, the next whole save wins, no rule is lost', async () => {
    const { sync, a, b } = twoDevices();
    await a.store.saveSettings(listOf('common', 300));
    await a.store.loadSettings();
    await b.store.loadSettings();

    // A's save stops after its index; B's whole save lands; A's chunks then land over B's.
    const releaseA = sync.holdNextSet(1);
    const aSaving = a.store.updateSettings(add('only on a'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await b.store.updateSettings(add('only on b'));
    releaseA();
    await aSaving;
    expect(decodeSync(await sync.get(null)).kind).toBe('damaged');

    // Neither device falls back to defaults: each shows its own last save.
    const onA = await a.store.loadSettings();
    const onB = await b.store.loadSettings();
    expect(rules(onA.settings)).toContain('only on a');
    expect(rules(onB.settings)).toContain('only on b');

    // B's next change is the last complete save: it wins, in sync and on A.
    await b.store.updateSettings(add('later on b'));
    const final = await inSync(sync);
    expect(rules(final as Settings)).toEqual(expect.arrayContaining(['only on b', 'later on b']));
    const aAfter = await a.store.loadSettings();
    expect(aAfter.settings).toEqual(final);
    // A's own save, which B's never included, is kept on A as a file to import, and A is told.
    expect(aAfter.problems.map(englishText)).toEqual([
      expect.stringMatching(/replaced by another device's save, which lacks 1 /u),
    ]);
    const backup = await a.store.loadBackup();
    const read = readSettingsFile(backup?.original ?? '');
    expect(read.ok && rules(read.incoming.settings as Settings)).toContain('only on a');
    // Every rule either device saved is in sync or in that backup.
    const everything = new Set([
      ...rules(final as Settings),
      ...(read.ok ? rules(read.incoming.settings as Settings) : []),
    ]);
    for (const rule of ['only on a', 'only on b', 'later on b', 'common tag 0', 'common tag 299'])
      expect(everything.has(rule), rule).toBe(true);
  }, 30_000); // saves over a damaged copy first wait it out (3.3 s each)

  it('a stale device coming back takes the newer copy, deletions included, and backs up nothing it had', async () => {
    const { sync, a, b } = twoDevices();
    await a.store.updateSettings((s) => {
      s.lists[0]?.patterns.push('old rule', 'kept rule');
    });
    // A goes offline. B reads A's save, then changes it twice: a rule added, one deleted.
    await b.store.loadSettings();
    await b.store.updateSettings(add('new rule'));
    await b.store.updateSettings((s) => {
      if (s.lists[0]) s.lists[0].patterns = s.lists[0].patterns.filter((p) => p !== 'old rule');
    });
    const back = await a.store.loadSettings();
    expect(back.settings.lists[0]?.patterns).toEqual(['kept rule', 'new rule']);
    expect(back.problems).toEqual([]);
    expect(await a.store.loadBackups()).toEqual([]);
    // Its next change builds on the newer copy, so the deleted rule stays deleted.
    await a.store.updateSettings((s) => {
      s.badge = false;
    });
    expect((await inSync(sync))?.lists[0]?.patterns).toEqual(['kept rule', 'new rule']);
    expect(back.savedAt).toBeGreaterThan(0);
    expect((await b.store.loadSettings()).savedAt).toBeGreaterThan(back.savedAt);
  });

  it('save stamps only grow, even from a device whose clock is behind', async () => {
    const { a, b } = twoDevices();
    await a.store.saveSettings(listOf('a', 1));
    const first = await b.store.loadSettings();
    const realNow = Date.now;
    Date.now = () => realNow() - 3_600_000; // B's clock an hour behind
    try {
      await b.store.updateSettings(add('b'));
    } finally {
      Date.now = realNow;
    }
    const second = await a.store.loadSettings();
    expect(second.savedAt).toBeGreaterThan(first.savedAt);
    expect(rules(second.settings)).toContain('b');
  });
});
