/** Calendar arithmetic on ISO days (YYYY-MM-DD, UTC). */

/** The day after an ISO day. */
export function dayAfter(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);
}
