/**
 * GCAT derived launch log (tsv/derived/launchlog.tsv): one row per catalogued object, carrying its
 * launch's fields. A row for an object an earlier row already gave is rejected (`launchObjectId`).
 * `launchesFromLog` folds it into one record per launch (Launch_Tag).
 */
import { gcatYear, type GcatDate } from './gcat-date.js';
import { buildGcatRows, cell, dateCell, readGcatTable, requiredCell, type GcatParseResult, type GcatRecord } from './gcat-table.js';
import { rejectRepeatedKeys, type RepeatKey } from '../celestrak-gp/row-rejection.js';

export const LAUNCHLOG_COLUMNS = [
  'Launch_Tag',
  'Launch_Date',
  'Piece',
  'Type',
  'Name',
  'PLName',
  'JCAT',
  'SatOwner',
  'SatState',
  'LV_Type',
  'Flight_ID',
  'Platform',
  'Launch_Site',
  'Launch_Pad',
  'Ascent_Site',
  'Ascent_Pad',
  'Agency',
  'LVState',
  'Launch_Code',
  'LTCite',
] as const;

export interface LaunchLogRow {
  /** COSPAR launch (e.g. "2024-237", "1957 ALP") or GCAT pseudo-tag ("2024-F03", "2020-U02"). */
  launchTag: string;
  launchDate: GcatDate;
  piece: string | null;
  /** GCAT SatType string (positional flags, inner spaces kept), e.g. "P      O". */
  satType: string | null;
  name: string | null;
  plName: string | null;
  jcat: string | null;
  satOwner: string | null;
  satState: string | null;
  lvType: string;
  flightId: string | null;
  platform: string | null;
  launchSite: string | null;
  launchPad: string | null;
  ascentSite: string | null;
  ascentPad: string | null;
  agency: string | null;
  /** Launching state (GCAT state code, e.g. "CN", "US", "SU"). */
  lvState: string | null;
  launchCode: string;
  ltCite: string | null;
}

export function parseLaunchLog(text: string, file: string): GcatParseResult<LaunchLogRow> {
  const table = readGcatTable(text, file, LAUNCHLOG_COLUMNS);
  return rejectRepeatedKeys(buildGcatRows(table, file, ['Launch_Tag', 'JCAT', 'Piece'], launchLogRow), file, launchObjectKey);
}

function launchLogRow(r: GcatRecord): LaunchLogRow {
  return {
    launchTag: requiredCell(r, 'Launch_Tag'),
    launchDate: dateCell(r, 'Launch_Date'),
    piece: cell(r, 'Piece'),
    satType: cell(r, 'Type'),
    name: cell(r, 'Name'),
    plName: cell(r, 'PLName'),
    jcat: cell(r, 'JCAT'),
    satOwner: cell(r, 'SatOwner'),
    satState: cell(r, 'SatState'),
    lvType: requiredCell(r, 'LV_Type'),
    flightId: cell(r, 'Flight_ID'),
    platform: cell(r, 'Platform'),
    launchSite: cell(r, 'Launch_Site'),
    launchPad: cell(r, 'Launch_Pad'),
    ascentSite: cell(r, 'Ascent_Site'),
    ascentPad: cell(r, 'Ascent_Pad'),
    agency: cell(r, 'Agency'),
    lvState: cell(r, 'LVState'),
    // Kept as written; launchOutcome() maps it and returns 'unknown' for codes it cannot read.
    launchCode: requiredCell(r, 'Launch_Code'),
    ltCite: cell(r, 'LTCite'),
  };
}

/**
 * The object a row is about: its JCAT (GCAT's catalog id, one per object), else its Launch_Tag and
 * Piece; null when it has neither. Not Launch_Tag and Piece when there is a JCAT: a failed launch's
 * objects share them (in the 2024-12-08 log 1,402 rows repeat an earlier row's Launch_Tag and Piece
 * with a JCAT of their own, e.g. 1959-F01: the Vanguard magnetometer satellite, F00056, and its
 * 30-inch sphere, F00058).
 */
export function launchObjectId(row: LaunchLogRow): string | null {
  if (row.jcat !== null) return row.jcat;
  return row.piece === null ? null : `${row.launchTag}#${row.piece}`;
}

