import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGpCsv, parseTle } from '../../src/ingest/celestrak-gp/parse.js';
import { altitudeAt, propagateAt, satrecFromGpRow, satrecFromTle, stateAtMinutes } from '../../src/orbit/propagate.js';

/**
 * Golden vectors: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3",
 * AIAA 2006-6753 — TLEs from SGP4-VER.TLE and TEME states (km, km/s) from tcppver.out, the
 * reference C++ output distributed with the paper. Numbers only are copied.
 *
 * Tolerance: 1e-6 km (1 mm) in position, 1e-8 km/s in velocity. tcppver.out prints positions to
 * 1e-8 km and velocities to 1e-9 km/s; satellite.js is a port of the same Vallado SGP4/SDP4 code
 * with the same WGS-72 constants, so agreement should be at the print-rounding level (it is, ~1e-8).
 * The margin only absorbs floating-point reordering; any modelling or porting error shows up at the
 * metre-to-kilometre level (SGP4's own accuracy is ~1 km), far outside it.
 */
const POS_TOL_KM = 1e-6;
const VEL_TOL_KMS = 1e-8;

type Vec = [number, number, number];
interface Golden {
  name: string;
  line1: string;
  line2: string;
  /** [tsince min, position km, velocity km/s] */
  states: [number, Vec, Vec][];
}

const GOLDEN: Golden[] = [
  {
    name: '00005 (TEME example, e = 0.186)',
    line1: '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753',
    line2: '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667',
    states: [
      [0, [7022.46529266, -1400.08296755, 0.03995155], [1.893841015, 6.405893759, 4.53480725]],
      [360, [-7154.03120202, -3783.17682504, -3536.19412294], [4.741887409, -4.151817765, -2.093935425]],
      [720, [-7134.59340119, 6531.68641334, 3260.27186483], [-4.113793027, -2.911922039, -2.557327851]],
      [4320, [-9060.47373569, 4658.70952502, 813.68673153], [-2.232832783, -4.11045349, -3.157345433]],
    ],
  },
  {
    name: '06251 (near Earth, moderate drag)',
    line1: '1 06251U 62025E   06176.82412014  .00008885  00000-0  12808-3 0  3985',
    line2: '2 06251  58.0579  54.0425 0030035 139.1568 221.1854 15.56387291  6774',
    states: [
      [0, [3988.31022699, 5498.96657235, 0.90055879], [-3.290032738, 2.35765282, 6.496623475]],
      [2880, [1159.27802897, 5056.60175495, 4353.49418579], [-5.968060341, -2.314790406, 4.230722669]],
    ],
  },
  {
    name: '08195 (Molniya, deep space 12 h resonant)',
    line1: '1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813',
    line2: '2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656',
    states: [
      [0, [2349.8948335, -14785.93811562, 0.02119378], [2.721488096, -3.256811655, 4.498416672]],
      [2880, [3417.20931586, -16038.79510665, 1894.74934058], [2.585515864, -2.596818146, 4.456882556]],
    ],
  },
];

const dist = (a: { x: number; y: number; z: number }, b: Vec): number => Math.hypot(a.x - b[0], a.y - b[1], a.z - b[2]);

describe('SGP4 verification vectors (AIAA 2006-6753)', () => {
  for (const g of GOLDEN) {
    it.each(g.states)(`${g.name} at tsince %d min`, (tsince, pos, vel) => {
      const st = stateAtMinutes(satrecFromTle(g.line1, g.line2), tsince);
      expect(st).not.toBeNull();
      expect(dist(st!.positionKm, pos)).toBeLessThan(POS_TOL_KM);
      expect(dist(st!.velocityKmS, vel)).toBeLessThan(VEL_TOL_KMS);
    });
  }

  it('our TLE parser reads the verification set as satellite.js does', () => {
    const tle = `VANGUARD 1\n${GOLDEN[0]!.line1}\n${GOLDEN[0]!.line2}\n`;
    const row = parseTle(tle, 'ver.tle').rows[0]!;
    expect(row).toMatchObject({ noradId: 5, objectId: '1958-002B', epoch: '2000-06-27T18:50:19.733568Z', bstar: 0.28098e-4 });
    const st = stateAtMinutes(satrecFromGpRow(row), 360)!;
    expect(dist(st.positionKm, GOLDEN[0]!.states[1]![1])).toBeLessThan(POS_TOL_KM);
  });
});

describe('geodetic altitude', () => {
  const gp = parseGpCsv(readFileSync(new URL('../fixtures/celestrak-gp/gp-sample.csv', import.meta.url), 'utf8'), 'gp');
  const tle = parseTle(readFileSync(new URL('../fixtures/celestrak-gp/tle-sample.txt', import.meta.url), 'utf8'), 'tle');

  it('ISS and Tiangong (CSS) fly at 370–440 km, from OMM elements and from TLE lines', () => {
    for (const row of [...gp.rows, ...tle.rows].filter((r) => r.noradId === 25544 || r.noradId === 48274)) {
      const sat = satrecFromGpRow(row);
      for (const minutes of [0, 30, 60]) {
        const alt = altitudeAt(sat, new Date(Date.parse(row.epoch) + minutes * 60_000));
        expect(alt).not.toBeNull();
        expect(alt!).toBeGreaterThan(370);
        expect(alt!).toBeLessThan(440);
      }
    }
  });

  it('TJS-1 (GEO) stays near 35,786 km and near the equator', () => {
    const row = gp.rows.find((r) => r.objectName === 'TJS-1')!;
    const r = propagateAt(satrecFromGpRow(row), new Date(row.epoch));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Math.abs(r.state.altitudeKm - 35786)).toBeLessThan(50);
      expect(Math.abs(r.state.latitudeDeg)).toBeLessThan(1);
    }
  });

  it('reports an SGP4 failure instead of a position for a decayed object', () => {
    // SGP4-VER.TLE case 28872: sub-orbital MINOTAUR R/B, "lost in 50 minutes" (epoch 2005-11-29 00:28:58 UTC).
    const sat = satrecFromTle(
      '1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534',
      '2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708',
    );
    const epochMs = Date.UTC(2005, 10, 29) + 0.02012661 * 86_400_000;
    expect(propagateAt(sat, new Date(epochMs)).ok).toBe(true);
    expect(propagateAt(sat, new Date(epochMs + 60 * 60_000))).toEqual({ ok: false, error: 'SGP4 error code 6' });
    expect(altitudeAt(sat, new Date(epochMs + 55 * 60_000))).toBeNull();
  });
});
