/**
 * The delimited-text reader slices fields out of the text; the reference it is compared with builds them
 * a character at a time (test/ingest/support/reference-csv-reader.ts, the reader as first written). On
 * generated text made of the characters that matter (delimiters, quotes, CR, LF, BOM) both give the
 * same records, or both refuse the file with the same line and reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDelimitedRecords, readDelimitedTable } from '../../src/ingest/celestrak-gp/csv-reader.js';
import { referenceDelimitedRecords, referenceDelimitedTable } from './support/reference-csv-reader.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';

const PIECES = ['a', 'bc', ',', '\t', '"', '""', '\n', '\r', '\r\n', ' ', '\uFEFF', 'é'];

function outcome(read: () => unknown): unknown {
  try {
    return { records: read() };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

describe('readDelimitedRecords agrees with the character-at-a-time reference', () => {
  for (const delimiter of [',', '\t']) {
    it(`on generated text (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
          const text = parts.join('');
          expect(outcome(() => readDelimitedRecords(text, 'g.csv', delimiter)))
            .toEqual(outcome(() => referenceDelimitedRecords(text, 'g.csv', delimiter)));
        }),
        { seed: 20_261_206, numRuns: 5_000 },
      );
    });
  }

  it('on the bundled GP and UCS snapshots', () => {
    for (const [file, delimiter] of [['celestrak_gp_active_2026-07-10.csv.gz', ','], ['ucs_satellite_database_2023-05-01.tsv.gz', '\t']] as const) {
      const text = readSnapshot(file);
      expect(readDelimitedRecords(text, file, delimiter)).toEqual(referenceDelimitedRecords(text, file, delimiter));
    }
  });
});

describe('readDelimitedTable agrees with the table reading as first written', () => {
  const TABLE_PIECES = [...PIECES, '1', 'A', 'B', '  '];
  for (const delimiter of [',', '\t']) {
    it(`on generated text after a header (delimiter ${JSON.stringify(delimiter)})`, () => {
      const header = fc.constantFrom(`A${delimiter}B\n`, `A${delimiter}B${delimiter}C\r\n`, `B\n`, '', `\n \n"A"${delimiter}B\n`);
      fc.assert(
        fc.property(header, fc.array(fc.constantFrom(...TABLE_PIECES), { maxLength: 60 }), (head, parts) => {
          const text = head + parts.join('');
          const table = (read: typeof readDelimitedTable) => outcome(() => {
            const t = read(text, 'g.csv', delimiter, ['A']);
            return { header: t.header, columns: [...t.columnIndex], rows: t.rows, rejected: t.rejected };
          });
          expect(table(readDelimitedTable)).toEqual(table(referenceDelimitedTable));
        }),
        { seed: 20_261_207, numRuns: 5_000 },
      );
    });
  }

  it('on the bundled GP and UCS snapshots', () => {
    for (const [file, delimiter, column] of [['celestrak_gp_active_2026-07-10.csv.gz', ',', 'EPOCH'], ['ucs_satellite_database_2023-05-01.tsv.gz', '\t', 'Purpose']] as const) {
      const text = readSnapshot(file);
      expect(readDelimitedTable(text, file, delimiter, [column])).toEqual(referenceDelimitedTable(text, file, delimiter, [column]));
    }
  });
});
