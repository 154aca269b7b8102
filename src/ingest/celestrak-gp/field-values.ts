/**
 * Strict conversion of one cell to a typed value. A bad cell throws RowRejection naming the field;
 * nothing is defaulted. Plain decimal syntax only: optional sign, digits with an optional point
 * (`.406` and `5.` allowed, as CelesTrak writes them), optional exponent. No thousands separators,
 * no `NaN`/`Infinity`, no hex.
 */
import { RowRejection } from './row-rejection.js';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

export interface NumberBounds {
  min?: number;
  max?: number;
  /** Upper bound is exclusive (e.g. eccentricity < 1). */
  maxExclusive?: boolean;
}

/** Parse a decimal, or null when the text is not one. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
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
  if (!INTEGER.test(t)) throw new RowRejection(field, `"${raw}" is not an integer`);
  const v = Number(t);
  if (!Number.isSafeInteger(v)) throw new RowRejection(field, `"${raw}" is out of range`);
  return checkBounds(v, field, t, bounds);
}

/** Required text: trimmed, must not be empty. */
export function textField(raw: string | number | undefined | null, field: string): string {
  if (raw === undefined || raw === null) throw new RowRejection(field, 'missing value');
  const t = String(raw).trim();
  if (t === '') throw new RowRejection(field, 'empty value');
  return t;
}

/** One of a documented set of codes. */
export function codeField<C extends string>(raw: string | undefined | null, field: string, allowed: readonly C[]): C {
  const t = textField(raw, field);
  if (!(allowed as readonly string[]).includes(t)) {
    throw new RowRejection(field, `"${t}" is not one of ${allowed.join(', ')}`);
  }
  return t as C;
}
