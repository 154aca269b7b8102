/**
 * Bulk loading with COPY: rows are written in PostgreSQL's binary COPY format (copy-binary.ts) when
 * every column's type has a binary encoder here, else in the text format, and sent on the connection
 * of the caller's transaction. The SQL is an ordinary `copy <table> (<columns>) from stdin` query;
 * its data travels beside it (registered here for that one compiled query), and both of our dialects
 * send it: PostgreSQL through pg-copy-streams (postgres-dialect.ts), PGlite as the '/dev/blob' of the
 * same statement (pglite-dialect.ts).
 */
import { sql, type CompiledQuery, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { BINARY_COPY_TYPES, binaryCopy, fieldText } from './copy-binary.js';

/** One COPY's data: chunks of text-format lines (each ending in a newline), or the binary format's bytes. */
export type CopyData = readonly string[] | readonly Uint8Array[];

const COPY_DATA = new WeakMap<CompiledQuery, CopyData>();

/** The data to send with a query built by copyRows; undefined for every other query. */
export function copyDataOf(query: CompiledQuery): CopyData | undefined {
  return COPY_DATA.get(query);
}

/** A value as a field of COPY's text format: \N for null, backslash escapes for the rest. */
function copyField(value: unknown): string {
  return value === null || value === undefined ? '\\N' : escapeText(fieldText(value));
}

/** Backslash, tab, line feed and carriage return are the characters COPY's text format reserves. */
function escapeText(text: string): string {
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c || c === 0x09 || c === 0x0a || c === 0x0d) { plain = false; break; }
  }
  if (plain) return text;
  let out = '';
  for (const ch of text) {
    out += ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch;
  }
  return out;
}

const LINES_PER_CHUNK = 2_000;

/** Rows as COPY text lines, in chunks. `values(row)` gives the row's fields in column order. */
function copyText<R>(rows: readonly R[], values: (row: R, index: number) => readonly unknown[]): CopyData {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += LINES_PER_CHUNK) {
    let chunk = '';
    const end = Math.min(rows.length, i + LINES_PER_CHUNK);
    for (let k = i; k < end; k++) {
      const fields = values(rows[k]!, k);
      let line = copyField(fields[0]);
      for (let f = 1; f < fields.length; f++) line += `\t${copyField(fields[f])}`;
      chunk += `${line}\n`;
    }
    chunks.push(chunk);
  }
  return chunks;
}

/** The types (pg_type.typname) of a table's columns, read from the catalog in the caller's transaction. */
async function columnTypes(trx: Transaction<Database>, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    select a.attname as name, t.typname as type from pg_attribute a join pg_type t on t.oid = a.atttypid
    where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(trx);
  return new Map(rows.map((r) => [r.name, r.type]));
}

/**
 * Copies the rows into the table on the transaction's connection; returns how many were copied.
 * `values(row)` gives the row's fields in column order (null or undefined: SQL null).
 */
export async function copyRows<R>(
  trx: Transaction<Database>, table: string, columns: readonly string[], rows: readonly R[],
  values: (row: R, index: number) => readonly unknown[],
): Promise<number> {
  const types = await columnTypes(trx, table);
  const typed = columns.map((name) => ({ name, type: types.get(name) ?? '' }));
  const binary = typed.every((c) => BINARY_COPY_TYPES.has(c.type));
  const data: CopyData = binary ? [binaryCopy(typed, rows, values)] : copyText(rows, values);
  const options = binary ? sql` with (format binary)` : sql``;
  const query = sql`copy ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) from stdin${options}`.compile(trx);
  COPY_DATA.set(query, data);
  const result = await trx.executeQuery(query);
  return Number(result.numAffectedRows ?? 0n);
}
