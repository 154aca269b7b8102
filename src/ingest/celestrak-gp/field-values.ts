/**
 * Strict conversion of one cell to a typed value. A bad cell throws RowRejection naming the field;
 * nothing is defaulted. Plain decimal syntax only: optional sign, digits with an optional point
 * (`.406` and `5.` allowed, as CelesTrak writes them), optional exponent (`.64095091E-3`). No
 * thousands separators, no `NaN`/`Infinity`, no hex. Text must pass the stored-text check
 * (no control characters, no U+FFFD, at most MAX_FEED_TEXT characters).
 */
import { RowRejection } from './row-rejection.js';
import { MAX_FEED_TEXT, unsafeTextReason } from '../../model/text-safety.js';

/** Each part of the grammar has one way to match, so matching time is linear (test/ingest/regex-safety). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
/** Longer number cells are rejected before any pattern runs (the longest in the staged files has 13). */
export const MAX_NUMBER_TEXT = 64;

export interface NumberBounds {
  min?: number;
  max?: number;
  /** Upper bound is exclusive (e.g. eccentricity < 1). */
  maxExclusive?: boolean;
}

/**
 * The text without surrounding white space, as String#trim gives it; the text itself, with no new
 * string, when its first and last characters are printable ASCII (the cells of a feed, almost always).
 */
export function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? text : text.trim();
}

/** Parse a decimal, or null when the text is not one. */
export function parseDecimal(text: string): number | null {
  const t = trimmed(text);
  if (t.length > MAX_NUMBER_TEXT) return null;
  const quick = quickDecimal(t, 0, t.length);
  if (quick !== undefined) return quick;
  if (!DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

const ZERO = 0x30;
const NINE = 0x39;
/** Powers of ten that a double holds exactly. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * parseDecimal's value for the text from `from` to `to` (exclusive), read in place, when that text is
 * a plain decimal as CelesTrak writes them (no surrounding white space, at most 15 digits, exponent
 * within ±22); undefined otherwise, for parseDecimal on the text itself to decide.
 */
export function plainDecimalAt(text: string, from: number, to: number): number | undefined {
  if (to - from > MAX_NUMBER_TEXT || !printableEnds(text, from, to)) return undefined;
  return quickDecimal(text, from, to) ?? undefined;
}

/** integerField's value for the text from `from` to `to`, read in place, when it is short and plain; else undefined. */
export function plainIntegerAt(text: string, from: number, to: number): number | undefined {
  if (to - from > MAX_SHORT_INTEGER || !printableEnds(text, from, to)) return undefined;
  return shortIntegerAt(text, from, to) ?? undefined;
}

/** Non-empty, and first and last characters printable ASCII: the text is its own trimmed form. */
function printableEnds(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}

/**
 * The common case of parseDecimal in one pass over the characters: text matching DECIMAL with at
 * most 15 digits and a decimal exponent within ±22, whose value is then one correctly rounded
 * multiplication or division of two exactly held numbers (Clinger's fast path), the very double
 * Number() gives. null when the text is not a decimal; undefined for the rest (longer mantissas,
 * larger exponents), left to DECIMAL and Number().
 */
function quickDecimal(t: string, from: number, n: number): number | null | undefined {
  let i = from;
  const first = t.charCodeAt(from);
  const negative = first === 0x2d;
  if (negative || first === 0x2b) i += 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    mantissa = mantissa * 10 + (c - ZERO);
    digits += 1;
    i += 1;
  }
  if (i < n && t.charCodeAt(i) === 0x2e) {
    i += 1;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      mantissa = mantissa * 10 + (c - ZERO);
      digits += 1;
      fraction += 1;
      i += 1;
    }
  }
  if (digits === 0) return null;
  let exponent = 0;
  if (i < n && (t.charCodeAt(i) | 0x20) === 0x65) {
    i += 1;
    const sign = t.charCodeAt(i);
    const negativeExponent = sign === 0x2d;
    if (negativeExponent || sign === 0x2b) i += 1;
    const start = i;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      if (i - start < 4) exponent = exponent * 10 + (c - ZERO);
      i += 1;
    }
    if (i === start) return null;
    if (i - start > 4) return undefined;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== n) return null;
  if (digits > 15) return undefined;
  const power = exponent - fraction;
  if (power < -22 || power > 22) return undefined;
  const value = power < 0 ? mantissa / EXACT_POWERS[-power]! : mantissa * EXACT_POWERS[power]!;
  return negative ? -value : value;
}

