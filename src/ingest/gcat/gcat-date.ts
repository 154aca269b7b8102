/**
 * GCAT "vague dates" (planet4589.org GCAT conventions), as they appear in the data files:
 *   `2024 Dec  8 1234:56.7`, `2024 Dec  8 1234:56`, `2024 Dec  8 1234`, `2024 Dec  8`, `2024 Dec`,
 *   `2024`, `1960s` (decade), years before 1000 (`509`), each optionally followed by `?` (uncertain).
 * Also accepted: `HH:MM:SS` time (the `# Updated` line of sites.tsv), and a day written as `-`
 * (GCAT's empty marker in the day slot, e.g. `2025 Oct    -` in orgs.tsv) which gives month precision.
 * Table bounds (TStart/TStop) additionally use `*` (still current) and a bare `?` (unknown).
 */

export type GcatDatePrecision = 'decade' | 'year' | 'month' | 'day' | 'minute' | 'second';

export interface GcatDate {
  /**
   * ISO 8601 at the stated precision: "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH:MMZ",
   * "YYYY-MM-DDTHH:MM:SS[.s]Z". For a decade, the decade's first year ("1960").
   */
  iso: string;
  precision: GcatDatePrecision;
  /** GCAT's trailing `?`. */
  uncertain: boolean;
}

/** A TStart/TStop value: a date, `*` (ongoing), or a bare `?` (unknown). `-` is null, not a bound. */
export type GcatBound = { kind: 'date'; date: GcatDate } | { kind: 'ongoing' } | { kind: 'unknown' };

export const GCAT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

const DATE_RE =
  /^(\d{3,4})(s)?(?:\s+([A-Z][a-z]{2})(?:\s+(\d{1,2}|-)(?:\s+(?:(\d{2})(\d{2})|(\d{1,2}):(\d{2}))(?::(\d{2})(\.\d+)?)?)?)?)?$/;

/** Parse a GCAT date; null when the text is not one (callers decide whether that rejects a row). */
export function parseGcatDate(text: string): GcatDate | null {
  let t = text.trim();
  const uncertain = t.endsWith('?');
  if (uncertain) t = t.slice(0, -1).trimEnd();
  const m = DATE_RE.exec(t);
  if (!m) return null;
  const [, yearText, decade, monText, dayText, hhmmH, hhmmM, colonH, colonM, secText, fracText] = m;
  const year = Number(yearText);
  const y = pad(year, 4);
  if (decade) {
    if (monText || year % 10 !== 0) return null;
    return { iso: y, precision: 'decade', uncertain };
  }
  if (!monText) return { iso: y, precision: 'year', uncertain };
  const month = GCAT_MONTHS.indexOf(monText as (typeof GCAT_MONTHS)[number]) + 1;
  if (month === 0) return null;
  const ym = `${y}-${pad(month)}`;
  if (dayText === '-' && (hhmmH ?? colonH) !== undefined) return null;
  if (dayText === undefined || dayText === '-') {
    return { iso: ym, precision: 'month', uncertain };
  }
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const ymd = `${ym}-${pad(day)}`;
  const hourText = hhmmH ?? colonH;
  const minuteText = hhmmM ?? colonM;
  if (hourText === undefined || minuteText === undefined) return { iso: ymd, precision: 'day', uncertain };
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) return null;
  const hm = `${ymd}T${pad(hour)}:${pad(minute)}`;
  if (secText === undefined) return { iso: `${hm}Z`, precision: 'minute', uncertain };
  // 60 allowed: a leap second.
  if (Number(secText) > 60) return null;
  return { iso: `${hm}:${secText}${fracText ?? ''}Z`, precision: 'second', uncertain };
}

/** Parse a TStart/TStop cell that is not `-`: `*`, bare `?`, or a date; null if none of these. */
export function parseGcatBound(text: string): GcatBound | null {
  const t = text.trim();
  if (t === '*') return { kind: 'ongoing' };
  if (t === '?') return { kind: 'unknown' };
  const date = parseGcatDate(t);
  return date ? { kind: 'date', date } : null;
}

/** Calendar year of a parsed date (for per-year counts). */
export function gcatYear(d: GcatDate): number {
  return Number(d.iso.slice(0, 4));
}
