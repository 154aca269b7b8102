/**
 * How a parser rejects one row: field builders throw RowRejection naming the field and the reason;
 * `collectRow` turns it into a RowError for the row's line and keeps parsing the rest of the file.
 * Shared by every parser under src/ingest (GP, SATCAT, GCAT, UCS).
 */
import type { RowError } from '../feed-errors.js';
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

/** Build one row; on RowRejection record a RowError instead. Other errors propagate. */
export function collectRow<T>(
  file: string,
  line: number,
  build: () => T,
  rows: T[],
  rejected: RowError[],
  lines?: number[],
): void {
  try {
    rows.push(build());
    lines?.push(line);
  } catch (err) {
    if (err instanceof RowRejection) {
      rejected.push({ file, line, field: err.field, reason: err.reason });
      return;
    }
    throw err;
  }
}
