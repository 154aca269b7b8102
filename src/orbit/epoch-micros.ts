/**
 * Instants as whole microseconds since 1970-01-01T00:00:00Z, held in a double (exact up to 2^53 µs,
 * i.e. until the year 2255). OMM epochs carry microseconds; a JS Date keeps milliseconds only, which
 * is up to 1 ms (about 7.7 m along a LEO track), so the batch engine never goes through Date.
 */

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z?$/;

export const MICROS_PER_MINUTE = 60_000_000;
export const MICROS_PER_DAY = 86_400_000_000;

/** "2026-07-10T03:44:00.383136Z" (Z optional, 0–6 fraction digits) → µs since the Unix epoch. */
export function epochMicros(iso: string): number {
  const m = ISO_UTC.exec(iso.trim());
  if (!m) throw new RangeError(`not an ISO 8601 UTC instant with at most microseconds: ${JSON.stringify(iso)}`);
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant ${JSON.stringify(iso)}`);
  const micros = frac ? Number(frac.padEnd(6, '0')) : 0;
  return ms * 1000 + micros;
}

/** µs since the Unix epoch → "YYYY-MM-DDTHH:MM:SS.ffffffZ" (rounded to the microsecond). */
export function isoFromMicros(micros: number): string {
  const whole = Math.round(micros);
  const ms = Math.floor(whole / 1000);
  const rest = whole - ms * 1000;
  const base = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${base.slice(0, 23)}${String(rest).padStart(3, '0')}Z`;
}

/** Minutes from `fromMicros` to `toMicros`: the difference of two exact integers, then one division. */
export function minutesBetween(fromMicros: number, toMicros: number): number {
  return (toMicros - fromMicros) / MICROS_PER_MINUTE;
}
