/**
 * The reentry watch over one catalog snapshot: every object whose element set shows decay (ṅ > 0)
 * and whose modelled reentry (decay-model.ts) falls before the snapshot date plus the horizon, with
 * a window, the element sets used and their ages, and flags for Chinese rocket bodies and large
 * objects (SATCAT RCS only; without one the size is unknown).
 */
import { ageReferenceMs, ELEMENT_SET_AGE_DEFINITION } from '../element-set-age.js';
import { decayEstimate } from './decay-model.js';
import { ATMOSPHERE_SOURCE } from './exponential-atmosphere.js';
import { REENTRY_ALTITUDE_KM, MAX_MODEL_PERIGEE_KM } from './decay-model.js';
import type { ReentryCandidate, ReentryFlag, ReentryInput, ReentryWatch, SizeClass } from './types.js';
import { EARTH_EQUATORIAL_RADIUS_KM } from '../../orbit/elements.js';

const DAY_MS = 86_400_000;
/** The window: central estimate × [WINDOW_LOW, WINDOW_HIGH] of the remaining time from the epoch. */
export const WINDOW_LOW = 0.5;
export const WINDOW_HIGH = 2;
/** RCS at or above this (m²) is "large" (this product's threshold). */
export const LARGE_RCS_M2 = 1;
export const ECCENTRIC_LIMIT = 0.01;
export const STALE_DAYS = 7;
/** Shortest gap between two element sets whose mean-motion difference is read as a rate (days). */
export const MIN_HISTORY_GAP_DAYS = 0.5;

export const REENTRY_DEFINITION = 'Objects of the snapshot whose element set shows decay (published mean-motion derivative ṅ/2 > 0) '
  + `and whose modelled reentry (perigee down to ${REENTRY_ALTITUDE_KM} km) falls before the snapshot date plus the horizon. `
  + `Window: the remaining time from the element set's epoch × ${WINDOW_LOW} to × ${WINDOW_HIGH} (an allowance chosen by this product, not a confidence interval). `
  + `Chinese rocket body: country CN and kind rocket-body by the attribution rules (SATCAT owner, GCAT, UCS, name rules). `
  + `Large: CelesTrak SATCAT radar cross-section ≥ ${LARGE_RCS_M2} m² (this product's threshold); objects without an RCS in the stored SATCAT are size "unknown".`;

export const REENTRY_METHOD = 'Circular-orbit drag decay fitted to the element set\'s mean-motion rate: ȧ = −(2/3)·a·ṅ/n at the epoch, '
  + 'scaled down the orbit by the density ratio of a static exponential atmosphere and √(a/a0) (da/dt = −ρ·(C_D·A/m)·√(μa), '
  + `so the unknown ballistic coefficient and today's absolute density cancel), integrated in 1 km steps of perigee height from the epoch to ${REENTRY_ALTITUDE_KM} km. `
  + `Density ratios: ${ATMOSPHERE_SOURCE}. Objects with perigee above ${MAX_MODEL_PERIGEE_KM} km are not modelled. `
  + 'Where the store holds an earlier element set of the object, the mean-motion change per day between the two is given and the model is run on it too.';

export const REENTRY_LIMITS = 'Ignores changes of solar and geomagnetic activity (the density is held at the ratio the element set\'s rate implies), '
  + 'attitude and lift, manoeuvres (a satellite that reboosts or lowers itself is not predicted: most active satellites in low orbit keep their altitude), '
  + 'the noise of the fitted ṅ, and SGP4\'s limits (GP mean elements, no covariance). The estimate counts from the element set\'s epoch: an old element set '
  + `gives an old estimate (its age is given). ${ELEMENT_SET_AGE_DEFINITION} Eccentric orbits are treated as circular at perigee, which shortens the estimate. `
  + 'Not a substitute for reentry predictions from tracking (e.g. Aerospace\'s or Space-Track\'s TIP messages).';

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

export function sizeClassOf(rcsM2: number | null): SizeClass {
  return rcsM2 === null ? 'unknown' : rcsM2 >= LARGE_RCS_M2 ? 'large' : 'not-large';
}

/**
 * The model's central reentry instant (ms since 1970) for an element set, or null when it shows no decay
 * or is out of the model's range. A caller that only asks whether it comes before `untilMs` gets
 * Infinity for one that comes after (the integration stops there); an instant before it is exact.
 */
