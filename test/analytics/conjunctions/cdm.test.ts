import { beforeAll, describe, expect, it } from 'vitest';
import { screenConjunctions } from '../../../src/analytics/conjunctions/screen.js';
import { cdmFileName, parseCdm, writeCdm } from '../../../src/analytics/conjunctions/cdm.js';
import type { ConjunctionEvent } from '../../../src/analytics/conjunctions/types.js';
import { epochMicros } from '../../../src/orbit/epoch-micros.js';
import { temeToPef } from '../../../src/orbit/teme-to-pef.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../../../src/services/bundled-elements.js';

let events: ConjunctionEvent[];
beforeAll(async () => {
  const rows = bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => ({ ...r, elementSourceId: GP_SNAPSHOT_2026_07_10.sourceId }));
  events = (await screenConjunctions(rows, [48274], { startMicros: epochMicros('2026-07-10T00:00:00Z'), days: 7, thresholdKm: 5 })).events;
}, 120_000);

const header = { creationDate: '2026-12-06T05:00:00.000000Z', originator: 'REDSHIFT-MONITOR', messageId: 'test-1' };
const value = (s: string | undefined): number => Number(s);

describe('CCSDS CDM (KVN) export', () => {
  it('writes a message per event that parses back to the event', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const ev of events) {
      const cdm = parseCdm(writeCdm(ev, header));
      expect(cdm.header).toMatchObject({ CCSDS_CDM_VERS: '1.0', ORIGINATOR: 'REDSHIFT-MONITOR', MESSAGE_ID: 'test-1', CREATION_DATE: '2026-12-06T05:00:00.000000' });
      expect(`${cdm.relative.TCA}Z`).toBe(ev.tca);
      expect(value(cdm.relative.MISS_DISTANCE)).toBeCloseTo(ev.missDistanceKm * 1000, 1);
      expect(value(cdm.relative.RELATIVE_SPEED)).toBeCloseTo(ev.relativeSpeedKmS * 1000, 2);
      expect(value(cdm.relative.RELATIVE_POSITION_T)).toBeCloseTo(ev.relativePositionRtnKm.t * 1000, 1);
      expect(value(cdm.relative.RELATIVE_VELOCITY_N)).toBeCloseTo(ev.relativeVelocityRtnKmS.n * 1000, 3);
      const [o1, o2] = cdm.objects as [Record<string, string>, Record<string, string>];
      expect(o1.OBJECT).toBe('OBJECT1');
      expect(o1.OBJECT_DESIGNATOR).toBe(String(ev.primary.noradId));
      expect(o2.OBJECT_NAME).toBe(ev.secondary.objectName);
      expect(o2.INTERNATIONAL_DESIGNATOR).toBe(ev.secondary.objectId ?? 'UNKNOWN');
      expect(o1.REF_FRAME).toBe('ITRF');
      expect(Object.keys(o1).filter((k) => /^C[RTN](DOT)?_/.test(k))).toHaveLength(21);
      // The Earth-fixed states keep the miss distance (a rotation preserves lengths).
      const pos = (o: Record<string, string>) => [value(o.X), value(o.Y), value(o.Z)];
      const [a, b] = [pos(o1), pos(o2)];
      expect(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!)).toBeCloseTo(ev.missDistanceKm, 4);
      expect(cdm.comments.some((c) => c.includes('Covariance not available'))).toBe(true);
      expect(cdmFileName(ev)).toMatch(/^cdm_48274_\d+_\d{8}T\d{6}\.kvn$/);
    }
  });

  it('rotates TEME into the Earth-fixed frame by the sidereal angle, keeping radius and z', () => {
    const s = [7000, 100, 200, 0.1, 7.5, 1] as const;
    const t = epochMicros('2026-07-10T06:00:00Z');
    const p = temeToPef(s, t);
    expect(Math.hypot(p[0], p[1], p[2])).toBeCloseTo(Math.hypot(s[0], s[1], s[2]), 9);
    expect(p[2]).toBe(200);
    // Earth-fixed speed = inertial speed minus the frame's rotation (ω × r) in the equatorial plane.
    expect(Math.hypot(p[3], p[4])).toBeLessThan(Math.hypot(s[3], s[4]));
  });

  it('refuses text that is not a CDM', () => {
    expect(() => parseCdm('CCSDS_OPM_VERS = 2.0\n')).toThrow(/CCSDS_CDM_VERS/);
    expect(() => parseCdm('CCSDS_CDM_VERS = 1.0\nnot a kvn line\n')).toThrow(/line 2/);
    expect(() => parseCdm('CCSDS_CDM_VERS = 1.0\nOBJECT = OBJECT1\n')).toThrow(/two object sections/);
  });
});
