/**
 * Delimited text (CelesTrak GP/SATCAT CSV, the UCS tab-separated file) as records of strings and as a
 * table with a header, read by the RFC 4180 reader in delimited-spans.ts. Used by the GP, SATCAT and
 * UCS parsers.
 */
import { FeedFormatError, type RowError } from '../feed-errors.js';
import { DelimitedSpans, eachDelimitedSpans } from './delimited-spans.js';

export interface DelimitedRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/**
 * Split text into records. Throws FeedFormatError when a quoted field is still open at the end of
 * the input (a file cut inside a quoted field). See delimited-spans.ts for the reading rules.
 */
export function readDelimitedRecords(text: string, file: string, delimiter: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  eachDelimitedSpans(text, file, delimiter, (record) => records.push({ line: record.line, fields: record.cells() }));
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
  const rows: DelimitedRecord[] = [];
  const table = visitDelimitedTable(text, file, delimiter, requiredColumns, (record) => rows.push(record));
  return { ...table, rows };
}

/**
 * readDelimitedTable, handing each data record with the header's number of fields to `visit` (with the
 * header's column index) as it is read, in file order, so a parser can build its row while the record
 * is fresh. When the file is refused (FeedFormatError), the visits made so far are to be discarded.
 */
export function visitDelimitedTable(
  text: string,
  file: string,
  delimiter: string,
  requiredColumns: readonly string[],
  visit: (record: DelimitedRecord, columnIndex: ReadonlyMap<string, number>) => void,
): Omit<DelimitedTable, 'rows'> {
  return visitDelimitedSpans(text, file, delimiter, requiredColumns, (record, columnIndex) =>
    visit({ line: record.line, fields: record.cells() }, columnIndex));
}

/**
 * visitDelimitedTable with each data record as positions in the text (delimited-spans.ts): the object
 * visited is reused for the next record.
 */
export function visitDelimitedSpans(
  text: string,
  file: string,
  delimiter: string,
  requiredColumns: readonly string[],
  visit: (record: DelimitedSpans, columnIndex: ReadonlyMap<string, number>) => void,
): Omit<DelimitedTable, 'rows'> {
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  let header: string[] | null = null;
  const columnIndex = new Map<string, number>();
  // A header problem is thrown once the whole text is read, so that a file cut inside a quoted field
  // is reported as truncated first, as when the records were all read before the header was checked.
  let headerProblem: FeedFormatError | null = null;
  // A record is settled once the next non-blank one is read: only the last may be a truncation.
  let previous: DelimitedSpans | null = null;
  let hasPrevious = false;
  const rejected: RowError[] = [];
  const settle = (rec: DelimitedSpans, isLast: boolean, width: number): void => {
    if (rec.count === width) {
      visit(rec, columnIndex);
      return;
    }
    if (isLast && rec.count < width) {
      throw new FeedFormatError(file, rec.line, null, `truncated file: last row has ${rec.count} fields, header has ${width}`);
    }
    rejected.push({ file, line: rec.line, field: null, reason: `row has ${rec.count} fields, header has ${width}` });
  };
  eachDelimitedSpans(text, file, delimiter, (rec) => {
    if (headerProblem || rec.blank()) return;
    if (!header) {
      header = rec.cells().map((h) => h.trim());
      header.forEach((name, idx) => {
        if (name.length > 0 && !columnIndex.has(name)) columnIndex.set(name, idx);
      });
      const missing = requiredColumns.find((col) => !columnIndex.has(col));
      if (missing !== undefined) {
        headerProblem = new FeedFormatError(file, rec.line, missing, `required column "${missing}" is missing from the header`);
      }
      return;
    }
    if (hasPrevious) settle(previous!, false, header.length);
    previous ??= new DelimitedSpans(rec.text);
    previous.copyFrom(rec);
    hasPrevious = true;
  });
  if (headerProblem) throw headerProblem;
  if (!header) throw new FeedFormatError(file, null, null, 'empty input');
  const width = (header as string[]).length;
  if (hasPrevious) settle(previous!, true, width);
  return { header, columnIndex, rejected };
}
