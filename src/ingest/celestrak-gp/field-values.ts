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

/** Parse a decimal, or null when the text is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (t.length > MAX_NUMBER_TEXT || !DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

function checkBounds(v: number, field: string, raw: string, b: NumberBounds): number {
  if (b.min !== undefined && v < b.min) throw new RowRejection(field, `${raw} is below ${b.min}`);
  if (b.max !== undefined) {
    if (b.maxExclusive ? v >= b.max : v > b.max) {
      throw new RowRejection(field, `${raw} is ${b.maxExclusive ? 'not below' : 'above'} ${b.max}`);
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
  if (raw.trim() === '') throw new RowRejection(field, 'empty value');
  const v = parseDecimal(raw);
  if (v === null) throw new RowRejection(field, `"${raw}" is not a number`);
  return checkBounds(v, field, raw.trim(), bounds);
}

export function integerField(raw: string | number | undefined | null, field: string, bounds: NumberBounds = {}): number {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) throw new RowRejection(field, `${raw} is not an integer`);
    return checkBounds(raw, field, String(raw), bounds);
  }
  if (raw === undefined || raw === null) throw new RowRejection(field, 'missing value');
  const t = raw.trim();
  if (t === '') throw new RowRejection(field, 'empty value');
  if (t.length > MAX_NUMBER_TEXT || !INTEGER.test(t)) throw new RowRejection(field, `"${raw}" is not an integer`);
  const v = Number(t);
  if (!Number.isSafeInteger(v)) throw new RowRejection(field, `"${raw}" is out of range`);
  return checkBounds(v, field, t, bounds);
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
  const t = String(raw).trim();
  if (t === '') throw new RowRejection(field, 'empty value');
  return safeText(t, field);
}

/** Optional text: trimmed, null when empty, else checked like textField. */
export function optionalTextField(raw: string, field: string): string | null {
  const t = raw.trim();
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
