/**
 * How ingest parsers report bad input. A bad row is rejected with its file, line,
 * field and reason, counted and reported, never dropped silently; a bad file (empty,
 * truncated, renamed columns) fails as a whole with a FeedFormatError and nothing is stored.
 */
import { printable } from '../model/text-safety.js';

export interface RowError {
  file: string;
  /** 1-based line number in the input. */
  line: number;
  field: string | null;
  reason: string;
  /**
   * The rejected row's key columns (column → value, null for an empty marker), read by the parser's own
   * rules for those columns; absent when one of them cannot be read. The ingest keeps the stored row of
   * that key (src/ingest/kept-rows.ts).
   */
  key?: RowKey;
  /** The line of the accepted row this one repeats (same key): the stored row is written from that one, so nothing is kept for it. */
  repeats?: number;
}

/** Key columns of one row, by the file's column names. */
export type RowKey = Readonly<Record<string, string | null>>;

export interface ParseResult<T> {
  rows: T[];
  rejected: RowError[];
  /** Data rows seen (accepted + rejected). */
  total: number;
  /** The 1-based input line of each accepted row (same order as rows), where the parser records it. */
  lines?: number[];
  /** The key of each accepted row (same order as rows), where the parser reads keys (see RowError.key). */
  keys?: RowKey[];
}

export class FeedFormatError extends Error {
  /** The reason as recorded: cut to a few hundred characters, control characters escaped (text-safety.ts). */
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    reason: string,
  ) {
    super(`${file}${line !== null ? `:${line}` : ''}${field ? ` ${field}` : ''}: ${printable(reason)}`);
    this.reason = printable(reason);
    this.name = 'FeedFormatError';
  }
}

export function formatRowError(e: RowError): string {
  return `${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.reason}`;
}

/** "Code=ZZWYZ": how a rejected row's key reads in a report. */
export function formatRowKey(key: RowKey): string {
  return Object.entries(key).map(([c, v]) => `${c}=${v ?? '-'}`).join(' ');
}
