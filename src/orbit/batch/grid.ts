/**
 * Propagation of catalog objects over a shared time grid into structure-of-arrays columns:
 * the state of object i at time k is at index i * times.length + k of each column. Near-Earth
 * objects use the engine's own SGP4 kernel; deep-space (SDP4) objects use satellite.js's sgp4.
 */
import { sgp4 } from 'satellite.js';
import { MICROS_PER_MINUTE } from '../epoch-micros.js';
import type { CatalogElements } from './catalog-elements.js';
import { propagateNearEarth, type StateColumns } from './near-earth-kernel.js';

export type { StateColumns } from './near-earth-kernel.js';

export function allocateColumns(length: number, shared = false): StateColumns {
  const make = (): Float64Array => (shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length));
  return { x: make(), y: make(), z: make(), vx: make(), vy: make(), vz: make() };
}

/** Propagates objects [from, to) over `timesMicros` (µs since 1970) into `out` (row i = object i). */
export function propagateRange(
  cat: CatalogElements, timesMicros: Float64Array, from: number, to: number, out: StateColumns,
): void {
  for (let i = from; i < to; i++) propagateObject(cat, timesMicros, i, i, out);
}

/**
 * Propagates the objects listed in `indices[from..to)` into `out`, row p holding object indices[p]:
 * how the screener propagates only the objects its filters kept.
 */
export function propagateListed(
  cat: CatalogElements, timesMicros: Float64Array, indices: Int32Array, from: number, to: number, out: StateColumns,
): void {
  for (let p = from; p < to; p++) propagateObject(cat, timesMicros, indices[p]!, p, out);
}

const tsinceScratch = { buf: new Float64Array(0) };

function propagateObject(cat: CatalogElements, timesMicros: Float64Array, i: number, row: number, out: StateColumns): void {
  const nT = timesMicros.length;
  if (tsinceScratch.buf.length !== nT) tsinceScratch.buf = new Float64Array(nT);
  const tsince = tsinceScratch.buf;
  {
    const epoch = cat.epochMicros[i]!;
    for (let k = 0; k < nT; k++) tsince[k] = (timesMicros[k]! - epoch) / MICROS_PER_MINUTE;
    const offset = row * nT;
    if (cat.initError[i] !== 0) fillNaN(out, offset, nT);
    else if (cat.nearEarth[i] === 1) propagateNearEarth(cat.coeffs, i, tsince, out, offset);
    else propagateDeepSpace(cat, i, tsince, out, offset);
  }
}

function propagateDeepSpace(cat: CatalogElements, i: number, tsince: Float64Array, out: StateColumns, offset: number): void {
  const satrec = cat.satrecs[i]!;
  for (let k = 0; k < tsince.length; k++) {
    const pv = sgp4(satrec, tsince[k]!);
    const j = offset + k;
    if (!pv) { fillNaN(out, j, 1); continue; }
    out.x[j] = pv.position.x; out.y[j] = pv.position.y; out.z[j] = pv.position.z;
    out.vx[j] = pv.velocity.x; out.vy[j] = pv.velocity.y; out.vz[j] = pv.velocity.z;
  }
}

function fillNaN(out: StateColumns, from: number, count: number): void {
  for (const col of [out.x, out.y, out.z, out.vx, out.vy, out.vz]) col.fill(NaN, from, from + count);
}
