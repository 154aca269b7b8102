/**
 * Tiangong now: the station's orbit from its newest element set (altitude propagated
 * to the requested time), and the catalogued objects sharing its orbit (docked or
 * co-orbiting vehicles): same plane and altitude within stated tolerances.
 */
import type { SnapshotObject, SnapshotInfo } from '../model/catalog-records.js';
import { orbitFromMeanMotion } from '../orbit/elements.js';
import { satrecFromGpRow, propagateAt } from '../orbit/propagate.js';
import type { GpRow } from '../model/gp-elements.js';

/** CelesTrak names the core module "CSS (TIANHE)". */
export const STATION_NAME = /\bCSS \(TIANHE\)|^TIANHE\b/;
/** Beyond this epoch age SGP4 errors grow to kilometres a day for a station under drag, so no "now" altitude is given. */
export const MAX_PROPAGATION_DAYS = 7;
/** Co-orbiting: semi-major axis within 10 km, inclination within 0.1°, node within 1°. */
export const CO_ORBIT = { semiMajorAxisKm: 10, inclinationDeg: 0.1, raanDeg: 1 } as const;

export interface TiangongNow {
  snapshot: SnapshotInfo;
  station: {
    noradId: number; objectName: string; epoch: string; epochAgeHours: number; at: string;
    /** Altitude at the requested time; null when the element set is older than MAX_PROPAGATION_DAYS. */
    altitudeKm: number | null; altitudeAtEpochKm: number | null; perigeeKm: number; apogeeKm: number; inclinationDeg: number; periodMin: number; propagationError: string | null;
  } | null;
  coOrbiting: { noradId: number; objectName: string; epoch: string; deltaSemiMajorAxisKm: number }[];
  tolerances: typeof CO_ORBIT;
  note: string;
}

function asGpRow(o: SnapshotObject): GpRow {
  return {
    noradId: o.noradId, objectName: o.objectName, objectId: o.objectId, epoch: o.epoch, meanMotion: o.meanMotion, eccentricity: o.eccentricity,
    inclination: o.inclination, raan: o.raan, argOfPericenter: o.argOfPericenter, meanAnomaly: o.meanAnomaly, bstar: o.bstar,
    meanMotionDot: o.meanMotionDot, meanMotionDdot: o.meanMotionDdot, elementSetNo: 0, revAtEpoch: 0, classification: 'U', ephemerisType: 0,
    ...(o.line1 && o.line2 ? { line1: o.line1, line2: o.line2 } : {}),
  };
}

const angleDiff = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

/** Why the altitude is not propagated to the requested time: the element set is too old for it, or from after it. */
function propagationRefusal(ageDays: number, at: Date, epoch: string): string {
  const days = Math.round(Math.abs(ageDays));
  return ageDays > 0
    ? `element set is ${days} days old (more than ${MAX_PROPAGATION_DAYS}); ingest a newer GP snapshot for the current altitude`
    : `the requested time ${at.toISOString()} is ${days} days before the element set's epoch ${epoch} (more than ${MAX_PROPAGATION_DAYS}); ask with asOf for the snapshot of that time`;
}

export function tiangongNow(objects: readonly SnapshotObject[], snapshot: SnapshotInfo, at: Date): TiangongNow {
  const station = objects.find((o) => STATION_NAME.test(o.objectName));
  const note = `Altitude is SGP4-propagated from the newest element set: to the requested time when the set is at most ${MAX_PROPAGATION_DAYS} days old, and always to its own epoch.`;
  if (!station) return { snapshot, station: null, coOrbiting: [], tolerances: CO_ORBIT, note: `No object named like ${STATION_NAME} in snapshot ${snapshot.id}.` };
  const g = orbitFromMeanMotion(station.meanMotion, station.eccentricity);
  const satrec = satrecFromGpRow(asGpRow(station));
  const ageDays = (at.getTime() - Date.parse(station.epoch)) / 864e5;
  const prop = Math.abs(ageDays) <= MAX_PROPAGATION_DAYS ? propagateAt(satrec, at) : { ok: false as const, error: propagationRefusal(ageDays, at, station.epoch) };
  const atEpoch = propagateAt(satrec, new Date(Date.parse(station.epoch)));
  const coOrbiting = objects
    .filter((o) => o.noradId !== station.noradId)
    .map((o) => ({ o, da: orbitFromMeanMotion(o.meanMotion, o.eccentricity).semiMajorAxisKm - g.semiMajorAxisKm }))
    .filter(({ o, da }) => Math.abs(da) <= CO_ORBIT.semiMajorAxisKm && Math.abs(o.inclination - station.inclination) <= CO_ORBIT.inclinationDeg && angleDiff(o.raan, station.raan) <= CO_ORBIT.raanDeg)
    .map(({ o, da }) => ({ noradId: o.noradId, objectName: o.objectName, epoch: o.epoch, deltaSemiMajorAxisKm: Math.round(da * 10) / 10 }))
    .sort((a, b) => a.objectName.localeCompare(b.objectName));
  return {
    snapshot,
    station: {
      noradId: station.noradId, objectName: station.objectName, epoch: station.epoch,
      epochAgeHours: Math.round(((at.getTime() - Date.parse(station.epoch)) / 36e5) * 10) / 10, at: at.toISOString(),
      altitudeKm: prop.ok ? Math.round(prop.state.altitudeKm * 10) / 10 : null,
      altitudeAtEpochKm: atEpoch.ok ? Math.round(atEpoch.state.altitudeKm * 10) / 10 : null,
      perigeeKm: Math.round(g.perigeeAltKm * 10) / 10, apogeeKm: Math.round(g.apogeeAltKm * 10) / 10,
      inclinationDeg: station.inclination, periodMin: Math.round(g.periodMin * 100) / 100,
      propagationError: prop.ok ? null : prop.error,
    },
    coOrbiting, tolerances: CO_ORBIT, note,
  };
}
