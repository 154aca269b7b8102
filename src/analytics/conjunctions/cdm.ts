/**
 * Conjunction Data Messages in KVN (CCSDS 508.0-B-1): one message per event, and a reader that
 * parses a KVN CDM back into its header, relative-metadata and two object sections.
 *
 * What the message can and cannot say here: the states come from SGP4 on public GP element sets,
 * which carry no covariance. The standard requires the 6×6 RTN covariance keywords; they are
 * written as 0 and a COMMENT in each object section says they are not available. No collision
 * probability is given (it needs covariance). REF_FRAME is ITRF, approximated by the
 * pseudo-Earth-fixed frame (teme-to-pef.ts states the approximation).
 */
import { epochMicros } from '../../orbit/epoch-micros.js';
import { temeToPef } from '../../orbit/teme-to-pef.js';
import type { ConjunctionEvent, EventObject } from './types.js';

export interface CdmHeader {
  creationDate: string;
  originator: string;
  messageId: string;
}

const COVARIANCE_KEYS = [
  'CR_R', 'CT_R', 'CT_T', 'CN_R', 'CN_T', 'CN_N', 'CRDOT_R', 'CRDOT_T', 'CRDOT_N', 'CRDOT_RDOT',
  'CTDOT_R', 'CTDOT_T', 'CTDOT_N', 'CTDOT_RDOT', 'CTDOT_TDOT', 'CNDOT_R', 'CNDOT_T', 'CNDOT_N',
  'CNDOT_RDOT', 'CNDOT_TDOT', 'CNDOT_NDOT',
] as const;

/** KVN epochs: YYYY-MM-DDThh:mm:ss.ffffff (UTC, no zone letter). */
const kvnTime = (iso: string): string => iso.replace(/Z$/, '');
const num = (v: number, digits: number): string => v.toFixed(digits);

export function cdmFileName(ev: ConjunctionEvent): string {
  return `cdm_${ev.primary.noradId}_${ev.secondary.noradId}_${ev.tca.replace(/[-:]/g, '').split('.')[0]}.kvn`;
}

export function writeCdm(ev: ConjunctionEvent, header: CdmHeader): string {
  const lines: string[] = [
    'CCSDS_CDM_VERS = 1.0',
    `CREATION_DATE = ${kvnTime(header.creationDate)}`,
    `ORIGINATOR = ${header.originator}`,
    `MESSAGE_FOR = ${ev.primary.objectName}`,
    `MESSAGE_ID = ${header.messageId}`,
    'COMMENT Screening by SGP4/SDP4 on public GP element sets; miss distance and TCA only as good as those element sets.',
    `TCA = ${kvnTime(ev.tca)}`,
    `MISS_DISTANCE = ${num(ev.missDistanceKm * 1000, 1)} [m]`,
    `RELATIVE_SPEED = ${num(ev.relativeSpeedKmS * 1000, 2)} [m/s]`,
    `RELATIVE_POSITION_R = ${num(ev.relativePositionRtnKm.r * 1000, 1)} [m]`,
    `RELATIVE_POSITION_T = ${num(ev.relativePositionRtnKm.t * 1000, 1)} [m]`,
    `RELATIVE_POSITION_N = ${num(ev.relativePositionRtnKm.n * 1000, 1)} [m]`,
    `RELATIVE_VELOCITY_R = ${num(ev.relativeVelocityRtnKmS.r * 1000, 3)} [m/s]`,
    `RELATIVE_VELOCITY_T = ${num(ev.relativeVelocityRtnKmS.t * 1000, 3)} [m/s]`,
    `RELATIVE_VELOCITY_N = ${num(ev.relativeVelocityRtnKmS.n * 1000, 3)} [m/s]`,
  ];
  lines.push(...objectSection('OBJECT1', ev.primary, ev.tca), ...objectSection('OBJECT2', ev.secondary, ev.tca));
  return `${lines.join('\n')}\n`;
}

