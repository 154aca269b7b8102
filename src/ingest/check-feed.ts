/**
 * Checks a feed's declared invariants (feed-invariants.ts). Pure: the text, the parsed rows and the
 * previous ingest's row count and keys come in, a Refusal (or the rows with bad ones moved to
 * `rejected`) goes out. The services layer reads the previous ingest from the store and writes nothing
 * when a check refuses the file.
 */
import type { ParseResult, RowError, RowKey } from './feed-errors.js';
import type { FeedInvariants, HeaderIdentity, Refusal } from './feed-invariants.js';

const TAIL = 256;

/** Strict UTF-8: a byte sequence that is not UTF-8 refuses the file, naming the line of the first bad byte. */
export function decodeFeedBytes(bytes: Uint8Array, file: string): { text: string } | Refusal {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { check: 'encoding', reason: `${file}: gzip-compressed (it starts with the gzip bytes 1f 8b), not text: decompress it first (gunzip)` };
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = at < 0 ? null : loose.slice(0, at).split('\n').length;
    return { check: 'encoding', reason: `${file}${line === null ? '' : `:${line}`}: not valid UTF-8` };
  }
}

/** Content-Length, when the server gave one for an unencoded body, must equal the bytes received. */
export function checkLength(received: number, contentLength: number | null, file: string): Refusal | null {
  if (contentLength === null || contentLength === received) return null;
  return { check: 'complete', reason: `${file}: truncated download: ${received} bytes received, Content-Length ${contentLength}` };
}

/**
 * A file or download over its feed's size limit (bytes counted after any Content-Encoding is undone).
 * read: the bytes read before it stopped; declared: what the server or file system said first, if it told.
 */
export function sizeRefusal(file: string, limit: number, read: number, declared: string | null = null): Refusal {
  const told = declared === null ? '' : `${declared}, `;
  const stopped = read === 0 ? 'not read' : `${read} bytes read, reading stopped`;
  return { check: 'size', reason: `${file}: larger than the feed's limit of ${limit} bytes (${told}${stopped}); nothing stored` };
}

/** The header line: the first line starting with `#` that holds the delimiter (GCAT), else the first non-comment line. */
export function headerColumns(text: string, delimiter: string): { line: number; columns: string[] } | null {
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  for (let line = 1; start < text.length && line <= 1000; line++) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    start = end < 0 ? text.length : end + 1;
    if (raw.trim() === '') continue;
    if (raw.startsWith('#') && !raw.includes(delimiter)) continue;
    const body = raw.startsWith('#') ? raw.slice(1) : raw;
    return { line, columns: body.split(delimiter).map((c) => c.trim()) };
  }
  return null;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '').replace(/\r$/, '');
}

function checkHeader(text: string, h: HeaderIdentity, file: string): Refusal | null {
  if (h.appliesTo && !h.appliesTo(firstLine(text))) return null;
  const header = headerColumns(text, h.delimiter);
  if (!header) return { check: 'identity', reason: `${file}: no header line` };
  const at = `${file}:${header.line}`;
  if (header.columns[0] !== h.first) {
    return { check: 'identity', reason: `${at}: header starts with "${header.columns[0]}", expected "${h.first}" (another table?)` };
  }
  const missing = h.required.filter((c) => !header.columns.includes(c));
  if (missing.length) return { check: 'identity', reason: `${at}: header lacks ${missing.map((c) => `"${c}"`).join(', ')}` };
  const foreign = (h.absent ?? []).filter((c) => header.columns.includes(c));
  if (foreign.length) return { check: 'identity', reason: `${at}: header has ${foreign.map((c) => `"${c}"`).join(', ')}, a column of another table` };
  return null;
}

/** Completeness and table identity of the file as text: checked before it is parsed. */
export function checkFileText(text: string, inv: FeedInvariants, file: string): Refusal | null {
  if (text.trim() === '') return { check: 'complete', reason: `${file}: empty input` };
  if (inv.ending.pattern && !inv.ending.pattern.test(text.slice(-TAIL))) {
    const lines = text.split('\n').length;
    return { check: 'complete', reason: `${file}:${lines}: truncated file: it does not end with ${inv.ending.description} (cut inside the last record?)` };
  }
  return inv.header ? checkHeader(text, inv.header, file) : null;
}

// NUL, the other C0 controls except tab, LF and CR, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function badValue(value: unknown, path: string): { field: string; reason: string } | null {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    return m ? { field: path, reason: `control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${m.index + 1}` } : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : { field: path, reason: `${value} is not a finite number` };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k in record) {
      if (!Object.hasOwn(record, k)) continue;
      const bad = badValue(record[k], path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
  }
  return null;
}

type RowCheck = (row: unknown) => { field: string; reason: string } | null;

