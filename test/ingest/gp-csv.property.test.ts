/**
 * parseGpCsv reads numbers in place from the text (omm.ts); the reference it is compared with reads each
 * record's cells as strings with the table reading as first written (support/reference-csv-reader.ts)
 * and builds each row from those strings with numberField and integerField. Both must accept the same
 * rows with the very same values and reject the same rows with the same line, field and reason, or
 * refuse the file alike: on the bundled snapshot and on fixtures edited as the fuzz tests edit them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult, RowError } from '../../src/ingest/feed-errors.js';
import { GP_CSV_COLUMNS, gpRowFromOmm, ommCellsOf, type GpRow } from '../../src/ingest/celestrak-gp/gp-row.js';
import { parseGpCsv } from '../../src/ingest/celestrak-gp/omm.js';
import { collectRow } from '../../src/ingest/celestrak-gp/row-rejection.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { FUZZ_TARGETS, inputsFor } from '../support/parser-fuzz.js';
import { referenceDelimitedTable } from './support/reference-csv-reader.js';

function referenceGpCsv(text: string, file: string): ParseResult<GpRow> {
  const table = referenceDelimitedTable(text, file, ',', GP_CSV_COLUMNS);
  const rows: GpRow[] = [];
  const rejected: RowError[] = [];
  const lines: number[] = [];
  for (const rec of table.rows) {
    const cells = ommCellsOf((key) => rec.fields[table.columnIndex.get(key)!]);
    collectRow(file, rec.line, () => gpRowFromOmm(cells), rows, rejected, lines);
  }
  rejected.push(...table.rejected);
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, total: rows.length + rejected.length, lines };
}

function outcome(parse: () => ParseResult<GpRow>): unknown {
  try {
    return parse();
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

describe('parseGpCsv agrees with the cell-by-cell string reading', () => {
  it('on the bundled GP snapshot', () => {
    const file = 'celestrak_gp_active_2026-07-10.csv.gz';
    const text = readSnapshot(file);
    const parsed = parseGpCsv(text, file);
    expect(parsed.rows.length).toBeGreaterThan(15_000);
    expect(parsed).toEqual(referenceGpCsv(text, file));
  });

  it('on edited fixtures (fast-check, 2,000 cases)', () => {
    const target = FUZZ_TARGETS.find((t) => t.name === 'celestrak-gp csv')!;
    let withRejections = 0;
    fc.assert(
      fc.property(inputsFor(target, 200), (text) => {
        const ours = outcome(() => parseGpCsv(text, 'fuzz.csv'));
        expect(ours).toEqual(outcome(() => referenceGpCsv(text, 'fuzz.csv')));
        if ((ours as Partial<ParseResult<GpRow>>).rejected?.length) withRejections += 1;
      }),
      { seed: 20_261_207, numRuns: 2_000 },
    );
    // The edits reach the cell rules, not only the file checks.
    expect(withRejections).toBeGreaterThan(200);
  });
});
