/**
 * The SGP4 near-Earth time step (orbits with period < 225 min), written from the published
 * algorithm (Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3", sec. on
 * the sgp4 routine): secular gravity and drag, long-period periodics, Kepler's equation, short-period
 * periodics, then the TEME position and velocity. WGS-72 constants, as the reference uses.
 *
 * It runs one object over many times: the object's constants are read once into locals, the time
 * loop writes structure-of-arrays outputs and allocates nothing. Errors (eccentricity out of range,
 * negative semi-latus rectum, decayed below the Earth's surface) write NaN, where the reference
 * returns no state.
 */
import { FIELD_INDEX as F, NEAR_EARTH_STRIDE } from './near-earth-fields.js';

const TWO_PI = 2 * Math.PI;
const EARTH_RADIUS_KM = 6378.135;
const MU_KM3_S2 = 398600.8;
const XKE = 60 / Math.sqrt((EARTH_RADIUS_KM ** 3) / MU_KM3_S2);
const VKMPERSEC = (EARTH_RADIUS_KM * XKE) / 60;
const J2 = 0.001082616;
const X2O3 = 2 / 3;

/** Output columns, each indexed by `offset + k` for time k. */
export interface StateColumns {
  x: Float64Array; y: Float64Array; z: Float64Array;
  vx: Float64Array; vy: Float64Array; vz: Float64Array;
}

/** Same remainder as C's fmod (sign of the dividend), as the reference uses. */
const fmod = (a: number, b: number): number => a % b;