export function modelledReentryMs(e: Pick<ReentryInput, 'epoch' | 'meanMotion' | 'eccentricity' | 'meanMotionDot'>, untilMs = Infinity): number | null {
  const epochMs = Date.parse(e.epoch);
  const est = decayEstimate({ meanMotion: e.meanMotion, eccentricity: e.eccentricity, meanMotionRate: 2 * e.meanMotionDot }, (untilMs - epochMs) / DAY_MS);
  if (est.beyond) return Infinity;
  return est.remainingDays === null ? null : epochMs + est.remainingDays * DAY_MS;
}

export function reentryWatch(objects: readonly ReentryInput[], asOf: string, horizonDays: number): ReentryWatch {
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const ageRefMs = ageReferenceMs(asOf);
  const endMs = asOfMs + horizonDays * DAY_MS;
  const candidates: ReentryCandidate[] = [];
  let decaying = 0;
  let modelled = 0;
  for (const o of objects) {
    if (!(o.meanMotionDot > 0)) continue;
    decaying++;
    const epochMs = Date.parse(o.epoch);
    // Only estimates that end before the horizon are kept: the integration stops past it.
    const est = decayEstimate({ meanMotion: o.meanMotion, eccentricity: o.eccentricity, meanMotionRate: 2 * o.meanMotionDot }, (endMs - epochMs) / DAY_MS);
    if (est.remainingDays === null && !est.beyond) continue;
    modelled++;
    if (est.remainingDays === null) continue;
    const centralMs = epochMs + est.remainingDays * DAY_MS;
    if (centralMs > endMs) continue;
    const flags: ReentryFlag[] = [];
    if (o.eccentricity > ECCENTRIC_LIMIT) flags.push('eccentric-orbit');
    const ageDays = (ageRefMs - epochMs) / DAY_MS;
    if (ageDays > STALE_DAYS) flags.push('old-element-set');
    if (ageDays < 0) flags.push('epoch-after-snapshot-date');
    if (centralMs < asOfMs) flags.push('estimate-before-snapshot');
    let previousElementSet: ReentryCandidate['previousElementSet'] = null;
    let reentryFromHistory: ReentryCandidate['reentryFromHistory'] = null;
    const gapDays = o.previous ? (epochMs - Date.parse(o.previous.epoch)) / DAY_MS : 0;
    if (o.previous && gapDays >= MIN_HISTORY_GAP_DAYS) {
      const observed = (o.meanMotion - o.previous.meanMotion) / gapDays;
      previousElementSet = { epoch: o.previous.epoch, sourceId: o.previous.elementSourceId, meanMotion: o.previous.meanMotion, observedMeanMotionRate: observed };
      if (observed < o.meanMotionDot) flags.push('history-slower-than-rate'); // observed ṅ < half of 2·(ṅ/2)
      const hist = decayEstimate({ meanMotion: o.meanMotion, eccentricity: o.eccentricity, meanMotionRate: observed });
      if (hist.remainingDays !== null) reentryFromHistory = { central: isoDay(epochMs + hist.remainingDays * DAY_MS), daysFromEpoch: hist.remainingDays };
    }
    const apogeeKm = est.semiMajorAxisKm * (1 + o.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM;
    candidates.push({
      noradId: o.noradId, objectName: o.objectName, objectId: o.objectId, country: o.country, kind: o.kind,
      chineseRocketBody: o.country === 'CN' && o.kind === 'rocket-body', rcsM2: o.rcsM2, sizeClass: sizeClassOf(o.rcsM2),
      elementSet: {
        epoch: o.epoch, sourceId: o.elementSourceId, ageDays, meanMotion: o.meanMotion, eccentricity: o.eccentricity,
        meanMotionDot: o.meanMotionDot, bstar: o.bstar, perigeeKm: est.perigeeKm, apogeeKm, semiMajorAxisRateKmDay: est.semiMajorAxisRateKmDay,
      },
      previousElementSet,
      reentry: {
        central: isoDay(centralMs), earliest: isoDay(epochMs + est.remainingDays * WINDOW_LOW * DAY_MS),
        latest: isoDay(epochMs + est.remainingDays * WINDOW_HIGH * DAY_MS), daysFromEpoch: est.remainingDays,
      },
      reentryFromHistory,
      flags,
    });
  }
  candidates.sort((a, b) => a.reentry.central.localeCompare(b.reentry.central) || a.noradId - b.noradId);
  return {
    asOf, horizonDays, candidates,
    counts: {
      objects: objects.length, decaying, modelled, candidates: candidates.length,
      chineseRocketBodies: candidates.filter((c) => c.chineseRocketBody).length,
      large: candidates.filter((c) => c.sizeClass === 'large').length,
      sizeUnknown: candidates.filter((c) => c.sizeClass === 'unknown').length,
    },
    definition: REENTRY_DEFINITION, method: REENTRY_METHOD, limits: REENTRY_LIMITS,
  };
}
