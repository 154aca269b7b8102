/**
 * The RFC 4180 reading of delimited text (CelesTrak GP/SATCAT CSV, the UCS tab-separated file), as
 * positions: each record's cells are ranges of the text, so a parser can read a number in place
 * instead of slicing a string for every cell of a 16,000-row file first. csv-reader.ts gives the
 * same records as strings.
 *
 * Fields may be quoted with `"`; a quoted field may contain the delimiter, line breaks and doubled
 * quotes (`""` → `"`). Lines end in LF or CRLF. A field is quoted when it starts with `"`; after its
 * closing quote, the rest of the field up to the delimiter is taken as written.
 */
import { FeedFormatError } from '../feed-errors.js';

const QUOTE = 0x22;
const CR = 0x0d;

/**
 * One record's cells: cell k is `text` from `starts[k]` to `ends[k]` (exclusive) as written, its quotes
 * included. The reader hands the same object to each visit: copy (copyFrom) what is kept past it.
 */
export class DelimitedSpans {
  /** 1-based line on which the record starts. */
  line = 1;
  /** How many cells the record has. */
  count = 0;
  starts: Int32Array = new Int32Array(32);
  ends: Int32Array = new Int32Array(32);

  constructor(readonly text: string) {}

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count += 1;
  }

  /** Whether cell k is quoted (starts with `"`). */
  quoted(k: number): boolean {
    return this.starts[k]! < this.ends[k]! && this.text.charCodeAt(this.starts[k]!) === QUOTE;
  }

  /** Cell k's value: as written, or, when quoted, unquoted with doubled quotes undone, then the rest as written. */
  cell(k: number): string {
    const start = this.starts[k]!;
    const end = this.ends[k]!;
    const text = this.text;
    if (!this.quoted(k)) return text.slice(start, end);
    let value = '';
    let from = start + 1;
    for (;;) {
      // The reader found the closing quote, so there is one.
      const q = text.indexOf('"', from);
      if (text.charCodeAt(q + 1) === QUOTE) {
        value += text.slice(from, q + 1);
        from = q + 2;
        continue;
      }
      value += text.slice(from, q);
      return q + 1 < end ? value + text.slice(q + 1, end) : value;
    }
  }

  /** Every cell's value, in order. */
  cells(): string[] {
    const values = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) values[k] = this.cell(k);
    return values;
  }

  /** Whether every cell is empty or white space (a blank line, a row of bare delimiters). */
  blank(): boolean {
    for (let k = 0; k < this.count; k++) {
      const first = this.text.charCodeAt(this.starts[k]!);
      const printable = this.starts[k]! < this.ends[k]! && first > 0x20 && first < 0x7f && first !== QUOTE;
      if (printable || this.cell(k).trim().length > 0) return false;
    }
    return true;
  }

  copyFrom(other: DelimitedSpans): void {
    if (this.starts.length < other.count) {
      this.starts = new Int32Array(other.starts.length);
      this.ends = new Int32Array(other.ends.length);
    }
    for (let k = 0; k < other.count; k++) {
      this.starts[k] = other.starts[k]!;
      this.ends[k] = other.ends[k]!;
    }
    this.count = other.count;
    this.line = other.line;
  }
}

function grown(cells: Int32Array): Int32Array {
  const bigger = new Int32Array(cells.length * 2);
  bigger.set(cells);
  return bigger;
}

/**
 * Read the text's records in order, handing each to `visit` as positions (see DelimitedSpans; a leading
 * byte-order mark is dropped, and positions are in the text without it). Throws FeedFormatError when a
 * quoted field is still open at the end of the input (a file cut inside a quoted field).
 */
export function eachDelimitedSpans(text: string, file: string, delimiter: string, visit: (record: DelimitedSpans) => void): void {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const record = new DelimitedSpans(text);
  const n = text.length;
  const delim = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let line = 1;
  let nextDelim = -1;
  let nextLF = -1;
  let i = 0;
  while (i < n) {
    const start = i;
    let k = i;
    if (text.charCodeAt(i) === QUOTE) {
      const openedOn = line;
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new FeedFormatError(file, openedOn, null, 'truncated file: quoted field opened here is never closed');
        line += countLineFeeds(text, from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          from = q + 2;
          continue;
        }
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
    if (k >= n) {
      // A final record without a trailing line break (not a lone empty field).
      record.push(start, n);
      if (record.count > 1 || record.cell(0).length > 0) visit(record);
      return;
    }
    record.push(start, k);
    const c = text.charCodeAt(k);
    if (c === delim) {
      i = k + 1;
      if (i === n) {
        record.push(n, n);
        visit(record);
      }
      continue;
    }
    visit(record);
    record.count = 0;
    line += 1;
    record.line = line;
    i = k + (c === CR ? 2 : 1);
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
