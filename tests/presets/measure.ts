import { compile } from '../../src/rules/compile';
import type { EntryFacts, Tag } from '../../src/rules/types';
import { genreNames } from '../../src/sites/dictionaries/dlsite-genres';
import type { CorpusRow } from './corpus';

export interface PresetLike {
  id: string;
  patterns: readonly string[];
  exceptions?: readonly string[];
}

export interface RowResult {
  row: CorpusRow;
  caught: boolean;
  /** The preset line that caught it, when one did. */
  rule?: string;
}

export interface Measure {
  id: string;
  rows: RowResult[];
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  trueNegatives: number;
  /** Caught of those to catch; 1 when there is nothing to catch. */
  recall: number;
  /** Right of those caught; 1 when nothing was caught. */
  precision: number;
}

export const rowTag = (row: CorpusRow): Tag =>
  row.namespace === undefined ? { name: row.tag } : { namespace: row.namespace, name: row.tag };

/** The tags of the entry a row stands for: its tag, or every name the DLsite adapter emits for a genre. */
export function rowTags(row: CorpusRow): Tag[] {
  if (row.dlsiteGenre === undefined) return [rowTag(row)];
  const names = new Set([...genreNames(row.dlsiteGenre), row.tag]);
  return [...names].map((name) => ({ namespace: 'genre', name }));
}

export const showRow = (row: CorpusRow) =>
  row.dlsiteGenre !== undefined
    ? `DLsite genre ${row.dlsiteGenre} (${rowTags(row)
        .map((t) => t.name)
        .join(', ')})`
    : row.namespace
      ? `${row.namespace}:${row.tag}`
      : row.tag;

/**
 * Judges every row as one entry carrying that one tag (a DLsite genre: every name the adapter emits for
 * it), with the real matcher and the preset's exceptions on its list, as the product applies them.
 */
export function measure(preset: PresetLike, rows: readonly CorpusRow[]): Measure {
  const matcher = compile([
    {
      id: preset.id,
      name: preset.id,
      enabled: true,
      action: 'hide',
      patterns: [...preset.patterns],
      exceptions: [...(preset.exceptions ?? [])],
    },
  ]);
  const results = rows.map((row): RowResult => {
    const entry: EntryFacts = { id: 'row', tags: rowTags(row), title: '', creators: [] };
    const verdict = matcher.judge(entry);
    const rule = verdict.reasons[0]?.rule;
    return rule === undefined ? { row, caught: false } : { row, caught: true, rule };
  });
  const count = (expect: CorpusRow['expect'], caught: boolean) =>
    results.filter((r) => r.row.expect === expect && r.caught === caught).length;
  const truePositives = count('catch', true);
  const falseNegatives = count('catch', false);
  const falsePositives = count('pass', true);
  const trueNegatives = count('pass', false);
  return {
    id: preset.id,
    rows: results,
    truePositives,
    falseNegatives,
    falsePositives,
    trueNegatives,
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
  };
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One line per preset: the figures docs/presets.md quotes. */
export function table(measures: readonly Measure[]): string {
  const lines = ['preset    rows  catch  pass  recall   precision  (TP FN FP TN)'];
  for (const m of measures) {
    const catches = m.truePositives + m.falseNegatives;
    const passes = m.falsePositives + m.trueNegatives;
    lines.push(
      `${m.id.padEnd(9)} ${String(m.rows.length).padStart(4)}  ${String(catches).padStart(5)}  ${String(passes).padStart(4)}  ${percent(m.recall).padStart(6)}   ${percent(m.precision).padStart(6)}     (${m.truePositives} ${m.falseNegatives} ${m.falsePositives} ${m.trueNegatives})`,
    );
  }
  return lines.join('\n');
}
