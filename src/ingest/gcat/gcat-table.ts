/**
 * Shared reader for GCAT TSV tables (launchlog, orgs, sites, lp, platforms, ftocat).
 * - The header is the first line starting with `#` that contains a tab (`#Launch_Tag\tLaunch_Date…`).
 *   A file whose first line does not start with `#` has that line as its header (hand-made extracts).
 * - Other `#` lines are comments; `# Updated 2024 Nov 27 05:01:59` is kept as the table's update date.
 * - Cells are tab-separated and space-padded: they are trimmed; `-` is GCAT's empty marker → null.
 *   An empty cell is not GCAT's marker and is rejected when read (see `cell`).
 * - Required columns are checked by name; a missing one throws FeedFormatError naming it.
 * - A last line with fewer cells than the header is a truncated file (FeedFormatError); other rows
 *   with the wrong cell count are rejected.
 */
import { FeedFormatError, type ParseResult, type RowError, type RowKey } from '../feed-errors.js';
import { collectRow, RowRejection } from '../celestrak-gp/row-rejection.js';
import { parseDecimal, safeText, type NumberBounds } from '../celestrak-gp/field-values.js';
import { parseGcatBound, parseGcatDate, type GcatBound, type GcatDate } from './gcat-date.js';

export interface GcatRecord {
  /** 1-based line number. */
  line: number;
  /** Column name → trimmed cell, or null for `-`. */
  cells: ReadonlyMap<string, string | null>;
}

export interface GcatTable {
  columns: string[];
  /** Parsed `# Updated …` date, when the line is present. */
  updated: GcatDate | null;
  /** The `# Updated …` text after "Updated", when present. */
  updatedRaw: string | null;
  records: GcatRecord[];
  rejected: RowError[];
}

/** A GCAT parse result: rows plus the table's update stamp. */
export interface GcatParseResult<T> extends ParseResult<T> {
  updated: GcatDate | null;
}

/** The start of the `# Updated …` line; the date is the rest of the line, trimmed (no backtracking). */
const UPDATED = /^#\s*Updated\s/;

export function readGcatTable(text: string, file: string, requiredColumns: readonly string[]): GcatTable {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  const lines = text.split(/\r?\n/);
  let columns: string[] | null = null;
  let headerLine = 0;
  let updatedRaw: string | null = null;
  const dataLines: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim().length === 0) continue;
    if (raw.startsWith('#')) {
      const upd = UPDATED.exec(raw);
      const stamp = upd ? raw.slice(upd[0].length).trim() : '';
      if (stamp !== '') updatedRaw = stamp;
      else if (columns === null && raw.includes('\t')) {
        columns = raw.slice(1).split('\t').map((c) => c.trim());
        headerLine = line;
      }
      continue;
    }
    if (columns === null && dataLines.length === 0 && line === 1) {
      columns = raw.split('\t').map((c) => c.trim());
      headerLine = line;
      continue;
    }
    dataLines.push({ line, text: raw });
  }
  if (columns === null) throw new FeedFormatError(file, null, null, 'no header line (#Col1<TAB>Col2…) found');
  const cols: string[] = columns;
  for (const req of requiredColumns) {
    if (!cols.includes(req)) {
      throw new FeedFormatError(file, headerLine, req, `required column "${req}" is missing from the header`);
    }
  }
  const records: GcatRecord[] = [];
  const rejected: RowError[] = [];
  dataLines.forEach((dl, k) => {
    const parts = dl.text.split('\t');
    if (parts.length !== cols.length) {
      if (k === dataLines.length - 1 && parts.length < cols.length) {
        throw new FeedFormatError(
          file,
          dl.line,
          null,
          `truncated file: last row has ${parts.length} fields, header has ${cols.length}`,
        );
      }
      rejected.push({ file, line: dl.line, field: null, reason: `row has ${parts.length} fields, header has ${cols.length}` });
      return;
    }
    const cells = new Map<string, string | null>();
    cols.forEach((c, idx) => {
      if (cells.has(c)) return;
      const v = parts[idx]!.trim();
      cells.set(c, v === '-' ? null : v);
    });
    records.push({ line: dl.line, cells });
  });
  const updated = updatedRaw === null ? null : parseGcatDate(updatedRaw);
  return { columns: cols, updated, updatedRaw, records, rejected };
}

/**
 * Optional cell: trimmed text or null for `-`. An empty cell (not GCAT's marker) rejects the row, and
 * so does text that cannot be stored (control characters, U+FFFD, over MAX_FEED_TEXT characters).
 */
export function cell(rec: GcatRecord, column: string): string | null {
  const v = rec.cells.get(column);
  if (v === undefined) return null; // optional column absent from this table's header
  if (v === '') throw new RowRejection(column, 'empty cell (GCAT marks empty values with "-")');
  if (v === null) return null;
  return safeText(v, column);
}

/** Required cell: rejects the row when `-`. */
export function requiredCell(rec: GcatRecord, column: string): string {
  const v = cell(rec, column);
  if (v === null) throw new RowRejection(column, 'required value is "-" (empty)');
  return v;
}

/** Optional number cell (`-` → null): the strict decimal grammar of field-values.ts, within `bounds`. */
export function numberCell(rec: GcatRecord, column: string, bounds: NumberBounds = {}): number | null {
  const v = cell(rec, column);
  if (v === null) return null;
  const n = parseDecimal(v);
  if (n === null) throw new RowRejection(column, `"${v}" is not a number`);
  if ((bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max)) {
    throw new RowRejection(column, `${v} is outside ${bounds.min ?? '-∞'} to ${bounds.max ?? '∞'}`);
  }
  return n;
}

/** Required GCAT date cell. */
export function dateCell(rec: GcatRecord, column: string): GcatDate {
  const v = requiredCell(rec, column);
  const d = parseGcatDate(v);
  if (d === null) throw new RowRejection(column, `"${v}" is not a GCAT date`);
  return d;
}

/**
 * Map every record through `build`, collecting RowRejections, for a GCAT table. Each row's key is its
 * `keyColumns` cells (read by `cell`), kept for accepted rows and for rejected rows where readable.
 */
export function buildGcatRows<T>(table: GcatTable, file: string, keyColumns: readonly string[], build: (rec: GcatRecord) => T): GcatParseResult<T> {
  const rows: T[] = [];
  const lines: number[] = [];
  const keys: RowKey[] = [];
  const rejected: RowError[] = [...table.rejected];
  for (const rec of table.records) {
    collectRow(file, rec.line, () => build(rec), rows, rejected, lines, { read: () => keyCells(rec, keyColumns), accepted: keys });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, total: rows.length + rejected.length, updated: table.updated, lines, keys };
}

function keyCells(rec: GcatRecord, columns: readonly string[]): RowKey {
  return Object.fromEntries(columns.map((c) => [c, cell(rec, c)]));
}

/** Optional TStart/TStop cell: `-` → null, else a GcatBound (`*`, `?`, or a date). */
export function boundCell(rec: GcatRecord, column: string): GcatBound | null {
  const v = cell(rec, column);
  if (v === null) return null;
  const b = parseGcatBound(v);
  if (b === null) throw new RowRejection(column, `"${v}" is not a GCAT date, "*" or "?"`);
  return b;
}
