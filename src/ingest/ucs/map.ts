/**
 * UCS rows → ucs_satellites. A row's id is `NORAD#n`, n the number of rows above it in the file with the
 * same NORAD number (0 for the first; the file lists a few objects twice), counting rejected rows whose
 * NORAD number can be read: an id does not move when another row is rejected, and a rejected row keeps
 * its stored row (src/ingest/kept-rows.ts).
 */
import { UCS_COLUMNS, type UcsRow } from './parse.js';
import type { MappedCatalog } from '../../model/catalog-rows.js';
import type { ParseResult } from '../feed-errors.js';
import { keptIds, keyValue } from '../kept-rows.js';

export function mapUcs(parsed: ParseResult<UcsRow>, sourceId: string): MappedCatalog {
  const ids = idsByLine(parsed);
  return {
    tables: {
      ucs_satellites: parsed.rows.map((r, i) => ({
        id: acceptedId(ids, parsed.lines?.[i]), norad_id: r.noradId, name: r.name, un_registry_country: r.countryOfUnRegistry,
        operator_country: r.countryOfOperator, operator: r.operator, users: r.users, purpose: r.purpose,
        detailed_purpose: r.detailedPurpose, orbit_class: r.classOfOrbit, orbit_type: r.typeOfOrbit, perigee_km: r.perigeeKm,
        apogee_km: r.apogeeKm, inclination_deg: r.inclinationDeg, period_min: r.periodMin, launch_mass_kg: r.launchMassKg,
        launch_date: r.launchDate, contractor: r.contractor, contractor_country: r.countryOfContractor, launch_site: r.launchSite,
        launch_vehicle: r.launchVehicle, cospar: r.cospar, source_id: sourceId,
      })),
    },
    kept: { ucs_satellites: keptIds(parsed.rejected, (_key, line) => ids.get(line) ?? null) },
  };
}

/** The id of every row whose NORAD number can be read (accepted, or rejected with a key), by its line. */
function idsByLine(parsed: ParseResult<UcsRow>): Map<number, string> {
  const rows = parsed.rows.map((r, i) => ({ line: parsed.lines?.[i] ?? -1, norad: String(r.noradId) }));
  for (const r of parsed.rejected) {
    const norad = r.key ? keyValue(r.key, UCS_COLUMNS.norad) : null;
    if (norad !== null) rows.push({ line: r.line, norad });
  }
  const seen = new Map<string, number>();
  const ids = new Map<number, string>();
  for (const r of rows.sort((a, b) => a.line - b.line)) {
    const n = seen.get(r.norad) ?? 0;
    seen.set(r.norad, n + 1);
    ids.set(r.line, `${r.norad}#${n}`);
  }
  return ids;
}

/** An accepted row's id: the parser records every accepted row's line, so a missing one is a parser's fault. */
function acceptedId(ids: ReadonlyMap<number, string>, line: number | undefined): string {
  const id = line === undefined ? undefined : ids.get(line);
  if (id === undefined) throw new Error('ucs: an accepted row has no line (the parser records none)');
  return id;
}
