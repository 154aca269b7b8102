/**
 * The two bundled catalog snapshots read plainly for independent checks: fixed TLE columns and CSV header
 * names, no product parser. Each element set gets the store's id (NORAD@epoch) and its download's source id.
 */
import { csvFields, rawLines } from '../../support/raw-files.js';
import { GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../../src/services/bundled-elements.js';

export interface RawSet {
  id: string; noradId: number; objectName: string; epoch: string; epochMs: number; meanMotion: number; eccentricity: number;
  inclination: number; raan: number; argOfPericenter: number; meanAnomaly: number; meanMotionDot: number; sourceId: string;
}

/** TLE epoch (two-digit year, fractional day of year) → ISO with microseconds, as the OMM files write it. */
function tleEpoch(yy: number, day: number): { iso: string; ms: number } {
  const year = yy < 57 ? 2000 + yy : 1900 + yy;
  const micros = Math.round((day - 1) * 86_400e6);
  const ms = Date.UTC(year, 0, 1) + Math.floor(micros / 1000);
  const iso = `${new Date(ms).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
  return { iso, ms: Date.UTC(year, 0, 1) + micros / 1000 };
}

export function rawTleSets(): RawSet[] {
  const l = rawLines(TLE_SNAPSHOT_2026_05_04.file);
  const out: RawSet[] = [];
  for (let k = 0; k + 2 < l.length + 1; k += 3) {
    const [name, l1, l2] = [l[k]!, l[k + 1]!, l[k + 2]!];
    if (!l1?.startsWith('1 ') || !l2?.startsWith('2 ')) throw new Error(`unexpected TLE layout at line ${k}`);
    const noradId = Number(l1.slice(2, 7));
    const { iso, ms } = tleEpoch(Number(l1.slice(18, 20)), Number(l1.slice(20, 32)));
    out.push({ id: `${noradId}@${iso}`, noradId, objectName: name.trim(), epoch: iso, epochMs: ms,
      meanMotion: Number(l2.slice(52, 63)), eccentricity: Number(`0.${l2.slice(26, 33).trim()}`), inclination: Number(l2.slice(8, 16)),
      raan: Number(l2.slice(17, 25)), argOfPericenter: Number(l2.slice(34, 42)), meanAnomaly: Number(l2.slice(43, 51)),
      meanMotionDot: Number(l1.slice(33, 43)), sourceId: TLE_SNAPSHOT_2026_05_04.sourceId });
  }
  return out;
}

export function rawCsvSets(): RawSet[] {
  const [head, ...rows] = rawLines(GP_SNAPSHOT_2026_07_10.file);
  const h = csvFields(head!);
  const col = (name: string) => h.indexOf(name);
  return rows.map((line) => {
    const f = csvFields(line);
    const epoch = `${f[col('EPOCH')]!}Z`;
    const noradId = Number(f[col('NORAD_CAT_ID')]);
    return { id: `${noradId}@${epoch}`, noradId, objectName: f[col('OBJECT_NAME')]!, epoch, epochMs: Date.parse(epoch),
      meanMotion: Number(f[col('MEAN_MOTION')]), eccentricity: Number(f[col('ECCENTRICITY')]), inclination: Number(f[col('INCLINATION')]),
      raan: Number(f[col('RA_OF_ASC_NODE')]), argOfPericenter: Number(f[col('ARG_OF_PERICENTER')]), meanAnomaly: Number(f[col('MEAN_ANOMALY')]),
      meanMotionDot: Number(f[col('MEAN_MOTION_DOT')]), sourceId: GP_SNAPSHOT_2026_07_10.sourceId };
  });
}
