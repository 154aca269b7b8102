/**
 * Value types. Each statement value is stored as one canonical string; structured
 * values (money, coordinates) are canonical JSON with sorted keys. Every type has a
 * parser returning either the canonical value or a precise reason, never a default.
 */
import countries from 'i18n-iso-countries';
import { unsafeTextReason } from './text-safety.js';

export type ValueTypeName =
  | 'name' | 'string' | 'text' | 'date' | 'country' | 'norad' | 'cospar'
  | 'money' | 'coordinates' | 'url' | 'number' | 'integer' | 'boolean' | 'enum' | 'entity';

export type Parsed = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): Parsed => ({ ok: true, value });
const fail = (reason: string): Parsed => ({ ok: false, reason });

/** Deterministic JSON: object keys sorted, so equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function text(raw: unknown, max: number): Parsed {
  if (typeof raw === 'number' || typeof raw === 'boolean') raw = String(raw);
  if (typeof raw !== 'string') return fail(`expected text, got ${describe(raw)}`);
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return fail('empty text');
  if (trimmed.length > max) return fail(`text longer than ${max} characters`);
  const unsafe = unsafeTextReason(trimmed, { maxLength: max });
  return unsafe === null ? ok(trimmed) : fail(unsafe);
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  return typeof raw === 'object' ? 'an object' : `${typeof raw} ${JSON.stringify(raw)}`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const PARTIAL_DATE = /^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Partial dates: YYYY, YYYY-MM or YYYY-MM-DD, with a leading "~" (or "circa ") for approximate. */
export function parsePartialDate(raw: unknown): Parsed {
  if (raw instanceof Date) raw = raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') return fail(`expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got ${describe(raw)}`);
  const s = raw.trim().replace(/^circa\s+/i, '~');
  const m = PARTIAL_DATE.exec(s);
  if (!m) return fail(`"${raw}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD (optionally prefixed "~")`);
  const year = Number(m[2]);
  if (year < 1800 || year > 2200) return fail(`year ${year} out of range 1800–2200`);
  if (m[3] !== undefined) {
    const month = Number(m[3]);
    if (month < 1 || month > 12) return fail(`month ${m[3]} out of range`);
    if (m[4] !== undefined) {
      const day = Number(m[4]);
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const max = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
      if (day < 1 || day > max) return fail(`day ${m[4]} out of range for ${year}-${m[3]}`);
    }
  }
  return ok(s);
}

export type DatePrecision = 'year' | 'month' | 'day';
export function datePrecision(canonical: string): DatePrecision {
  const len = canonical.replace('~', '').length;
  return len === 4 ? 'year' : len === 7 ? 'month' : 'day';
}

/**
 * Whether two partial dates can name the same day, so two sources giving them do not conflict: the same
 * date, or one a less precise form of the other ("1970" and "1970-04-24", "2010-03" and "2010-03-05"),
 * approximate or not ("~2030" and "2030"). Two dates that differ at the precision both give conflict.
 */
export function partialDatesAgree(a: string, b: string): boolean {
  const [x, y] = [a.replace('~', ''), b.replace('~', '')];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long === short || long.startsWith(`${short}-`);
}

/** Whether every day partial date `a` can name is after every day `b` can name ("2026" after "2025-09"; "2025" is not). */
export function partialDateCertainlyAfter(a: string, b: string): boolean {
  const [x, y] = [a.replace('~', ''), b.replace('~', '')];
  const n = Math.min(x.length, y.length);
  return !partialDatesAgree(x, y) && x.slice(0, n) > y.slice(0, n);
}

export function parseCountry(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail(`expected an ISO 3166-1 alpha-2 code, got ${describe(raw)}`);
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) return fail(`"${raw}" is not an ISO 3166-1 alpha-2 country code`);
  return ok(code);
}

const ALPHA5 = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // Alpha-5 omits I and O
/** NORAD catalog number: a positive integer, or a 5-character Alpha-5 id (A0000 = 100000). */
export function parseNorad(raw: unknown): Parsed {
  if (typeof raw === 'string' && /^[A-HJ-NP-Z]\d{4}$/.test(raw.trim())) {
    const s = raw.trim();
    return ok(String((ALPHA5.indexOf(s[0]!) + 10) * 10000 + Number(s.slice(1))));
  }
  const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 999_999_999) {
    return fail(`"${String(raw)}" is not a NORAD catalog number (1–999999999 or Alpha-5)`);
  }
  return ok(String(n));
}

export function parseCospar(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail(`expected a COSPAR id like 2021-035A, got ${describe(raw)}`);
  const s = raw.trim().toUpperCase();
  if (!/^(19[5-9]\d|2\d{3})-\d{3}[A-Z]{0,3}$/.test(s)) return fail(`"${raw}" is not a COSPAR id (YYYY-NNN with an optional piece A–ZZZ)`);
  return ok(s);
}

