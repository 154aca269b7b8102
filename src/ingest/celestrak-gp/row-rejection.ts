/**
 * How a parser rejects one row: field builders throw RowRejection naming the field and the reason;
 * `collectRow` turns it into a RowError for the row's line and keeps parsing the rest of the file.
 * Shared by every parser under src/ingest (GP, SATCAT, GCAT, UCS).
 */
import type { RowError } from '../feed-errors.js';

export class RowRejection extends Error {
  constructor(
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${field ?? '(row)'}: ${reason}`);
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
