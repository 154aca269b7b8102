/**
 * Crews and cargo to the China Space Station: Shenzhou (crewed) and Tianzhou (cargo)
 * launches on or after the launch of its core module Tianhe, from the GCAT launch log.
 * Earlier Shenzhou and Tianzhou flights went to Tiangong-1 or Tiangong-2 (or flew alone)
 * and are not visits to the station.
 */

import type { LaunchPayload } from '../model/catalog-records.js';

export interface StationVisit {
  launchTag: string; launchDate: string; name: string; vehicle: 'Shenzhou' | 'Tianzhou'; role: 'crew' | 'cargo';
  noradId: number | null; sourceId: string;
}

export interface StationVisits {
  definition: string;
  /** Tianhe's launch in the launch log (the start of the station), or null when it is not there. */
  coreModuleLaunch: string | null;
  coverageEnd: string | null;
  visits: StationVisit[];
}

/** GCAT names the core module "Tianhe"; crew and cargo ships "Shenzhou 12", "Tianzhou-2". */
export const CORE_MODULE_NAME = 'Tianhe';
export const VISITOR_NAME = /^(Shenzhou|Tianzhou)[ -](\d+)$/;

/** `payloads`: the launch-log objects of Chinese launch vehicles. */
export function stationVisits(payloads: readonly LaunchPayload[], coverageEnd: string | null): StationVisits {
  const core = payloads.filter((p) => p.name === CORE_MODULE_NAME && p.satType?.startsWith('P')).map((p) => p.launchDate).sort()[0] ?? null;
  const definition = `Shenzhou (crew) and Tianzhou (cargo) launches on or after the launch of the core module Tianhe${core ? ` (${core.slice(0, 10)})` : ''}, `
    + `one per launch, from the GCAT launch log${coverageEnd ? ` (to ${coverageEnd}: later launches to the station are not in it and not counted)` : ''}; `
    + 'earlier flights went to Tiangong-1 or Tiangong-2.';
  if (!core) return { definition, coreModuleLaunch: null, coverageEnd, visits: [] };
  const byTag = new Map<string, StationVisit>();
  for (const p of payloads) {
    const m = VISITOR_NAME.exec(p.name ?? '');
    if (!m || !p.satType?.startsWith('P') || p.launchDate < core || byTag.has(p.launchTag)) continue;
    const vehicle = m[1] as 'Shenzhou' | 'Tianzhou';
    byTag.set(p.launchTag, {
      launchTag: p.launchTag, launchDate: p.launchDate, name: `${vehicle}-${m[2]}`, vehicle, role: vehicle === 'Shenzhou' ? 'crew' : 'cargo',
      noradId: p.noradId, sourceId: p.sourceId,
    });
  }
  return { definition, coreModuleLaunch: core, coverageEnd, visits: [...byTag.values()].sort((a, b) => a.launchDate.localeCompare(b.launchDate)) };
}
