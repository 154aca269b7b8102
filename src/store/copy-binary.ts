/**
 * PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary
 * Format"): a fixed signature, then per row a field count and each field as a length and its bytes in
 * the column type's binary form. Sent instead of the text format, it spares the server from parsing
 * every number from text, the larger part of a bulk load's time on PGlite (bench/ingest.ts).
 * Only the types below are encoded; copy-rows.ts falls back to the text format for any other.
 */

/** Column types (pg_type.typname) this encoder writes. */
export const BINARY_COPY_TYPES = new Set(['text', 'varchar', 'bpchar', 'int2', 'int4', 'int8', 'float4', 'float8', 'bool', 'jsonb', 'json']);

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
const SHORT_TEXT = 64;
const NO_PREFIX: readonly number[] = [];
const FIXED_SIZE = { int2: 2, int4: 4, int8: 8, float4: 4, float8: 8, bool: 1 } as const;
const INT_RANGE: Record<string, [number, number]> = { int2: [-32_768, 32_767], int4: [-2_147_483_648, 2_147_483_647] };

/** A value that does not fit its column: which column, which row, why. */
export class CopyValueError extends Error {}

class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  length = 0;
  private readonly encoder = new TextEncoder();

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  int16(v: number): void { this.reserve(2); this.view.setInt16(this.length, v); this.length += 2; }
  int32(v: number): void { this.reserve(4); this.view.setInt32(this.length, v); this.length += 4; }
  raw(values: readonly number[]): void { this.reserve(values.length); this.bytes.set(values, this.length); this.length += values.length; }

  /** A fixed-size field: its length, then the value in network byte order. */
  fixed(type: 'int2' | 'int4' | 'int8' | 'float4' | 'float8' | 'bool', value: number | bigint): void {
    const size = FIXED_SIZE[type];
    this.reserve(4 + size);
    const at = this.length + 4;
    this.view.setInt32(this.length, size);
    if (type === 'float8') this.view.setFloat64(at, value as number);
    else if (type === 'int4') this.view.setInt32(at, value as number);
    else if (type === 'int8') this.view.setBigInt64(at, value as bigint);
    else if (type === 'int2') this.view.setInt16(at, value as number);
    else if (type === 'float4') this.view.setFloat32(at, value as number);
    else this.view.setUint8(at, value as number);
    this.length = at + size;
  }

  /** A UTF-8 field, with `prefix` bytes (jsonb's version) before the text. */
  text(value: string, prefix: readonly number[] = NO_PREFIX): void {
    this.reserve(4 + prefix.length + value.length * 3);
    const start = this.length + 4;
    for (let p = 0; p < prefix.length; p++) this.bytes[start + p] = prefix[p]!;
    const body = start + prefix.length;
    // Short ASCII text is copied a code unit at a time (cheaper than a call into the encoder).
    let written = 0;
    if (value.length <= SHORT_TEXT) {
      const bytes = this.bytes;
      for (; written < value.length; written++) {
        const c = value.charCodeAt(written);
        if (c >= 0x80) break;
        bytes[body + written] = c;
      }
    }
    if (written < value.length) written = this.encoder.encodeInto(value, this.bytes.subarray(body)).written;
    this.view.setInt32(this.length, prefix.length + written);
    this.length = body + written;
  }

  done(): Uint8Array { return this.bytes.slice(0, this.length); }
}

/** A non-null value as text: what both COPY formats write for it (the text format then escapes it, copy-rows.ts). */
export function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return JSON.stringify(value);
}

function where(row: number, column: string): string {
  return `row ${row + 1}, column ${column}`;
}

function writeValue(out: ByteWriter, type: string, value: unknown, column: string, row: number): void {
  switch (type) {
    case 'int2': case 'int4': {
      const [lo, hi] = INT_RANGE[type]!;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) throw new CopyValueError(`${where(row, column)}: ${String(value)} is not an ${type}`);
      out.fixed(type, value);
      return;
    }
    case 'int8': {
      const big = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : null;
      if (big === null) throw new CopyValueError(`${where(row, column)}: ${String(value)} is not an int8`);
      out.fixed('int8', big);
      return;
    }
    case 'float4': case 'float8':
      if (typeof value !== 'number') throw new CopyValueError(`${where(row, column)}: ${String(value)} is not a number`);
      out.fixed(type, value);
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw new CopyValueError(`${where(row, column)}: ${String(value)} is not a boolean`);
      out.fixed('bool', value ? 1 : 0);
      return;
    case 'text': case 'varchar': case 'bpchar':
      out.text(fieldText(value));
      return;
    case 'jsonb':
      out.text(typeof value === 'string' ? value : JSON.stringify(value), [1]);
      return;
    case 'json':
      out.text(typeof value === 'string' ? value : JSON.stringify(value));
      return;
    default:
      throw new Error(`no binary COPY encoder for column type ${type} (copy-rows.ts sends such a table in the text format)`);
  }
}

/**
 * Rows in the binary COPY format, for columns of the given types (in column order). `values(row)`
 * gives the row's fields in that order; null or undefined is SQL null. A value that does not fit its
 * column throws a CopyValueError naming the column and row.
 */
export function binaryCopy<R>(
  columns: readonly { name: string; type: string }[], rows: readonly R[], values: (row: R, index: number) => readonly unknown[],
): Uint8Array {
  const out = new ByteWriter();
  out.raw(SIGNATURE);
  out.int32(0);
  out.int32(0);
  for (let k = 0; k < rows.length; k++) {
    const fields = values(rows[k]!, k);
    out.int16(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const value = fields[c];
      if (value === null || value === undefined) { out.int32(-1); continue; }
      const column = columns[c]!;
      writeValue(out, column.type, value, column.name, k);
    }
  }
  out.int16(-1);
  return out.done();
}
