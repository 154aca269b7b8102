/**
 * How far GP mean elements may move between two element sets of one object without a maneuver, per orbit
 * regime (src/orbit/regime.ts). Each allowance is a noise floor (the scatter of element sets fitted to
 * tracking data, independent of the interval) plus a natural rate times the interval (what the forces the
 * mean elements do not remove change over that time). These are this project's engineering choices, stated
 * with their reasoning; they are checked on the bundled histories (test/analytics/maneuvers) and are not taken
 * from a published maneuver-detection study.
 *
 * Semi-major axis: the expected change is the drag decay implied by the element sets' own published mean-motion
 * derivative ṅ (the average of the two, Δn = ṅ·Δt, Δa = −(2/3)·a·Δn/n). Solar activity changes drag by a factor of
 * several within weeks, so the allowance adds `dragUncertainty` times the larger of the two sets' decay over the
 * interval: the observed decay may be anywhere from 0 to 2× the predicted one (with 1.0).
 *
 * Reasoning per regime:
 *  - LEO/SSO: a floor 0.5 km, which is about 15× the change a mean-motion scatter of 1e-4 rev/day gives at
 *    500 km (0.03 km), room for fit differences between element-set producers; i floor 0.02° plus 0.15°/year
 *    (third-body forcing turns a LEO plane at a rate of order (3/4)·Σ n₃²·m₃/(m₃+m⊕)/n over Sun and Moon,
 *    7e-6 rad/day ≈ 0.15°/year at 15 rev/day, with geometric factors ≤ 1);
 *    e floor 0.001 plus 0.00002/day, which covers the J3 long-period eccentricity oscillation (amplitude about
 *    ½·(J3/J2)·(R/a)·sin i ≈ 0.0005 in LEO) and drag circularisation.
 *  - MEO (navigation constellations): no drag (the published ṅ of MEO and geosynchronous sets is a fit term and
 *    is not used); a floor 1 km; lunisolar forcing moves i by up to about 1°/year
 *    at 20,000 km altitude, hence 0.003°/day; e floor 0.0005 plus 0.00001/day.
 *  - GEO/IGSO/supersynchronous: a floor 1 km (0.013°/day of longitude drift); Earth's triaxiality (J22)
 *    accelerates the longitude of a geostationary object by up to GEO_MAX_LONGITUDE_ACCELERATION (below), which
 *    changes a by up to that acceleration divided by 1.5·n/a per day (0.13 km/day); lunisolar forcing turns the
 *    orbit plane by up to about 0.95°/year at GEO (0.0026°/day); solar radiation pressure moves e along a yearly
 *    circle of radius 1e-4 to 5e-4 (about 0.00001/day at most for ordinary area-to-mass ratios); e floor 0.0005.
 *  - HEO (Molniya, Tundra, GTO): drag at a low perigee is poorly modelled by one ṅ and lunisolar forcing is
 *    strong; a floor 20 km, i floor 0.05° plus 0.005°/day, e floor 0.002 plus 0.00005/day.
 */
import type { OrbitRegime } from '../../orbit/regime.js';

export interface RegimeThresholds {
  semiMajorAxisKm: number;
  /** Natural change of a not due to drag (GEO: triaxiality), km/day. */
  semiMajorAxisKmPerDay: number;
  /** Whether drag is modelled (LEO, HEO: the atmosphere at perigee); above LEO the published ṅ is a fit term, not decay. */
  drag: boolean;
  /** Fraction of the larger predicted drag decay allowed on either side of the average prediction. */
  dragUncertainty: number;
  inclinationDeg: number;
  inclinationDegPerDay: number;
  eccentricity: number;
  eccentricityPerDay: number;
}

const LEO: RegimeThresholds = {
  semiMajorAxisKm: 0.5, semiMajorAxisKmPerDay: 0, drag: true, dragUncertainty: 1,
  inclinationDeg: 0.02, inclinationDegPerDay: 0.15 / 365.25,
  eccentricity: 0.001, eccentricityPerDay: 0.00002,
};
const MEO: RegimeThresholds = {
  semiMajorAxisKm: 1, semiMajorAxisKmPerDay: 0, drag: false, dragUncertainty: 0,
  inclinationDeg: 0.02, inclinationDegPerDay: 0.003,
  eccentricity: 0.0005, eccentricityPerDay: 0.00001,
};
const GEOSYNCHRONOUS: RegimeThresholds = {
  semiMajorAxisKm: 1, semiMajorAxisKmPerDay: 0.13, drag: false, dragUncertainty: 0,
  inclinationDeg: 0.02, inclinationDegPerDay: 0.95 / 365.25,
  eccentricity: 0.0005, eccentricityPerDay: 0.00001,
};
const HEO: RegimeThresholds = {
  semiMajorAxisKm: 20, semiMajorAxisKmPerDay: 0, drag: true, dragUncertainty: 1,
  inclinationDeg: 0.05, inclinationDegPerDay: 0.005,
  eccentricity: 0.002, eccentricityPerDay: 0.00005,
};

/** Thresholds per regime; objects beyond Earth orbit are not compared (null). */
export const MANEUVER_THRESHOLDS: Record<OrbitRegime, RegimeThresholds | null> = {
  LEO, SSO: LEO, MEO, GEO: GEOSYNCHRONOUS, IGSO: GEOSYNCHRONOUS, SUPERSYNCHRONOUS: GEOSYNCHRONOUS, HEO, BEYOND_EARTH_ORBIT: null,
};

/**
 * Largest longitude acceleration of a geostationary object from Earth's triaxiality, deg/day²:
 * |λ̈| ≤ 18·J22·(R/a)²·ω², with J22 = 1.815e-6 (the C22/S22 amplitude of the geopotential), R = 6378.137 km,
 * a = 42,164.17 km and ω = 2π·1.0027379 rad/day, i.e. 2.96e-5 rad/day² = 0.0017 deg/day² (at 45° from the
 * stable points 75°E and 105°W).
 */
export const GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2 = 0.0017;

/** GEO longitude rules: fit-noise floors of the mean longitude and of the drift rate. */
export const GEO_LONGITUDE_THRESHOLDS = {
  /** Mean-longitude noise floor, deg (GEO element sets place an object to a few km, 0.005° per 3.7 km). */
  longitudeDeg: 0.1,
  /** Drift-rate noise floor, deg/day (about 0.8 km of semi-major axis). */
  driftDegPerDay: 0.01,
} as const;

/**
 * A GEO maneuver is called a relocation (rather than station-keeping) when the drift rate changed beyond its
 * allowance and one of the two rates is at least RELOCATION_MIN_DRIFT (station-keeping burns change the drift by a
 * few hundredths of a degree per day; a relocation drifts at tenths of a degree per day or more), or when the
 * longitude rule fired and the object moved at least RELOCATION_MIN_LONGITUDE_CHANGE (station-keeping boxes are
 * ±0.05° to ±0.1° wide). Engineering choices, stated.
 */
export const RELOCATION = { minDriftDegPerDay: 0.1, minLongitudeChangeDeg: 1 } as const;
