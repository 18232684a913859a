import { PRESETS, type Preset } from './presets';

/**
 * Presets that improve without rewriting anyone's list. A list made from a preset remembers which
 * preset and which version of it (`preset: { id, version }` in settings); when the shipped preset is a
 * newer version, the difference between the version the list was made from and the shipped one is
 * offered — lines added and removed, exceptions too — measured against the user's list as it is now, so
 * what the user added or removed by hand is respected. Nothing here changes a list by itself.
 *
 * Every shipped version of a preset is kept below (the current one is PRESETS'), so the difference can
 * always be taken from the version a list was made from. A preset's version goes up whenever its lines
 * or exceptions change; the old lines move here.
 */

/** A preset's lines as they shipped in one version. */
export interface PresetLines {
  patterns: readonly string[];
  exceptions: readonly string[];
}

/** Earlier versions of each preset, by id and version. Version 1: the presets before exceptions. */
export const PAST_PRESETS: Readonly<Record<string, Readonly<Record<number, PresetLines>>>> = {
  ntr: {
    1: {
      patterns: [
        'netorare',
        'ntr',
        '寝取られ',
        'ネトラレ',
        'netori',
        '寝取り',
        'ネトリ',
        'netorase',
        '寝取らせ',
        'ネトラセ',
        'cheating',
        '*cheating',
        'infidelity',
        '*infidelity',
        'adultery',
        'cuckold',
        'cuckolding',
        'cuckquean',
      ],
      exceptions: [],
    },
  },
  gore: {
    1: {
      patterns: [
        'guro',
        'gore',
        'グロ',
        '猟奇',
        'snuff',
        'cannibalism',
        'dismemberment',
        'decapitation',
        'body horror',
        'warning:graphic depictions of violence',
      ],
      exceptions: [],
    },
  },
  scat: {
    1: {
      patterns: ['/\\bscat\\b/', 'scatology', 'coprophagia', 'coprophilia', 'スカトロ', '脱糞'],
      exceptions: [],
    },
  },
  noncon: {
    1: {
      patterns: [
        '/\\brape\\b/',
        'non con',
        'noncon',
        'non consensual',
        '*non consensual*',
        'dubious consent',
        'dubcon',
        '合意なし',
        'レイプ',
        '強姦',
        '凌辱',
        '陵辱',
      ],
      exceptions: [],
    },
  },
  incest: { 1: { patterns: ['*incest*', 'inseki', '近親相姦', '近親*'], exceptions: [] } },
  spoilers: {
    1: {
      patterns: ['major character death', 'canon character death', '*spoiler*', 'ネタバレ'],
      exceptions: [],
    },
  },
};

/** Which preset, and which version of it, a list was made from. */
export interface PresetOrigin {
  id: string;
  version: number;
}

/** The part of a stored list this needs. */
export interface PresetMadeList {
  id: string;
  patterns: readonly string[];
  exceptions?: readonly string[];
  preset?: PresetOrigin;
  /** A subscribed list is kept by its source, not by presets. */
  source?: unknown;
}

export type PresetField = 'patterns' | 'exceptions';

/** One line the newer preset adds or removes, not yet so in the user's list. */
export interface PresetChange {
  field: PresetField;
  kind: 'add' | 'remove';
  line: string;
}

export interface PresetUpgrade {
  preset: Preset;
  from: number;
  to: number;
  changes: PresetChange[];
}

/** A preset's lines in a given version: the shipped one, or one kept in PAST_PRESETS. */
export function presetLines(id: string, version: number): PresetLines | undefined {
  const current = PRESETS.find((p) => p.id === id);
  if (current?.version === version) return current;
  return PAST_PRESETS[id]?.[version];
}

/**
 * Where a list came from. Lists made before lists remembered it carry no `preset`: one whose id is a
 * preset's id was made by switching that preset on (the default NTR list, the options' presets), from
 * version 1, the only version there was then.
 */
export function presetOrigin(list: PresetMadeList): PresetOrigin | undefined {
  if (list.preset) return list.preset;
  if (list.source !== undefined) return undefined;
  return PRESETS.some((p) => p.id === list.id) && PAST_PRESETS[list.id]?.[1]
    ? { id: list.id, version: 1 }
    : undefined;
}

const norm = (line: string) => line.trim();

/**
 * What the shipped preset changed since the version the list was made from, as it stands against the
 * user's list: a line the preset added is offered unless the list has it already; a line the preset
 * removed is offered for removal only while the list still has it. A line the user removed that the
 * preset kept is not offered again, and one the user added is never offered for removal.
 * Null when the list was not made from a preset, is up to date, or its version is unknown.
 */
export function presetUpgrade(list: PresetMadeList): PresetUpgrade | null {
  const origin = presetOrigin(list);
  if (!origin) return null;
  const preset = PRESETS.find((p) => p.id === origin.id);
  if (!preset || origin.version >= preset.version) return null;
  const base = presetLines(origin.id, origin.version);
  if (!base) return null;
  const changes: PresetChange[] = [];
  for (const field of ['patterns', 'exceptions'] as const) {
    const was = new Set(base[field].map(norm));
    const now = new Set(preset[field].map(norm));
    const mine = new Set((list[field] ?? []).map(norm));
    for (const line of now) if (!was.has(line) && !mine.has(line)) changes.push({ field, kind: 'add', line });
    for (const line of was)
      if (!now.has(line) && mine.has(line)) changes.push({ field, kind: 'remove', line });
  }
  return { preset, from: origin.version, to: preset.version, changes };
}

/** The list with the chosen changes made (new lines at the end, in the preset's order); a copy. */
export function applyPresetChanges<L extends PresetMadeList>(list: L, changes: readonly PresetChange[]): L {
  const next = { ...list, patterns: [...list.patterns], exceptions: [...(list.exceptions ?? [])] };
  for (const change of changes) {
    const lines = next[change.field];
    if (change.kind === 'add') {
      if (!lines.some((l) => norm(l) === change.line)) lines.push(change.line);
    } else {
      next[change.field] = lines.filter((l) => norm(l) !== change.line);
    }
  }
  return next;
}

/**
 * After the user applied some of an upgrade's changes or kept their list: once nothing is left to offer,
 * the list is marked as made from the shipped version, so the same difference is not offered again.
 */
export function settleOrigin<L extends PresetMadeList>(list: L): L {
  const upgrade = presetUpgrade(list);
  if (!upgrade || upgrade.changes.length > 0) return list;
  return { ...list, preset: { id: upgrade.preset.id, version: upgrade.to } };
}
