/**
 * The column block GCAT's organization-style tables share (orgs, sites, lp, platforms): validity
 * period, names, location and coordinates. Each table adds its own key columns around it.
 */
import type { GcatBound } from './gcat-date.js';
import { boundCell, cell, numberCell, type GcatRecord } from './gcat-table.js';

export const GCAT_PLACE_COLUMNS = [
  'TStart',
  'TStop',
  'ShortName',
  'Name',
  'Location',
  'Longitude',
  'Latitude',
  'Error',
  'Parent',
  'ShortEName',
  'EName',
  'UName',
] as const;

export interface GcatPlaceFields {
  /** Start of validity (founding, first use); null for `-`. */
  tStart: GcatBound | null;
  /** End of validity; { kind: 'ongoing' } for `*`; null for `-`. */
  tStop: GcatBound | null;
  shortName: string | null;
  name: string | null;
  location: string | null;
  /** Degrees east, -180 to 180 (a row outside is rejected). */
  longitude: number | null;
  /** Degrees north, -90 to 90. */
  latitude: number | null;
  /** Location uncertainty, degrees. */
  error: number | null;
  parent: string | null;
  shortEName: string | null;
  eName: string | null;
  /** Name in the original script (e.g. Chinese). */
  uName: string | null;
}

export function placeFields(r: GcatRecord): GcatPlaceFields {
  return {
    tStart: boundCell(r, 'TStart'),
    tStop: boundCell(r, 'TStop'),
    shortName: cell(r, 'ShortName'),
    name: cell(r, 'Name'),
    location: cell(r, 'Location'),
    longitude: numberCell(r, 'Longitude', { min: -180, max: 180 }),
    latitude: numberCell(r, 'Latitude', { min: -90, max: 90 }),
    error: numberCell(r, 'Error', { min: 0 }),
    parent: cell(r, 'Parent'),
    shortEName: cell(r, 'ShortEName'),
    eName: cell(r, 'EName'),
    uName: cell(r, 'UName'),
  };
}
