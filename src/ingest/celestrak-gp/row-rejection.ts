/**
 * How a parser rejects one row: field builders throw RowRejection naming the field and the reason;
 * `collectRow` turns it into a RowError for the row's line and keeps parsing the rest of the file;
 * `rejectRepeatedKeys` rejects a row that repeats an earlier row's key.
 * Shared by every parser under src/ingest (GP, SATCAT, GCAT, UCS).
 */
import type { ParseResult, RowError, RowKey } from '../feed-errors.js';
import { printable } from '../../model/text-safety.js';

export class RowRejection extends Error {
  /** The reason as recorded: cut to a few hundred characters, control characters escaped (text-safety.ts). */
  readonly reason: string;
  constructor(
    readonly field: string | null,
    reason: string,
  ) {
    super(`${field ?? '(row)'}: ${printable(reason)}`);
    this.reason = printable(reason);
    this.name = 'RowRejection';
  }
}

/** Reads a row's key columns (by the parser's rules for them), and collects the accepted rows' keys. */
export interface KeyReader {
  read: () => RowKey;
  accepted: RowKey[];
}

/**
 * Build one row; on RowRejection record a RowError instead, with the row's key when `key` can read it
 * (see RowError.key). Other errors propagate.
 */
export function collectRow<T>(
  file: string,
  line: number,
  build: () => T,
  rows: T[],
  rejected: RowError[],
  lines?: number[],
  key?: KeyReader,
): void {
  try {
    const row = build();
    const rowKey = key?.read();
    rows.push(row);
    lines?.push(line);
    if (key && rowKey) key.accepted.push(rowKey);
  } catch (err) {
    if (err instanceof RowRejection) {
      const rowKey = key && readRejectedKey(key.read);
      rejected.push({ file, line, field: err.field, reason: err.reason, ...(rowKey ? { key: rowKey } : {}) });
      return;
    }
    throw err;
  }
}

/** The key of a rejected row, or null when one of its columns is itself rejected. */
function readRejectedKey(readKey: () => RowKey): RowKey | null {
  try {
    return readKey();
  } catch (err) {
    if (err instanceof RowRejection) return null;
    throw err;
  }
}

/** What identifies a parsed row: a later row with the same key describes the same thing again. */
export interface RepeatKey {
  key: string;
  /** The field named on the repeated row's rejection (null: the row as a whole). */
  field: string | null;
  /** Why the rows conflict when their values differ, e.g. "same NORAD_CAT_ID and EPOCH, different elements". */
  conflict: string;
}

/**
 * Rejects each accepted row whose key repeats an earlier accepted row's, at its own line, naming the
 * earlier one: "identical to line N" when both hold the same values, else "duplicate of line N: <conflict>".
 * The first row stays; `total` is unchanged (the repeated rows move from accepted to rejected).
 */
export function rejectRepeatedKeys<P extends ParseResult<unknown>>(
  parsed: P, file: string, keyOf: (row: P['rows'][number]) => RepeatKey, bucketOf?: (row: P['rows'][number]) => number,
): P {
  const lines = parsed.lines;
  if (!lines || lines.length !== parsed.rows.length) throw new Error(`${file}: the parser did not record the line of each accepted row`);
  // With `bucketOf` (a number that rows with equal keys share, e.g. the NORAD number of "NORAD@EPOCH"), a row alone in its
  // bucket repeats nothing, and its key is never built: a file whose buckets are all distinct is returned at once.
  const shared = bucketOf && sharedBuckets(parsed.rows, bucketOf);
  if (shared?.size === 0) return parsed;
  const firstByKey = new Map<string, number>();
  const rows: P['rows'][number][] = [];
  const kept: number[] = [];
  const keptKeys: RowKey[] = [];
  const repeated: RowError[] = [];
  const keep = (row: P['rows'][number], i: number) => {
    rows.push(row);
    kept.push(lines[i]!);
    const rowKey = parsed.keys?.[i];
    if (rowKey) keptKeys.push(rowKey);
  };
  parsed.rows.forEach((row, i) => {
    if (shared && !shared.has(bucketOf!(row))) return keep(row, i);
    const { key, field, conflict } = keyOf(row);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, i);
      return keep(row, i);
    }
    // The repeat names the stored row the first one writes: it keeps nothing, and withholds no removal.
    repeated.push({ file, line: lines[i]!, field, reason: repeatReason(parsed.rows[first], row, lines[first]!, conflict), repeats: lines[first]! });
  });
  if (repeated.length === 0) return parsed;
  const rejected = [...parsed.rejected, ...repeated].sort((a, b) => a.line - b.line);
  return { ...parsed, rows, rejected, lines: kept, ...(parsed.keys ? { keys: keptKeys } : {}) };
}

/** The buckets that more than one row falls in. */
function sharedBuckets<R>(rows: readonly R[], bucketOf: (row: R) => number): Set<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const row of rows) {
    const b = bucketOf(row);
    if (seen.has(b)) shared.add(b);
    else seen.add(b);
  }
  return shared;
}

function repeatReason(first: unknown, row: unknown, firstLine: number, conflict: string): string {
  return JSON.stringify(first) === JSON.stringify(row) ? `identical to line ${firstLine}` : `duplicate of line ${firstLine}: ${conflict}`;
}