/** Whether v lies within the bounds (checkBounds accepts it). */
export function withinBounds(v: number, b: NumberBounds): boolean {
  if (b.min !== undefined && v < b.min) return false;
  return b.max === undefined || (b.maxExclusive ? v < b.max : v <= b.max);
}

/** `raw` is the cell as written (trimmed in the message). */
function checkBounds(v: number, field: string, raw: string, b: NumberBounds): number {
  if (b.min !== undefined && v < b.min) throw new RowRejection(field, `${raw.trim()} is below ${b.min}`);
  if (b.max !== undefined) {
    if (b.maxExclusive ? v >= b.max : v > b.max) {
      throw new RowRejection(field, `${raw.trim()} is ${b.maxExclusive ? 'not below' : 'above'} ${b.max}`);
    }
  }
  return v;
}

export function numberField(raw: string | number | undefined | null, field: string, bounds: NumberBounds = {}): number {
  if (raw === undefined || raw === null) throw new RowRejection(field, 'missing value');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new RowRejection(field, `${raw} is not a finite number`);
    return checkBounds(raw, field, String(raw), bounds);
  }
  const v = parseDecimal(raw);
  if (v === null) throw new RowRejection(field, raw.trim() === '' ? 'empty value' : `"${raw}" is not a number`);
  return checkBounds(v, field, raw, bounds);
}

export function integerField(raw: string | number | undefined | null, field: string, bounds: NumberBounds = {}): number {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) throw new RowRejection(field, `${raw} is not an integer`);
    return checkBounds(raw, field, String(raw), bounds);
  }
  if (raw === undefined || raw === null) throw new RowRejection(field, 'missing value');
  const t = trimmed(raw);
  if (t === '') throw new RowRejection(field, 'empty value');
  const v = t.length <= MAX_SHORT_INTEGER ? shortIntegerAt(t, 0, t.length) : t.length > MAX_NUMBER_TEXT || !INTEGER.test(t) ? null : Number(t);
  if (v === null) throw new RowRejection(field, `"${raw}" is not an integer`);
  if (!Number.isSafeInteger(v)) throw new RowRejection(field, `"${raw}" is out of range`);
  return checkBounds(v, field, t, bounds);
}

/** Up to this many characters (sign included), an INTEGER text's value is exact in a double. */
const MAX_SHORT_INTEGER = 15;

/** The value of a short text (from `from` to `to`) matching INTEGER, in one pass; null when it does not match. */
function shortIntegerAt(t: string, from: number, to: number): number | null {
  const first = t.charCodeAt(from);
  const negative = first === 0x2d;
  let i = negative || first === 0x2b ? from + 1 : from;
  if (i === to) return null;
  let v = 0;
  for (; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c < ZERO || c > NINE) return null;
    v = v * 10 + (c - ZERO);
  }
  return negative ? -v : v;
}

/** Text that may be stored: rejects the row when it is not (control characters, U+FFFD, too long). */
export function safeText(text: string, field: string): string {
  const reason = unsafeTextReason(text, { maxLength: MAX_FEED_TEXT });
  if (reason !== null) throw new RowRejection(field, reason);
  return text;
}

/** Required text: trimmed, must not be empty, must pass the stored-text check. */
export function textField(raw: string | number | undefined | null, field: string): string {
  if (raw === undefined || raw === null) throw new RowRejection(field, 'missing value');
  const t = trimmed(String(raw));
  if (t === '') throw new RowRejection(field, 'empty value');
  return safeText(t, field);
}

/** Optional text: trimmed, null when empty, else checked like textField. */
export function optionalTextField(raw: string, field: string): string | null {
  const t = trimmed(raw);
  return t === '' ? null : safeText(t, field);
}

/** One of a documented set of codes. */
export function codeField<C extends string>(raw: string | undefined | null, field: string, allowed: readonly C[]): C {
  const t = textField(raw, field);
  if (!(allowed as readonly string[]).includes(t)) {
    throw new RowRejection(field, `"${t}" is not one of ${allowed.join(', ')}`);
  }
  return t as C;
}
