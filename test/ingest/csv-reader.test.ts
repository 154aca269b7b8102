import { describe, expect, it } from 'vitest';
import { readDelimitedRecords, readDelimitedTable } from '../../src/ingest/celestrak-gp/csv-reader.js';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';

describe('RFC 4180 reader', () => {
  it('handles quoted delimiters, doubled quotes, embedded line breaks and CRLF', () => {
    const text = 'A,B,C\r\n"x, y","say ""hi""","line 1\nline 2"\r\nplain,,end\r\n';
    const recs = readDelimitedRecords(text, 'q.csv', ',');
    expect(recs).toEqual([
      { line: 1, fields: ['A', 'B', 'C'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'line 1\nline 2'] },
      { line: 4, fields: ['plain', '', 'end'] },
    ]);
  });

  it('reads a final record without a trailing newline', () => {
    expect(readDelimitedRecords('a\tb\n1\t2', 't.tsv', '\t').at(-1)).toEqual({ line: 2, fields: ['1', '2'] });
  });

  it('throws on an unterminated quote (file cut inside a quoted field)', () => {
    expect(() => readDelimitedRecords('A,B\n1,"open', 'cut.csv', ',')).toThrow(FeedFormatError);
    expect(() => readDelimitedRecords('A,B\n1,"open', 'cut.csv', ',')).toThrow(/never closed/);
  });

  it('table: names a missing required column, rejects bad-width rows, throws on a short last row', () => {
    expect(() => readDelimitedTable('A,X\n1,2\n', 'h.csv', ',', ['A', 'B'])).toThrow(/"B"/);
    const t = readDelimitedTable('A,B\n1,2\n1,2,3\n4,5\n', 'w.csv', ',', ['A', 'B']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(t.rejected).toEqual([{ file: 'w.csv', line: 3, field: null, reason: 'row has 3 fields, header has 2' }]);
    expect(() => readDelimitedTable('A,B\n1,2\n3\n', 'short.csv', ',', ['A'])).toThrow(/truncated/);
    expect(() => readDelimitedTable('  \n', 'e.csv', ',', ['A'])).toThrow(/empty input/);
  });
});
