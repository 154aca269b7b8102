/**
 * The first, character-at-a-time version of readDelimitedRecords (src/ingest/celestrak-gp/csv-reader.ts),
 * kept as the reference the faster reader is compared with (csv-reader.property.test.ts).
 */
import { FeedFormatError } from '../../../src/ingest/feed-errors.js';
import type { DelimitedRecord } from '../../../src/ingest/celestrak-gp/csv-reader.js';

/**
 * Split text into records. Throws FeedFormatError when a quoted field is still open at the end of
 * the input (a file cut inside a quoted field).
 */
export function referenceDelimitedRecords(text: string, file: string, delimiter: string): DelimitedRecord[] {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const records: DelimitedRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedOn = 0;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field.length === 0) {
      inQuotes = true;
      quoteOpenedOn = line;
      i += 1;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i += 1; // the LF ends the record
    } else if (c === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (inQuotes) {
    throw new FeedFormatError(file, quoteOpenedOn, null, 'truncated file: quoted field opened here is never closed');
  }
  // A final record without a trailing line break.
  if (field.length > 0 || fields.length > 0) endRecord();
  return records;
}


/**
 * The table reading (header, blank records skipped, width check, a short last record a truncation) as
 * first written, over referenceDelimitedRecords: the reference for readDelimitedTable, whose records
 * are now read as positions and settled one record late.
 */
export function referenceDelimitedTable(text: string, file: string, delimiter: string, requiredColumns: readonly string[]) {
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  const records = referenceDelimitedRecords(text, file, delimiter).filter((r) => r.fields.some((f) => f.trim().length > 0));
  const [first, ...data] = records;
  if (!first) throw new FeedFormatError(file, null, null, 'empty input');
  const header = first.fields.map((h) => h.trim());
  const columnIndex = new Map<string, number>();
  header.forEach((name, idx) => {
    if (name.length > 0 && !columnIndex.has(name)) columnIndex.set(name, idx);
  });
  const missing = requiredColumns.find((col) => !columnIndex.has(col));
  if (missing !== undefined) throw new FeedFormatError(file, first.line, missing, `required column "${missing}" is missing from the header`);
  const rows: DelimitedRecord[] = [];
  const rejected: { file: string; line: number; field: null; reason: string }[] = [];
  data.forEach((rec, i) => {
    if (rec.fields.length === header.length) rows.push(rec);
    else if (i === data.length - 1 && rec.fields.length < header.length) {
      throw new FeedFormatError(file, rec.line, null, `truncated file: last row has ${rec.fields.length} fields, header has ${header.length}`);
    } else rejected.push({ file, line: rec.line, field: null, reason: `row has ${rec.fields.length} fields, header has ${header.length}` });
  });
  return { header, columnIndex, rows, rejected };
}
