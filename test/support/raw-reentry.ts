/**
 * An independent reading of the bundled GP files and an independent decay model, for tests of the
 * reentry watch: a minimal TLE and CSV reader (column positions and header names only), and the
 * drag decay as an exact exponential per Vallado Table 8-4 band, √(a/a0) at each band's midpoint.
 */
import { csvFields, rawLines } from './raw-files.js';

export interface Raw { norad: number; epochMs: number; n: number; e: number; ndotHalf: number }

/** 3-line TLE: name, line 1, line 2; fixed columns (NORAD 3–7, epoch 19–32, ṅ/2 34–43; e 27–33, n 53–63). */
export function readTle(file: string): Raw[] {
  const lines = rawLines(file);
  const out: Raw[] = [];
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const l1 = lines[i + 1]!; const l2 = lines[i + 2]!;
    const yy = Number(l1.slice(18, 20)); const doy = Number(l1.slice(20, 32));
    out.push({ norad: Number(l1.slice(2, 7)), epochMs: Date.UTC(yy < 57 ? 2000 + yy : 1900 + yy, 0, 1) + (doy - 1) * 864e5,
      ndotHalf: Number(l1.slice(33, 43)), e: Number(`0.${l2.slice(26, 33).trim()}`), n: Number(l2.slice(52, 63)) });
  }
  return out;
}

export function csvIds(file: string): Set<number> {
  const [head, ...rows] = rawLines(file);
  const col = csvFields(head!).indexOf('NORAD_CAT_ID');
  return new Set(rows.map((l) => Number(csvFields(l)[col])));
}

const BANDS: [number, number, number][] = [[120, 2.438e-8, 9.473], [130, 8.484e-9, 12.636], [140, 3.845e-9, 16.149], [150, 2.070e-9, 22.523], [180, 5.464e-10, 29.740],
  [200, 2.789e-10, 37.105], [250, 7.248e-11, 45.546], [300, 2.418e-11, 53.628], [350, 9.518e-12, 53.298], [400, 3.725e-12, 58.515], [450, 1.585e-12, 60.828],
  [500, 6.967e-13, 63.822], [600, 1.454e-13, 71.835], [700, 3.614e-14, 88.667], [800, 1.170e-14, 124.64], [900, 5.245e-15, 181.05], [1000, 3.019e-15, 268.0]];
const rho = (h: number) => { const b = BANDS.filter((x) => x[0] <= h).at(-1)!; return b[1] * Math.exp(-(h - b[0]) / b[2]); };

/** Reentry instant (ms) or null: ṅ > 0, perigee in (120, 1000] km. */
export function reentryMs(o: Raw): number | null {
  if (!(o.ndotHalf > 0)) return null;
  const a0 = Math.cbrt(398600.4418 / ((o.n * 2 * Math.PI) / 86400) ** 2);
  const hp = a0 * (1 - o.e) - 6378.137;
  if (!(hp > 120) || hp > 1000) return null;
  const adot = (2 / 3) * a0 * (2 * o.ndotHalf) / o.n;
  const rho0 = rho(hp);
  let days = 0;
  for (let i = 0; i < BANDS.length; i++) {
    const [hb, rb, H] = BANDS[i]!;
    const top = Math.min(BANDS[i + 1]?.[0] ?? Infinity, hp);
    if (top <= hb) break;
    const sqrtMid = Math.sqrt((a0 + ((hb + top) / 2 - hp)) / a0);
    days += (H * (Math.exp((top - hb) / H) - 1) * rho0) / (rb * adot * sqrtMid);
  }
  return o.epochMs + days * 864e5;
}