export function propagateNearEarth(
  coeffs: Float64Array, obj: number, tsinceMin: ArrayLike<number>, out: StateColumns, offset: number,
): void {
  const c = obj * NEAR_EARTH_STRIDE;
  const mo = coeffs[c + F.mo]!, mdot = coeffs[c + F.mdot]!, argpo = coeffs[c + F.argpo]!, argpdot = coeffs[c + F.argpdot]!;
  const nodeo = coeffs[c + F.nodeo]!, nodedot = coeffs[c + F.nodedot]!, nodecf = coeffs[c + F.nodecf]!;
  const cc1 = coeffs[c + F.cc1]!, bstar = coeffs[c + F.bstar]!, cc4 = coeffs[c + F.cc4]!, t2cof = coeffs[c + F.t2cof]!;
  const simple = coeffs[c + F.isimp]! === 1;
  const omgcof = coeffs[c + F.omgcof]!, eta = coeffs[c + F.eta]!, xmcof = coeffs[c + F.xmcof]!, delmo = coeffs[c + F.delmo]!;
  const d2 = coeffs[c + F.d2]!, d3 = coeffs[c + F.d3]!, d4 = coeffs[c + F.d4]!, cc5 = coeffs[c + F.cc5]!;
  const sinmao = coeffs[c + F.sinmao]!, t3cof = coeffs[c + F.t3cof]!, t4cof = coeffs[c + F.t4cof]!, t5cof = coeffs[c + F.t5cof]!;
  const no = coeffs[c + F.no]!, ecco = coeffs[c + F.ecco]!, inclo = coeffs[c + F.inclo]!;
  const aycof = coeffs[c + F.aycof]!, xlcof = coeffs[c + F.xlcof]!;
  const con41 = coeffs[c + F.con41]!, x1mth2 = coeffs[c + F.x1mth2]!, x7thm1 = coeffs[c + F.x7thm1]!;
  // Inclination does not change in the near-Earth theory: its trigonometry is per object.
  const sinip = Math.sin(inclo), cosip = Math.cos(inclo);
  const amBase = (XKE / no) ** X2O3;
  const { x, y, z, vx, vy, vz } = out;

  for (let k = 0; k < tsinceMin.length; k++) {
    const t = tsinceMin[k]!;
    const i = offset + k;
    // Secular effects of gravity and atmospheric drag.
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const nodedf = nodeo + nodedot * t;
    let argpm = argpdf;
    let mm = xmdf;
    const t2 = t * t;
    let nodem = nodedf + nodecf * t2;
    let tempa = 1 - cc1 * t;
    let tempe = bstar * cc4 * t;
    let templ = t2cof * t2;
    if (!simple) {
      const delomg = omgcof * t;
      const delmtemp = 1 + eta * Math.cos(xmdf);
      const delm = xmcof * (delmtemp * delmtemp * delmtemp - delmo);
      const temp = delomg + delm;
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      tempe += bstar * cc5 * (Math.sin(mm) - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    const am = amBase * tempa * tempa;
    const nm = XKE / (am * Math.sqrt(am));
    let em = ecco - tempe;
    if (em >= 1 || em < -0.001 || !(no > 0)) { fail(out, i); continue; }
    if (em < 1e-6) em = 1e-6;
    mm += no * templ;
    let xlm = mm + argpm + nodem;
    nodem = fmod(nodem, TWO_PI);
    argpm = fmod(argpm, TWO_PI);
    xlm = fmod(xlm, TWO_PI);
    mm = fmod(xlm - argpm - nodem, TWO_PI);

    // Long-period periodics.
    const ep = em;
    const axnl = ep * Math.cos(argpm);
    let temp = 1 / (am * (1 - ep * ep));
    const aynl = ep * Math.sin(argpm) + temp * aycof;
    const xl = mm + argpm + nodem + temp * xlcof * axnl;

    // Kepler's equation, Newton steps capped at 0.95 rad.
    const u = fmod(xl - nodem, TWO_PI);
    let eo1 = u;
    let tem5 = 9999.9;
    let sineo1 = 0, coseo1 = 0;
    for (let ktr = 1; Math.abs(tem5) >= 1e-12 && ktr <= 10; ktr++) {
      sineo1 = Math.sin(eo1);
      coseo1 = Math.cos(eo1);
      tem5 = 1 - coseo1 * axnl - sineo1 * aynl;
      tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
      if (Math.abs(tem5) >= 0.95) tem5 = tem5 > 0 ? 0.95 : -0.95;
      eo1 += tem5;
    }

    // Short-period periodics.
    const ecose = axnl * coseo1 + aynl * sineo1;
    const esine = axnl * sineo1 - aynl * coseo1;
    const el2 = axnl * axnl + aynl * aynl;
    const pl = am * (1 - el2);
    if (pl < 0) { fail(out, i); continue; }
    const rl = am * (1 - ecose);
    const rdotl = (Math.sqrt(am) * esine) / rl;
    const rvdotl = Math.sqrt(pl) / rl;
    const betal = Math.sqrt(1 - el2);
    temp = esine / (1 + betal);
    const sinu = (am / rl) * (sineo1 - aynl - axnl * temp);
    const cosu = (am / rl) * (coseo1 - axnl + aynl * temp);
    let su = Math.atan2(sinu, cosu);
    const sin2u = (cosu + cosu) * sinu;
    const cos2u = 1 - 2 * sinu * sinu;
    temp = 1 / pl;
    const temp1 = 0.5 * J2 * temp;
    const temp2 = temp1 * temp;
    const mrt = rl * (1 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    if (mrt < 1) { fail(out, i); continue; }
    su -= 0.25 * temp2 * x7thm1 * sin2u;
    const xnode = nodem + 1.5 * temp2 * cosip * sin2u;
    const xinc = inclo + 1.5 * temp2 * cosip * sinip * cos2u;
    const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / XKE;
    const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / XKE;

    // Orientation vectors, then TEME position (km) and velocity (km/s).
    const sinsu = Math.sin(su), cossu = Math.cos(su);
    const snod = Math.sin(xnode), cnod = Math.cos(xnode);
    const sini = Math.sin(xinc), cosi = Math.cos(xinc);
    const xmx = -snod * cosi;
    const xmy = cnod * cosi;
    const ux = xmx * sinsu + cnod * cossu;
    const uy = xmy * sinsu + snod * cossu;
    const uz = sini * sinsu;
    const wx = xmx * cossu - cnod * sinsu;
    const wy = xmy * cossu - snod * sinsu;
    const wz = sini * cossu;
    const r = mrt * EARTH_RADIUS_KM;
    x[i] = r * ux; y[i] = r * uy; z[i] = r * uz;
    vx[i] = (mvt * ux + rvdot * wx) * VKMPERSEC;
    vy[i] = (mvt * uy + rvdot * wy) * VKMPERSEC;
    vz[i] = (mvt * uz + rvdot * wz) * VKMPERSEC;
  }
}

function fail(out: StateColumns, i: number): void {
  out.x[i] = NaN; out.y[i] = NaN; out.z[i] = NaN;
  out.vx[i] = NaN; out.vy[i] = NaN; out.vz[i] = NaN;
}