/**
 * The check of inv.notAfterReceipt for a file received at `receivedAt` (null: none to make). A value in
 * the form the GP parser writes (YYYY-MM-DDTHH:MM:SS.ffffffZ) is compared as text with the limit in
 * that form, which orders them as times; any other is compared through Date.parse.
 */
function receiptCheck(inv: FeedInvariants, receivedAt: string | undefined): RowCheck | null {
  const rule = inv.notAfterReceipt;
  if (!rule || receivedAt === undefined) return null;
  const limit = Date.parse(receivedAt) + rule.marginHours * 3_600_000;
  const limitText = new Date(limit).toISOString().replace(/Z$/, '000Z');
  return (row) => {
    const value = rule.field.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), row);
    if (typeof value !== 'string') return null;
    const late = value.length === limitText.length && value.endsWith('Z') ? value > limitText : Date.parse(value) > limit;
    return late ? { field: rule.column, reason: `${value} is more than ${rule.marginHours} h after the file was received (${receivedAt}): ${rule.basis}` } : null;
  };
}

/**
 * Every parsed value well-formed and in range, and no date-time later than the file's receipt allows
 * (receivedAt: when its bytes were received or read; absent, not checked); a bad one rejects its row
 * (line and field), the rest stay.
 */
export function checkRowValues<T>(parsed: ParseResult<T>, inv: FeedInvariants, file: string, receivedAt?: string): ParseResult<T> {
  if (receivedAt !== undefined && Number.isNaN(Date.parse(receivedAt))) throw new Error(`${file}: receivedAt "${receivedAt}" is not a date-time`);
  const afterReceipt = receiptCheck(inv, receivedAt);
  const rows: T[] = [];
  const lines: number[] = [];
  const keys: RowKey[] = [];
  const rejected: RowError[] = [...parsed.rejected];
  parsed.rows.forEach((row, i) => {
    const line = parsed.lines?.[i] ?? 0;
    const key = parsed.keys?.[i];
    let bad = badValue(row, '');
    for (const r of inv.ranges ?? []) {
      if (bad) break;
      const v = (row as Record<string, unknown>)[r.field];
      if (typeof v === 'number' && (v < r.min || v > r.max)) bad = { field: r.field, reason: `${v} is outside ${r.min}…${r.max}` };
    }
    if (!bad && afterReceipt) bad = afterReceipt(row);
    if (bad) rejected.push({ file, line, field: bad.field, reason: bad.reason, ...(key ? { key } : {}) });
    else {
      rows.push(row);
      lines.push(line);
      if (key) keys.push(key);
    }
  });
  if (rejected.length === parsed.rejected.length) return parsed;
  rejected.sort((a, b) => a.line - b.line);
  return { ...parsed, rows, rejected, lines, ...(parsed.keys ? { keys } : {}) };
}

/** Which table the rows are, where a header cannot tell (GCAT sites and launch points). */
export function checkRowIdentity(rows: readonly unknown[], inv: FeedInvariants, file: string): Refusal | null {
  const id = inv.rowIdentity;
  if (!id || rows.length === 0) return null;
  const matching = rows.filter((r) => id.values.includes(String((r as Record<string, unknown>)[id.field]))).length;
  if (matching >= id.minShare * rows.length) return null;
  return {
    check: 'identity',
    reason: `${file}: only ${matching} of ${rows.length} rows have ${id.field} ${id.values.join('/')} (${id.basis}); another table?`,
  };
}

export interface IngestExtent { rows: number; keys: ReadonlySet<string> }

const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toString()}%`;

/** Row count and key coverage against the previous successful ingest of the same feed (null: the first ingest). */
export function checkPlausible(previous: IngestExtent | null, next: IngestExtent, inv: FeedInvariants, file: string): Refusal | null {
  if (!previous) return null;
  const { minRowShare, minKeyCoverage, keys } = inv.previous;
  if (next.rows < minRowShare * previous.rows) {
    return { check: 'shrink', reason: `${file}: ${next.rows} rows, ${pct(next.rows / previous.rows)} of the previous ingest's ${previous.rows} (at least ${pct(minRowShare)} expected)` };
  }
  if (previous.keys.size === 0) return null;
  const missing: string[] = [];
  for (const k of previous.keys) if (!next.keys.has(k)) missing.push(k);
  const coverage = (previous.keys.size - missing.length) / previous.keys.size;
  if (coverage >= minKeyCoverage) return null;
  return {
    check: 'shrink',
    reason: `${file}: ${missing.length} of the previous ingest's ${previous.keys.size} keys (${keys.table}.${keys.column}) are missing, ` +
      `coverage ${pct(coverage)} (at least ${pct(minKeyCoverage)} expected); first missing: ${missing.slice(0, 5).join(', ')}`,
  };
}
