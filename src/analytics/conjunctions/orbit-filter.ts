/**
 * The apogee/perigee filter (Hoots, Crawford & Roehrich 1984): two objects can only come within D
 * of each other if their radial shells [rmin, rmax] overlap once widened by D.
 *
 * Near-Earth objects (SGP4): the shell is bounded from SGP4's own terms over the window: the
 * semi-major axis at 25 instants across the window (drag changes it as tempa²), the
 * eccentricity with its drag and long-period terms, and the short-period radius terms
 * (rl·(1 − 1.5·temp2·βl·con41) ± 0.5·temp1·(1 − θ²)), widened by 3 km (an allowance: the bound
 * is checked against SGP4 radii on a catalog sample in the tests). Deep-space objects (SDP4,
 * whose lunar-solar terms move the eccentricity) use the mean-element perigee and apogee widened by
 * 20 km and twice the decay the published mean-motion derivative implies over the window.
 */
import type { CatalogElements } from '../../orbit/batch/catalog-elements.js';
import { FIELD_INDEX as F, NEAR_EARTH_STRIDE } from '../../orbit/batch/near-earth-fields.js';
import { EARTH_EQUATORIAL_RADIUS_KM, orbitFromMeanMotion } from '../../orbit/elements.js';

export const NEAR_EARTH_MARGIN_KM = 3;
export const DEEP_SPACE_MARGIN_KM = 20;
const SEMI_MAJOR_SAMPLES = 25;
const RE_WGS72_KM = 6378.135;
const XKE = 60 / Math.sqrt((RE_WGS72_KM ** 3) / 398600.8);
const J2 = 0.001082616;

export interface RadialShell { minKm: number; maxKm: number }

export interface ShellInput { meanMotion: number; eccentricity: number; meanMotionDot: number }

/** Radius bounds (km from the Earth's centre) of catalog object i over [t0, t1] minutes from its epoch. */
export function radialShell(cat: CatalogElements, i: number, e: ShellInput, t0Min: number, t1Min: number): RadialShell {
  if (cat.nearEarth[i] === 1) return nearEarthShell(cat.coeffs, i, t0Min, t1Min);
  return meanElementShell(e, Math.abs(t1Min - t0Min) / 1440);
}

function nearEarthShell(c: Float64Array, i: number, t0: number, t1: number): RadialShell {
  const o = i * NEAR_EARTH_STRIDE;
  const cc1 = c[o + F.cc1]!, d2 = c[o + F.d2]!, d3 = c[o + F.d3]!, d4 = c[o + F.d4]!;
  const simple = c[o + F.isimp]! === 1;
  const amBase = (XKE / c[o + F.no]!) ** (2 / 3);
  const tMax = Math.max(Math.abs(t0), Math.abs(t1));
  const bstar = c[o + F.bstar]!;
  const tempeMax = Math.abs(bstar * c[o + F.cc4]!) * tMax + (simple ? 0 : 2 * Math.abs(bstar * c[o + F.cc5]!));
  const emMax = Math.min(0.999, c[o + F.ecco]! + tempeMax);
  const aycof = Math.abs(c[o + F.aycof]!), con41 = c[o + F.con41]!, x1mth2 = Math.abs(c[o + F.x1mth2]!);
  let min = Infinity, max = -Infinity;
  // tempa is a quartic in t that can turn over inside the window (orbit-raising objects with a
  // negative B*): the semi-major axis is sampled at SEMI_MAJOR_SAMPLES instants.
  for (let j = 0; j < SEMI_MAJOR_SAMPLES; j++) {
    const t = t0 + ((t1 - t0) * j) / (SEMI_MAJOR_SAMPLES - 1);
    const tempa = 1 - cc1 * t - (simple ? 0 : d2 * t * t + d3 * t * t * t + d4 * t * t * t * t);
    const am = amBase * tempa * tempa;
    const el = Math.min(0.999, emMax + aycof / (am * (1 - emMax * emMax)));
    const pl = am * (1 - el * el);
    const temp1 = (0.5 * J2) / pl;
    const temp2 = temp1 / pl;
    const shortPeriod = 0.5 * temp1 * x1mth2;
    // 1 − 1.5·temp2·βl·con41 over βl ∈ [βl(el), 1]: both ends.
    const k1 = 1 - 1.5 * temp2 * Math.sqrt(1 - el * el) * con41, k2 = 1 - 1.5 * temp2 * con41;
    const kLo = Math.min(k1, k2), kHi = Math.max(k1, k2);
    min = Math.min(min, am * (1 - el) * kLo - shortPeriod);
    max = Math.max(max, am * (1 + el) * kHi + shortPeriod);
  }
  return { minKm: min * RE_WGS72_KM - NEAR_EARTH_MARGIN_KM, maxKm: max * RE_WGS72_KM + NEAR_EARTH_MARGIN_KM };
}

/** Mean-element perigee/apogee radii over a window of `days`, widened as stated above. */
export function meanElementShell(e: ShellInput, days: number): RadialShell {
  const o = orbitFromMeanMotion(e.meanMotion, e.eccentricity);
  // a ∝ n^(-2/3): the published n-dot/2 changes n by 2·(n-dot/2)·days rev/day over the window.
  const dn = Math.abs(2 * e.meanMotionDot * days);
  const decayKm = 2 * (2 / 3) * o.semiMajorAxisKm * (dn / e.meanMotion);
  return {
    minKm: o.perigeeAltKm + EARTH_EQUATORIAL_RADIUS_KM - DEEP_SPACE_MARGIN_KM - decayKm,
    maxKm: o.apogeeAltKm + EARTH_EQUATORIAL_RADIUS_KM + DEEP_SPACE_MARGIN_KM + decayKm,
  };
}

export function shellsOverlap(a: RadialShell, b: RadialShell, thresholdKm: number): boolean {
  return a.minKm - thresholdKm <= b.maxKm && b.minKm - thresholdKm <= a.maxKm;
}
