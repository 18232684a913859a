import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/rules/compile';
import { compileListExceptions } from '../../src/rules/list-exceptions';
import { PRESETS } from '../../src/rules/presets';
import { CORPUS } from '../presets';
import { type Measure, measure, rowTags, showRow, table } from '../presets/measure';

/**
 * The bar: every row of the corpus judged as labelled (100% recall and precision), except rows marked
 * `known: 'wrong'`, which are listed in the output and must still be wrong (a fixed row loses its mark).
 * Each preset line must catch some row and each exception line must spare some row the lines catch, so
 * every line is measured.
 */
const measures: Measure[] = [];

afterAll(() => {
  if (measures.length === 0) return;
  const known = measures.flatMap((m) =>
    m.rows
      .filter((r) => r.row.known === 'wrong')
      .map(
        (r) =>
          `  ${m.id}: ${showRow(r.row)} (expected ${r.row.expect}; ${r.row.source}) — ${r.row.note ?? ''}`,
      ),
  );
  console.log(
    `Presets on the labelled corpus (tests/presets/):\n${table(measures)}\nKnown wrong (${known.length}):\n${known.join('\n')}`,
  );
});

describe('presets on the labelled corpus', () => {
  it('every preset has a corpus, and every corpus a preset', () => {
    expect(Object.keys(CORPUS).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (id, preset) => {
    const rows = CORPUS[id] ?? [];

    it('parses every line and exception', () => {
      expect(
        compile([{ id, name: id, enabled: true, action: 'hide', patterns: [...preset.patterns] }]).errors,
      ).toEqual([]);
      expect(compileListExceptions(preset.exceptions).errors).toEqual([]);
    });

    it('judges every row as labelled, but the rows marked known-wrong', () => {
      const m = measure(preset, rows);
      measures.push(m);
      expect(rows.some((r) => r.expect === 'catch') && rows.some((r) => r.expect === 'pass')).toBe(true);
      const wrong = m.rows
        .filter((r) => r.caught !== (r.row.expect === 'catch') && r.row.known !== 'wrong')
        .map((r) => `${showRow(r.row)}: expected ${r.row.expect}${r.rule ? `, caught by ${r.rule}` : ''}`);
      const fixed = m.rows
        .filter((r) => r.caught === (r.row.expect === 'catch') && r.row.known === 'wrong')
        .map((r) => `${showRow(r.row)}: now right, drop its known-wrong mark`);
      expect([...wrong, ...fixed]).toEqual([]);
    });

    it('has no line that catches nothing in the corpus', () => {
      const catches = rows.filter((r) => r.expect === 'catch');
      const idle = preset.patterns.filter((line) => {
        const one = compile([{ id, name: id, enabled: true, action: 'hide', patterns: [line] }]);
        return !catches.some(
          (r) => one.judge({ id: 'row', tags: rowTags(r), title: '', creators: [] }).action,
        );
      });
      expect(idle).toEqual([]);
    });

    it('has no exception that spares nothing in the corpus', () => {
      const lines = compile([
        { id, name: id, enabled: true, action: 'hide', patterns: [...preset.patterns] },
      ]);
      const caught = rows.filter(
        (r) => lines.judge({ id: 'row', tags: rowTags(r), title: '', creators: [] }).action,
      );
      const idle = preset.exceptions.filter(
        (line) => !caught.some((r) => compileListExceptions([line]).visible(rowTags(r)).length === 0),
      );
      expect(idle).toEqual([]);
    });
  });
});
