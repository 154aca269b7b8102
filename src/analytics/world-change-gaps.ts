/**
 * What a page of the change feed cannot show, said beside it: the feeds behind a change type end on
 * their own dates (after the GCAT launch log ends, only failed launches are known), a feed may not be
 * stored at all (the SATCAT), and a filter may leave a whole family of changes out. Each gap is
 * stated only when it applies to the query: an empty or one-sided list must not read as the world.
 */
import type { WorldChangeType } from './world-change-types.js';

export interface GapQuery {
  /** Whether the query asks for changes of this type (no type filter: every type). */
  wants: (t: WorldChangeType) => boolean;
  /** The window's last day (YYYY-MM-DD), at most today. */
  until: string;
  /** A kind, segment or entity filter is set (catalog records belong to no curated entity). */
  entityFiltered: boolean;
  country: string | null;
  /** The data date of the stored GCAT launch log, or null when none is stored. */
  launchLogEnd: string | null;
  /** The data date of the stored CelesTrak SATCAT, or null when none is stored. */
  satcatAsOf: string | null;
}

const CATALOG_TYPES: WorldChangeType[] = ['launch', 'reached-orbit', 'decay', 'left-catalog-on-reentry-watch', 'close-approach', 'maneuver'];

export function worldChangeGaps(q: GapQuery): string[] {
  const gaps: string[] = [];
  if (q.entityFiltered) {
    if (CATALOG_TYPES.some(q.wants)) {
      gaps.push('A kind, segment or entity filter leaves out launches, objects reaching orbit, decays and the Space safety changes '
        + '(left the catalog, close approaches, maneuvers): they are catalog records, which belong to no curated entity.');
    }
    return [...gaps, ...countryGap(q)];
  }
  if (q.wants('launch')) {
    if (q.launchLogEnd === null) gaps.push('No GCAT launch log is stored, so no launch is listed.');
    else if (q.until > q.launchLogEnd) {
      gaps.push(`The GCAT launch log stored here ends on ${q.launchLogEnd}. After that date only failed launches are known (the GCAT `
        + `failed-to-orbit catalog): every launch listed after ${q.launchLogEnd} is a failure, and the successful launches since are not in the data. `
        + 'Those failures are not all of them either: the catalog lists launches whose objects did not reach orbit, not those left in a wrong orbit.');
    }
  }
  if (q.wants('reached-orbit') || q.wants('decay')) {
    if (q.satcatAsOf === null) {
      gaps.push('No CelesTrak SATCAT is stored, so no object reaching orbit and no decay is listed (those changes come from the SATCAT alone).');
    } else if (q.until > q.satcatAsOf) {
      gaps.push(`The CelesTrak SATCAT stored here runs to ${q.satcatAsOf}: objects reaching orbit and decays after it are not listed.`);
    }
  }
  return [...gaps, ...countryGap(q)];
}

function countryGap(q: GapQuery): string[] {
  if (!q.country) return [];
  return [`The country filter (${q.country}) matches a catalog record by its own country (launching state, SATCAT owner, attribution rules) `
    + 'and a curated entity by its own country or a direct link to the country (party, payload partner, related to); an entity tied to '
    + 'the country only through another entity (its manufacturer, programme, operator or what it concerns) is not matched.'];
}
