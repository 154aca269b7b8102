/** The ingest command's --received-at: when a local file was downloaded, as an ISO date-time. */

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Whether the day exists in the calendar (Date.parse reads 2026-02-30 as 2026-03-02). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The time as ISO (UTC, milliseconds); an error naming the option when it is not a date-time or is later than `now`. */
export function parseReceivedAt(value: string, now: Date = new Date()): string {
  const m = ISO_DATE_TIME.exec(value);
  const ms = m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new Error(`--received-at "${value}" is not an ISO date or date-time with a time zone (2026-07-12, 2026-07-12T06:00:00Z)`);
  if (ms > now.getTime()) throw new Error(`--received-at ${value} is later than now (${now.toISOString()}): a file cannot have been downloaded yet`);
  return new Date(ms).toISOString();
}
