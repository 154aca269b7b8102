/**
 * How a parser rejects one row: field builders throw RowRejection naming the field and the reason;
 * `collectRow` turns it into a RowError for the row's line and keeps parsing the rest of the file.
 * Shared by every parser under src/ingest (GP, SATCAT, GCAT, UCS).
 */
import type { RowError, RowKey } from '../feed-errors.js';
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