function objectSection(label: 'OBJECT1' | 'OBJECT2', o: EventObject, tca: string): string[] {
  const pef = temeToPef([...o.positionKm, ...o.velocityKmS], epochMicros(tca));
  return [
    `OBJECT = ${label}`,
    `OBJECT_DESIGNATOR = ${o.noradId}`,
    'CATALOG_NAME = SATCAT',
    `OBJECT_NAME = ${o.objectName}`,
    `INTERNATIONAL_DESIGNATOR = ${o.objectId ?? 'UNKNOWN'}`,
    'EPHEMERIS_NAME = NONE',
    'COVARIANCE_METHOD = DEFAULT',
    'MANEUVERABLE = N/A',
    'REF_FRAME = ITRF',
    `COMMENT Element set epoch ${kvnTime(o.elementEpoch)} from ${o.elementSourceId}; age at TCA ${o.elementAgeDays.toFixed(3)} d`,
    'COMMENT State: SGP4 TEME rotated to pseudo-Earth-fixed (polar motion and UT1-UTC neglected)',
    `X = ${num(pef[0], 6)} [km]`, `Y = ${num(pef[1], 6)} [km]`, `Z = ${num(pef[2], 6)} [km]`,
    `X_DOT = ${num(pef[3], 9)} [km/s]`, `Y_DOT = ${num(pef[4], 9)} [km/s]`, `Z_DOT = ${num(pef[5], 9)} [km/s]`,
    'COMMENT Covariance not available: GP element sets carry none; the required keywords are written as 0',
    ...COVARIANCE_KEYS.map((k) => `${k} = 0.0 [${k.includes('DOT_') && k.split('_')[1]!.includes('DOT') ? 'm**2/s**2' : k.includes('DOT') ? 'm**2/s' : 'm**2'}]`),
  ];
}

export interface ParsedCdm {
  header: Record<string, string>;
  relative: Record<string, string>;
  objects: Record<string, string>[];
  comments: string[];
}

const KVN_KEY = /^[A-Z0-9_]+$/;

/** KEY = value [unit] of one trimmed line (the unit dropped), or null; split by hand, not by one backtracking pattern. */
function kvnLine(line: string): [key: string, value: string] | null {
  const eq = line.indexOf('=');
  if (eq < 0) return null;
  const key = line.slice(0, eq).trim();
  if (!KVN_KEY.test(key)) return null;
  let value = line.slice(eq + 1).trim();
  const unit = value.endsWith(']') ? value.lastIndexOf('[') : -1;
  if (unit >= 0) value = value.slice(0, unit).trim();
  return [key, value];
}
const HEADER_KEYS = new Set(['CCSDS_CDM_VERS', 'CREATION_DATE', 'ORIGINATOR', 'MESSAGE_FOR', 'MESSAGE_ID']);

/** Parses a KVN CDM; throws on a line that is neither blank, COMMENT nor KEY = value [unit]. */
export function parseCdm(text: string): ParsedCdm {
  const out: ParsedCdm = { header: {}, relative: {}, objects: [], comments: [] };
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('COMMENT')) { out.comments.push(line.slice(7).trim()); return; }
    const m = kvnLine(line);
    if (!m) throw new Error(`CDM line ${n + 1} is not KEY = value: ${JSON.stringify(line)}`);
    const [key, value] = m;
    if (key === 'OBJECT') { out.objects.push({ OBJECT: value }); return; }
    const section = out.objects.length > 0 ? out.objects[out.objects.length - 1]! : HEADER_KEYS.has(key) ? out.header : out.relative;
    if (key in section) throw new Error(`CDM line ${n + 1}: ${key} given twice in one section`);
    section[key] = value;
  });
  if (out.header.CCSDS_CDM_VERS === undefined) throw new Error('not a CDM: CCSDS_CDM_VERS missing');
  if (out.objects.length !== 2) throw new Error(`a CDM has two object sections, found ${out.objects.length}`);
  return out;
}