export function parseMoney(raw: unknown): Parsed {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(`expected money as {amount, currency, year?}, got ${describe(raw)}`);
  }
  const { amount, currency, year, ...rest } = raw as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) return fail(`unknown money field(s): ${extra.join(', ')}`);
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return fail('money.amount must be a non-negative number');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return fail('money.currency must be an ISO 4217 code like USD or CNY');
  if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2200)) {
    return fail('money.year (the price year) must be a whole year');
  }
  return ok(canonicalJson({ amount, currency, year }));
}

export function parseCoordinates(raw: unknown): Parsed {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(`expected coordinates as {lat, lon}, got ${describe(raw)}`);
  const { lat, lon, ...rest } = raw as Record<string, unknown>;
  if (Object.keys(rest).length) return fail(`unknown coordinate field(s): ${Object.keys(rest).join(', ')}`);
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) return fail('lat must be a number from -90 to 90');
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) return fail('lon must be a number from -180 to 180');
  return ok(canonicalJson({ lat, lon }));
}

export function parseUrl(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail(`expected a URL, got ${describe(raw)}`);
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail(`"${raw}" is not an http(s) URL`);
    return ok(raw.trim());
  } catch {
    return fail(`"${raw}" is not a valid URL`);
  }
}

/** Decimal text: plain (`-1.5e3`) or with comma thousands separators (`1,200.5`); no hex, no `Infinity`. */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function numberFromText(raw: string): number | string {
  const t = raw.trim();
  if (t.length > 64) return raw;
  if (DECIMAL_TEXT.test(t)) return Number(t);
  return THOUSANDS_TEXT.test(t) ? Number(t.replace(/,/g, '')) : raw;
}

function parseNumber(raw: unknown, integer: boolean): Parsed {
  const n = typeof raw === 'string' ? numberFromText(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fail(`expected a number, got ${describe(raw)}`);
  if (integer && !Number.isInteger(n)) return fail(`expected a whole number, got ${n}`);
  // Every integer property counts something (launches, employees, modules, pads …).
  if (integer && n < 0) return fail(`a count cannot be negative, got ${n}`);
  if (integer && !Number.isSafeInteger(n)) return fail(`${n} is too large to be a count`);
  return ok(String(n));
}

export interface ValueContext {
  values?: readonly string[];
}

export const VALUE_TYPES: Record<ValueTypeName, { doc: string; parse: (raw: unknown, ctx: ValueContext) => Parsed }> = {
  name: { doc: 'A name or alias (any script, including Chinese).', parse: (r) => text(r, 300) },
  string: { doc: 'A short piece of text (up to 500 characters).', parse: (r) => text(r, 500) },
  text: { doc: 'Free text (a description, a finding, evidence).', parse: (r) => text(r, 20000) },
  date: { doc: 'A partial date: YYYY, YYYY-MM or YYYY-MM-DD; prefix "~" (or "circa ") when approximate.', parse: parsePartialDate },
  country: { doc: 'An ISO 3166-1 alpha-2 country code, e.g. CN.', parse: parseCountry },
  norad: { doc: 'A NORAD catalog number (integer, or Alpha-5 like A0001).', parse: parseNorad },
  cospar: { doc: 'A COSPAR international designator, e.g. 2021-035A.', parse: parseCospar },
  money: { doc: 'Money: {amount, currency (ISO 4217), year (price year, optional)}.', parse: parseMoney },
  coordinates: { doc: 'WGS84 coordinates: {lat, lon} in decimal degrees.', parse: parseCoordinates },
  url: { doc: 'An http(s) URL.', parse: parseUrl },
  number: { doc: 'A number (the property names its unit).', parse: (r) => parseNumber(r, false) },
  integer: { doc: 'A count: a whole number from 0 to 2^53 − 1.', parse: (r) => parseNumber(r, true) },
  boolean: {
    doc: 'true or false.',
    parse: (r) => (typeof r === 'boolean' ? ok(String(r)) : fail(`expected true or false, got ${describe(r)}`)),
  },
  enum: {
    doc: 'One of the values the property lists.',
    parse: (r, ctx) => {
      const t = text(r, 100);
      if (!t.ok) return t;
      return ctx.values?.includes(t.value) ? t : fail(`"${t.value}" is not one of: ${(ctx.values ?? []).join(', ')}`);
    },
  },
  entity: {
    doc: 'The id of another entity (its kind must be in the property\'s range).',
    parse: (r) => {
      const t = text(r, 200);
      if (!t.ok) return t;
      return ENTITY_ID.test(t.value) ? t : fail(`"${t.value}" is not an entity id (prefix.slug, lower case)`);
    },
  },
};

/**
 * What a type's parser reads back into this stored (canonical) value: money and coordinates are stored
 * as canonical JSON and a boolean as "true" or "false"; every other type as the text it parses from.
 * Text that is neither stays text, so the parser names what is wrong with it.
 */
export function storedValueInput(type: ValueTypeName, stored: string): unknown {
  if (type === 'boolean') return stored === 'true' ? true : stored === 'false' ? false : stored;
  if (type !== 'money' && type !== 'coordinates') return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return stored;
  }
}

/** Entity ids are "<kind prefix>.<slug>", e.g. org.landspace; lower-case ASCII, digits, '-' and '.'. */
export const ENTITY_ID = /^[a-z]+\.[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
