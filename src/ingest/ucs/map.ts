import type { UcsRow } from './parse.js';
import type { MappedCatalog } from '../../model/catalog-rows.js';

export function mapUcs(rows: readonly UcsRow[], sourceId: string): MappedCatalog {
  return {
    tables: {
      ucs_satellites: rows.map((r, i) => ({
        id: `${r.noradId}#${i}`, norad_id: r.noradId, name: r.name, un_registry_country: r.countryOfUnRegistry,
        operator_country: r.countryOfOperator, operator: r.operator, users: r.users, purpose: r.purpose,
        detailed_purpose: r.detailedPurpose, orbit_class: r.classOfOrbit, orbit_type: r.typeOfOrbit, perigee_km: r.perigeeKm,
        apogee_km: r.apogeeKm, inclination_deg: r.inclinationDeg, period_min: r.periodMin, launch_mass_kg: r.launchMassKg,
        launch_date: r.launchDate, contractor: r.contractor, contractor_country: r.countryOfContractor, launch_site: r.launchSite,
        launch_vehicle: r.launchVehicle, cospar: r.cospar, source_id: sourceId,
      })),
    },
  };
}
