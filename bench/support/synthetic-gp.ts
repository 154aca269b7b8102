/**
 * SYNTHETIC GP rows for the benchmarks: a row of the bundled 2026-07-10 GP CSV with its epoch moved by
 * some days and its mean anomaly advanced by mean motion × time (two-body only: the orbits are not
 * physical; the rows exercise storage and analytics, not orbits).
 */
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { readDelimitedRecords } from '../../src/ingest/celestrak-gp/csv-reader.js';

export const BASE_GP_FILE = 'celestrak_gp_active_2026-07-10.csv.gz';
const DAY_MS = 864e5;

export interface GpCsv { header: string[]; rows: string[][]; at: { epoch: number; meanMotion: number; meanAnomaly: number; norad: number } }

/** The bundled GP CSV as header and complete rows, with the positions of the columns moved here. */
export function baseGpCsv(): GpCsv {
  const [header, ...records] = readDelimitedRecords(readSnapshot(BASE_GP_FILE), BASE_GP_FILE, ',').map((r) => r.fields);
  const col = (name: string) => header!.indexOf(name);
  return {
    header: header!, rows: records.filter((f) => f.length === header!.length),
    at: { epoch: col('EPOCH'), meanMotion: col('MEAN_MOTION'), meanAnomaly: col('MEAN_ANOMALY'), norad: col('NORAD_CAT_ID') },
  };
}

/**
 * When a synthetic snapshot dated `asOf` was received: the bundled snapshot labelled 2026-07-10 holds
 * epochs up to 2026-07-12, so its copies moved by some days are received three days after their date
 * (the ingest rejects an epoch more than a day after the file's receipt).
 */
export function syntheticReceivedAt(asOf: string): string {
  return new Date(Date.parse(`${asOf}T00:00:00Z`) + 3 * DAY_MS).toISOString();
}

/** A copy of the row moved by `days` (negative: back in time), keeping the epoch's microseconds. */
export function movedRow(f: readonly string[], at: GpCsv['at'], days: number): string[] {
  const out = [...f];
  const [whole, micros = '000000'] = f[at.epoch]!.split('.');
  out[at.epoch] = `${new Date(Date.parse(`${whole}Z`) + days * DAY_MS).toISOString().slice(0, 19)}.${micros}`;
  out[at.meanAnomaly] = (((Number(f[at.meanAnomaly]) + Number(f[at.meanMotion]) * 360 * days) % 360 + 360) % 360).toFixed(4);
  return out;
}

/** Rows as CSV text under the header, quoting fields that need it. */
export function gpCsvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${[header.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n')}\n`;
}
