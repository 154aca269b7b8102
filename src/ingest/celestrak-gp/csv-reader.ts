/**
 * A small RFC 4180 reader for delimited text (CelesTrak GP/SATCAT CSV, the UCS tab-separated file).
 * Fields may be quoted with `"`; a quoted field may contain the delimiter, line breaks and doubled
 * quotes (`""` → `"`). Lines end in LF or CRLF. Written once here and reused by the SATCAT and UCS parsers.
 */
import { FeedFormatError, type RowError } from '../feed-errors.js';

export interface DelimitedRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/**
 * Split text into records. Throws FeedFormatError when a quoted field is still open at the end of
 * the input (a file cut inside a quoted field).
 */
export function readDelimitedRecords(text: string, file: string, delimiter: string): DelimitedRecord[] {
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

export interface DelimitedTable {
  /** Header names, trimmed of surrounding spaces. */
  header: string[];
  /** Column name → index of its first occurrence in the header. */
  columnIndex: ReadonlyMap<string, number>;
  /** Data records with exactly as many fields as the header. */
  rows: DelimitedRecord[];
  /** Data records with the wrong number of fields (not the last one: that one is a truncation). */
  rejected: RowError[];
}

/**
 * Read a delimited file whose first record is the header. Whole-file problems throw
 * FeedFormatError: empty input, a required column missing (named), the last record cut short.
 * Records whose fields are all empty (blank lines, rows of bare delimiters) are skipped.
 */
export function readDelimitedTable(
  text: string,
  file: string,
  delimiter: string,
  requiredColumns: readonly string[],
): DelimitedTable {
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  const records = readDelimitedRecords(text, file, delimiter).filter(
    (r) => r.fields.some((f) => f.trim().length > 0),
  );
  const headerRecord = records[0];
  if (!headerRecord) throw new FeedFormatError(file, null, null, 'empty input');
  const header = headerRecord.fields.map((h) => h.trim());
  const columnIndex = new Map<string, number>();
  header.forEach((name, idx) => {
    if (name.length > 0 && !columnIndex.has(name)) columnIndex.set(name, idx);
  });
  for (const col of requiredColumns) {
    if (!columnIndex.has(col)) {
      throw new FeedFormatError(file, headerRecord.line, col, `required column "${col}" is missing from the header`);
    }
  }
  const data = records.slice(1);
  const rows: DelimitedRecord[] = [];
  const rejected: RowError[] = [];
  data.forEach((rec, k) => {
    if (rec.fields.length === header.length) {
      rows.push(rec);
      return;
    }
    const isLast = k === data.length - 1;
    if (isLast && rec.fields.length < header.length) {
      throw new FeedFormatError(
        file,
        rec.line,
        null,
        `truncated file: last row has ${rec.fields.length} fields, header has ${header.length}`,
      );
    }
    rejected.push({
      file,
      line: rec.line,
      field: null,
      reason: `row has ${rec.fields.length} fields, header has ${header.length}`,
    });
  });
  return { header, columnIndex, rows, rejected };
}
