/** Places derived from entity rows: hub points and the countries party to a framework's agreements. Shared by the GeoJSON API and the report. */
import { all, first, type EntityRow } from '../model/entity-row.js';

/** The Figure 3 count properties of a Hub, in the figure's legend order. */
export const HUB_COUNT_PROPERTIES = ['launchSites', 'launchProviderHqs', 'launchVehicleManufacturers', 'ttcSites', 'satelliteHqs', 'satelliteManufacturers', 'governmentOrganizations', 'universities'] as const;

export interface LatLon { lat: number; lon: number }

export function locationOf(row: EntityRow): LatLon | null {
  const loc = row.values.location?.[0];
  return loc ? (JSON.parse(loc.value) as LatLon) : null;
}

/** What the hub map says about where a hub is drawn. */
export interface HubPoint { point: LatLon | null; principalCity: string | null; sourceId: string | null; locator: string | null; basis: string }

/**
 * A hub's point: its own sourced coordinate of its principal city (a GCAT city, province-capital
 * or launch-site row), never derived from its members. Without one the hub is not drawn.
 */
export function hubPoint(hub: EntityRow): HubPoint {
  const city = hub.values.principalCity?.[0]?.value ?? null;
  const loc = hub.values.location?.[0];
  const point = locationOf(hub);
  if (!loc || !point) {
    return { point: null, principalCity: city, sourceId: null, locator: null, basis: `not drawn: no source in the knowledge base gives a coordinate for its principal city${city ? ` (${city})` : ''}; a hub is never placed at a member's coordinate` };
  }
  return { point, principalCity: city, sourceId: loc.sourceId, locator: loc.locator, basis: `coordinate of its principal city${city ? ` (${city})` : ''}, from ${loc.sourceId}${loc.locator ? ` ${loc.locator}` : ''}` };
}

/** The city a place's point stands for: an organization's headquarters, a facility's city. */
export function statedCity(row: EntityRow): string | null {
  return row.values.headquarters?.[0]?.value ?? row.values.city?.[0]?.value ?? null;
}

/** Observer status (agreementKind observer) is not membership: it puts no country in a framework's set. */
const isObserver = (a: EntityRow): boolean => first(a, 'agreementKind') === 'observer';

/** Whether an agreement is within a framework (ILRS, Artemis Accords, Space Silk Road, …). */
export const inFramework = (agreement: EntityRow, framework: string): boolean => all(agreement, 'framework').includes(framework);

/** Agreements of a framework (program.ilrs, org.apsco, …) grouped by the ISO code of each country party; observers left out. */
export function countriesInFramework(agreements: readonly EntityRow[], framework: string, opts: { exceptChina?: boolean } = {}): Map<string, EntityRow[]> {
  const out = new Map<string, EntityRow[]>();
  for (const a of agreements.filter((x) => inFramework(x, framework) && !isObserver(x))) {
    // A party several sources name is one party: the agreement is listed once for its country.
    for (const p of new Set(all(a, 'party').filter((x) => x.startsWith('country.') && !(opts.exceptChina && x === 'country.cn')))) {
      const iso = p.slice(8).toUpperCase();
      (out.get(iso) ?? out.set(iso, []).get(iso)!).push(a);
    }
  }
  return out;
}

/** The agreements that record observer status in a framework (left out of its countries). */
export function observersOfFramework(agreements: readonly EntityRow[], framework: string): EntityRow[] {
  return agreements.filter((x) => inFramework(x, framework) && isObserver(x));
}
