import { describe, expect, it } from 'vitest';
import {
  applyPresetChanges,
  PAST_PRESETS,
  type PresetMadeList,
  presetLines,
  presetOrigin,
  presetUpgrade,
  settleOrigin,
} from './preset-upgrade';
import { PRESETS, presetById } from './presets';

const ntr = presetById('ntr');
const v1 = PAST_PRESETS.ntr?.[1];
if (!ntr || !v1) throw new Error('the NTR preset and its version 1 are needed here');

/** A list made from NTR version 1, as an older Tagveil stored it (no `preset`, the preset's id). */
const oldList = (patterns = [...v1.patterns]): PresetMadeList => ({ id: 'ntr', patterns });

const offered = (list: PresetMadeList, kind: 'add' | 'remove', field = 'patterns') =>
  (presetUpgrade(list)?.changes ?? []).filter((c) => c.kind === kind && c.field === field).map((c) => c.line);

describe('presetUpgrade', () => {
  it('offers what the preset added and removed since the list was made, exceptions too', () => {
    const upgrade = presetUpgrade(oldList());
    expect(upgrade).toMatchObject({ from: 1, to: ntr.version });
    expect(offered(oldList(), 'add')).toContain('*浮気*');
    expect(offered(oldList(), 'remove')).toEqual(v1.patterns.filter((l) => !ntr.patterns.includes(l)));
    expect(offered(oldList(), 'add', 'exceptions')).toEqual([...ntr.exceptions]);
  });

  it('does not offer again a line the user removed when the preset kept it', () => {
    expect(ntr.patterns).toContain('netorare');
    const list = oldList(v1.patterns.filter((l) => l !== 'netorare'));
    expect(offered(list, 'add')).not.toContain('netorare');
  });

  it('offers a line the user removed when the preset newly added it', () => {
    // "*cheating" was in version 1 and still is; "cheating *" is new in version 2.
    const list = oldList([...v1.patterns, 'cheating *']);
    expect(offered(list, 'add')).not.toContain('cheating *');
    expect(offered(oldList(), 'add')).toContain('cheating *');
  });

  it('never offers to remove a line the user added, nor one the user already removed', () => {
    const removedByPreset = v1.patterns.find((l) => !ntr.patterns.includes(l)) as string;
    const list = oldList([...v1.patterns.filter((l) => l !== removedByPreset), 'my own line']);
    expect(offered(list, 'remove')).not.toContain(removedByPreset);
    expect(offered(list, 'remove')).not.toContain('my own line');
  });

  it('offers nothing for an up-to-date list, a list of the user’s own, a subscription or an unknown version', () => {
    expect(
      presetUpgrade({ id: 'x', patterns: ['ntr'], preset: { id: 'ntr', version: ntr.version } }),
    ).toBeNull();
    expect(presetUpgrade({ id: 'mine', patterns: ['ntr'] })).toBeNull();
    expect(presetUpgrade({ id: 'ntr', patterns: [], source: { url: 'https://x' } })).toBeNull();
    expect(presetUpgrade({ id: 'x', patterns: [], preset: { id: 'ntr', version: 99 } })).toBeNull();
    expect(presetUpgrade({ id: 'ai', patterns: [] })).toBeNull();
  });

  it('follows the remembered origin over the list’s id', () => {
    const list: PresetMadeList = {
      id: 'renamed',
      patterns: [...v1.patterns],
      preset: { id: 'ntr', version: 1 },
    };
    expect(presetOrigin(list)).toEqual({ id: 'ntr', version: 1 });
    expect(presetUpgrade(list)?.changes.length).toBeGreaterThan(0);
  });

  it('keeps every past version below the shipped one, and every shipped version is known', () => {
    for (const preset of PRESETS) {
      expect(presetLines(preset.id, preset.version)).toBe(preset);
      for (const version of Object.keys(PAST_PRESETS[preset.id] ?? {}).map(Number))
        expect(version).toBeLessThan(preset.version);
    }
  });
});

describe('applying an upgrade', () => {
  it('applied whole, the list is the shipped preset plus the user’s own lines, and nothing is offered after', () => {
    const list = oldList([...v1.patterns, 'my own line']);
    const upgrade = presetUpgrade(list);
    const applied = settleOrigin(applyPresetChanges(list, upgrade?.changes ?? []));
    expect(new Set(applied.patterns)).toEqual(new Set([...ntr.patterns, 'my own line']));
    expect(applied.exceptions).toEqual([...ntr.exceptions]);
    expect(applied.preset).toEqual({ id: 'ntr', version: ntr.version });
    expect(presetUpgrade(applied)).toBeNull();
  });

  it('line by line: an applied line is no longer offered, the others still are', () => {
    const list = oldList();
    const [first, ...rest] = presetUpgrade(list)?.changes ?? [];
    if (!first) throw new Error('expected changes');
    const once = settleOrigin(applyPresetChanges(list, [first]));
    expect(presetUpgrade(once)?.changes).toEqual(rest);
    expect(once.preset).toBeUndefined();
  });

  it('leaves the list it was given untouched', () => {
    const list = oldList();
    const before = JSON.stringify(list);
    applyPresetChanges(list, presetUpgrade(list)?.changes ?? []);
    expect(JSON.stringify(list)).toBe(before);
  });
});
