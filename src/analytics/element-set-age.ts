/**
 * One reference instant for the element-set ages a snapshot's reentry watch, maneuvers and GEO belt
 * give: the end of the snapshot's as-of date (24:00 UTC). A snapshot's date is its download's; most
 * of its element sets are dated that day or before, so their ages are 0 or more. A CelesTrak file can
 * also hold a few element sets dated later (the bundled 2026-07-10 file has epochs up to
 * 2026-07-12T06:46: supplemental or operator-predicted sets); their ages are negative, by the same
 * definition, and the reentry watch flags them (epoch-after-snapshot-date).
 */
const DAY_MS = 86_400_000;

/** The reference instant, ms since 1970: the as-of date's end (the next day at 00:00 UTC). */
export function ageReferenceMs(asOf: string): number {
  return Date.parse(`${asOf}T00:00:00Z`) + DAY_MS;
}

/** The same instant in microseconds since 1970 (the maneuver detector's time base). */
export function ageReferenceMicros(asOf: string): number {
  return ageReferenceMs(asOf) * 1000;
}

export const ELEMENT_SET_AGE_DEFINITION = 'Element-set age: days from the element set\'s epoch to the end of the snapshot\'s as-of date '
  + '(24:00 UTC), the same reference for the reentry watch, maneuvers and the GEO belt. It is negative for an element set dated after '
  + 'that (a CelesTrak file can hold supplemental or operator-predicted sets with later epochs); the reentry watch flags those.';
