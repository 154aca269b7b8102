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
 * the input (a file cut inside a quoted field). A field is quoted when it starts with `"`; after its
 * closing quote, the rest of the field up to the delimiter is taken as written. Fields are sliced
 * out of the text, not built a character at a time (this runs once per cell of every feed file).
 */
export function readDelimitedRecords(text: string, file: string, delimiter: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  eachDelimitedRecord(text, file, delimiter, (record) => records.push(record));
  return records;
}

/** readDelimitedRecords, handing each record to `visit` as soon as it is read. */
export function eachDelimitedRecord(text: string, file: string, delimiter: string, visit: (record: DelimitedRecord) => void): void {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const n = text.length;
  const delim = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let nextDelim = -1;
  let nextLF = -1;
  let i = 0;
  while (i < n) {
    let field = '';
    let k = i;
    if (text.charCodeAt(i) === QUOTE) {
      const openedOn = line;
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new FeedFormatError(file, openedOn, null, 'truncated file: quoted field opened here is never closed');
        line += countLineFeeds(text, from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        field += text.slice(from, q);
        k = q + 1;
        break;
      }
    }
    // The field runs to the next delimiter or line feed (less a CR before it); both positions are
    // kept while they lie ahead, so each search covers new text only.
    const rest = k;
    if (nextDelim < k) nextDelim = delim < 0 ? n : indexOrEnd(text, delimiter, k);
    if (nextLF < k) nextLF = indexOrEnd(text, '\n', k);
    k = Math.min(nextDelim, nextLF);
    if (k === nextLF && k < n && k > rest && text.charCodeAt(k - 1) === CR) k -= 1;
    if (k > rest) field += text.slice(rest, k);
    if (k >= n) {
      // A final record without a trailing line break.
      if (field.length > 0 || fields.length > 0) {
        fields.push(field);
        visit({ line: recordLine, fields });
      }
      return;
    }
    fields.push(field);
    const c = text.charCodeAt(k);
    if (c === delim) {
      i = k + 1;
      if (i === n) {
        fields.push('');
        visit({ line: recordLine, fields });
      }
      continue;
    }
    visit({ line: recordLine, fields });
    fields = [];
    line += 1;
    recordLine = line;
    i = k + (c === CR ? 2 : 1);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
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
 * header's column index) as it is read, in file order, so a parser can build its row while the record is fresh. When the file is
 * refused (FeedFormatError), the visits made so far are to be discarded.
 */
export function visitDelimitedTable(
  text: string,
  file: string,
  delimiter: string,
  requiredColumns: readonly string[],
  visit: (record: DelimitedRecord, columnIndex: ReadonlyMap<string, number>) => void,
): Omit<DelimitedTable, 'rows'> {
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  let header: string[] | null = null;
  const columnIndex = new Map<string, number>();
  // A header problem is thrown once the whole text is read, so that a file cut inside a quoted field
  // is reported as truncated first, as when the records were all read before the header was checked.
  let headerProblem: FeedFormatError | null = null;
  let previous: DelimitedRecord | null = null;
  const rejected: RowError[] = [];
  const settle = (rec: DelimitedRecord, isLast: boolean, width: number): void => {
    if (rec.fields.length === width) {
      visit(rec, columnIndex);
      return;
    }
    if (isLast && rec.fields.length < width) {
      throw new FeedFormatError(file, rec.line, null, `truncated file: last row has ${rec.fields.length} fields, header has ${width}`);
    }
    rejected.push({ file, line: rec.line, field: null, reason: `row has ${rec.fields.length} fields, header has ${width}` });
  };
  eachDelimitedRecord(text, file, delimiter, (rec) => {
    if (headerProblem || !rec.fields.some((f) => f.trim().length > 0)) return;
    if (!header) {
      header = rec.fields.map((h) => h.trim());
      header.forEach((name, idx) => {
        if (name.length > 0 && !columnIndex.has(name)) columnIndex.set(name, idx);
      });
      const missing = requiredColumns.find((col) => !columnIndex.has(col));
      if (missing !== undefined) {
        headerProblem = new FeedFormatError(file, rec.line, missing, `required column "${missing}" is missing from the header`);
      }
      return;
    }
    if (previous) settle(previous, false, header.length);
    previous = rec;
  });
  if (headerProblem) throw headerProblem;
  if (!header) throw new FeedFormatError(file, null, null, 'empty input');
  const width = (header as string[]).length;
  if (previous) settle(previous, true, width);
  return { header, columnIndex, rejected };
}
