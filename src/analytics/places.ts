/** Places derived from entity rows: hub centres and the countries party to a framework's agreements. Shared by the GeoJSON API and the report. */
import { all, type EntityRow } from '../model/entity-row.js';

/** The Figure 3 count properties of a Hub, in the figure's legend order. */
export const HUB_COUNT_PROPERTIES = ['launchSites', 'launchProviderHqs', 'launchVehicleManufacturers', 'ttcSites', 'satelliteHqs', 'satelliteManufacturers', 'governmentOrganizations', 'universities'] as const;

export interface LatLon { lat: number; lon: number }

export function locationOf(row: EntityRow): LatLon | null {
  const loc = row.values.location?.[0];
  return loc ? (JSON.parse(loc.value) as LatLon) : null;
}

/** A hub's point: the mean of its members' located positions (rounded to 1e-4°), with how many it averages. */
export function hubCentre(hubId: string, members: readonly EntityRow[]): { centre: LatLon | null; located: number } {
  const points = members.filter((m) => all(m, 'hub').includes(hubId)).map(locationOf).filter((p): p is LatLon => p !== null);
  if (!points.length) return { centre: null, located: 0 };
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e4) / 1e4;
  return { centre: { lat: mean(points.map((p) => p.lat)), lon: mean(points.map((p) => p.lon)) }, located: points.length };
}

/** Agreements of a framework (program.ilrs, org.apsco, …) grouped by the ISO code of each country party. */
export function countriesInFramework(agreements: readonly EntityRow[], framework: string, opts: { exceptChina?: boolean } = {}): Map<string, EntityRow[]> {
  const out = new Map<string, EntityRow[]>();
  for (const a of agreements.filter((x) => all(x, 'framework').includes(framework))) {
    for (const p of all(a, 'party').filter((x) => x.startsWith('country.') && !(opts.exceptChina && x === 'country.cn'))) {
      const iso = p.slice(8).toUpperCase();
      (out.get(iso) ?? out.set(iso, []).get(iso)!).push(a);
    }
  }
  return out;
}