function launchObjectKey(row: LaunchLogRow): RepeatKey {
  if (row.jcat !== null) return { key: row.jcat, field: 'JCAT', conflict: 'same JCAT, different values' };
  const id = launchObjectId(row);
  if (id !== null) return { key: id, field: 'Piece', conflict: 'same Launch_Tag and Piece (no JCAT), different values' };
  // No identity of its own: only a row identical to it (JSON never starts like a JCAT or a tag) repeats it.
  return { key: JSON.stringify(row), field: null, conflict: 'identical values' };
}

/**
 * Launch_Code → outcome. Basis: GCAT documentation, launch list columns
 * (planet4589.org/space/gcat/web/launch/lcols.html) and "Launch Success Fractions"
 * (…/web/intro/success.html):
 *  - The second letter is the outcome: S success, F failure, U unknown, E pad explosion (no launch
 *    occurred, listed for completeness). Optional two digits are the launch success fraction in
 *    percent (OS75 = 0.75, OF40 = 0.40) for reliability statistics; the letter still decides
 *    success/failure (McDowell counts < 0.75 as failure but the file also has OS65/OS66, so the
 *    letter, as published, is taken rather than re-deriving it from the number).
 *  - The first letter is the launch class. O orbital and D deep space (escape) are documented; X is
 *    established from the data: all 11 XS launches in launchlog 2024-12-08 are ascents from another
 *    body (Apollo LM ascent stages, Luna 16/20/24 and Chang'e-5/6 ascenders, tags YYYY-Unn), which
 *    matches GCAT's "XO = extraterrestrial launch" profile code.
 *  - Any other first letter, or a code of another shape, is not guessed: outcome 'unknown', code kept.
 */
export type LaunchClass = 'orbital' | 'deep-space' | 'extraterrestrial';
export type LaunchOutcome = 'success' | 'failure' | 'pad-explosion' | 'unknown';

export interface LaunchOutcomeInfo {
  launchClass: LaunchClass | null;
  outcome: LaunchOutcome;
  /** Success fraction 0–0.99 from the numeric suffix; null when the code has none. */
  successFraction: number | null;
}

const CLASS_BY_LETTER: Readonly<Record<string, LaunchClass>> = { O: 'orbital', D: 'deep-space', X: 'extraterrestrial' };
const OUTCOME_BY_LETTER: Readonly<Record<string, LaunchOutcome>> = {
  S: 'success',
  F: 'failure',
  U: 'unknown',
  E: 'pad-explosion',
};

export function launchOutcome(code: string): LaunchOutcomeInfo {
  const m = /^([A-Z])([A-Z])(\d{2})?$/.exec(code.trim());
  const launchClass = m ? CLASS_BY_LETTER[m[1]!] : undefined;
  const outcome = m ? OUTCOME_BY_LETTER[m[2]!] : undefined;
  if (!m || !launchClass || !outcome) return { launchClass: null, outcome: 'unknown', successFraction: null };
  return { launchClass, outcome, successFraction: m[3] === undefined ? null : Number(m[3]) / 100 };
}

export interface Launch extends LaunchOutcomeInfo {
  launchTag: string;
  date: GcatDate;
  /** Launching country (LVState). */
  lvState: string | null;
  agency: string | null;
  lvType: string;
  flightId: string | null;
  platform: string | null;
  launchSite: string | null;
  launchPad: string | null;
  launchCode: string;
  /** Objects (distinct rows: parseLaunchLog rejects repeats) in the log for this launch. */
  objectCount: number;
}

/**
 * One launch per Launch_Tag, in first-appearance order. The first row of each tag gives the launch
 * fields (the log repeats them on every object row).
 */
export function launchesFromLog(rows: readonly LaunchLogRow[]): Launch[] {
  const byTag = new Map<string, Launch>();
  for (const r of rows) {
    const existing = byTag.get(r.launchTag);
    if (existing) {
      existing.objectCount += 1;
      continue;
    }
    byTag.set(r.launchTag, {
      launchTag: r.launchTag,
      date: r.launchDate,
      lvState: r.lvState,
      agency: r.agency,
      lvType: r.lvType,
      flightId: r.flightId,
      platform: r.platform,
      launchSite: r.launchSite,
      launchPad: r.launchPad,
      launchCode: r.launchCode,
      ...launchOutcome(r.launchCode),
      objectCount: 1,
    });
  }
  return [...byTag.values()];
}

/** Launches per calendar year for one launching state (e.g. "CN"). */
export function launchesPerYear(launches: readonly Launch[], lvState: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of launches) {
    if (l.lvState !== lvState) continue;
    const y = gcatYear(l.date);
    out.set(y, (out.get(y) ?? 0) + 1);
  }
  return out;
}
