/**
 * The one settings table (after datasette): every setting's name, environment
 * variable, default and help, parsed once at start-up. docs/configuration.md is
 * checked against this table by a test.
 */
import { join } from 'node:path';
export interface SettingDef {
  env: string;
  default: string;
  help: string;
}

export const SETTINGS = {
  port: { env: 'PORT', default: '3000', help: 'TCP port the server listens on.' },
  host: { env: 'HOST', default: '127.0.0.1', help: 'Address the server binds to (0.0.0.0 to listen on every interface).' },
  databaseUrl: {
    env: 'DATABASE_URL', default: '',
    help: 'A postgres:// URL switches the store from the embedded PGlite database to that PostgreSQL server.',
  },
  dataDir: { env: 'REDSHIFT_DATA_DIR', default: '.redshift', help: 'Folder of the embedded PGlite database (created on first start).' },
  quarantineDir: {
    env: 'REDSHIFT_QUARANTINE_DIR', default: '',
    help: 'Folder where a refused feed file (truncated, shrunk, another table, malformed) is kept beside its reason (a download over its feed\'s size limit: its first 64 KiB; a local file over it: nothing); empty: quarantine/ under REDSHIFT_DATA_DIR.',
  },
  quarantineKeep: {
    env: 'REDSHIFT_QUARANTINE_KEEP', default: '10',
    help: 'How many refused files each feed keeps in the quarantine folder (at least 1): when one more is kept, the oldest beyond this are deleted with their reasons. The failed run keeps its reason and says the file was removed.',
  },
  quarantineMaxMb: {
    env: 'REDSHIFT_QUARANTINE_MAX_MB', default: '256',
    help: 'The most MiB all refused files in the quarantine folder may hold together (at least 1): when one more is kept, the oldest are deleted until the rest fit. The newest is always kept, so the folder exceeds this by at most that one file (no more than its feed\'s size limit).',
  },
  backups: {
    env: 'REDSHIFT_BACKUPS', default: '3',
    help: 'How many backups of the embedded store to keep in REDSHIFT_DATA_DIR/backups (one is written before every ingest, load and migration; 0: none). PostgreSQL is backed up by its operator (pg_dump).',
  },
  kbDir: { env: 'REDSHIFT_KB_DIR', default: 'data/kb', help: 'Folder of the curated knowledge base (YAML).' },
  rulesDir: { env: 'REDSHIFT_RULES_DIR', default: 'data/rules', help: 'Folder of the curated classification rules (YAML).' },
  fetchSchedule: {
    env: 'REDSHIFT_FETCH_SCHEDULE', default: 'on',
    help: 'on: the server downloads each live feed (CelesTrak, GCAT) at the publisher\'s minimum interval; off: only the ingest command does.',
  },
  corsOrigins: {
    env: 'REDSHIFT_CORS_ORIGINS', default: '*',
    help: 'Web origins allowed to read the API from a browser (CORS, GET and HEAD only): * for any, a comma-separated list of origins (e.g. https://a.example,https://b.example), or none to send no CORS headers.',
  },
  logLevel: { env: 'LOG_LEVEL', default: 'info', help: 'Server log level: fatal, error, warn, info, debug, trace or silent.' },
} as const satisfies Record<string, SettingDef>;

export type SettingName = keyof typeof SETTINGS;
export interface Settings {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  /** Resolved: REDSHIFT_QUARANTINE_DIR, or quarantine/ under the data dir. */
  quarantineDir: string;
  /** How many refused files each feed keeps, and the bytes all of them may hold (REDSHIFT_QUARANTINE_MAX_MB). */
  quarantineKeep: number;
  quarantineMaxBytes: number;
  backups: number;
  kbDir: string;
  rulesDir: string;
  logLevel: string;
  fetchSchedule: boolean;
  /** '*' (any origin), a list of exact origins, or [] (no CORS headers). */
  corsOrigins: CorsOrigins;
}

export type CorsOrigins = '*' | string[];

/** An origin is scheme://host[:port], nothing after it (what a browser sends in Origin). */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

export function parseCorsOrigins(value: string): CorsOrigins {
  const v = value.trim();
  if (v === '*') return '*';
  if (v === 'none') return [];
  const list = v.split(',').map((o) => o.trim()).filter(Boolean);
  const bad = list.find((o) => !ORIGIN.test(o));
  if (bad !== undefined || list.length === 0) throw new SettingsError(`REDSHIFT_CORS_ORIGINS must be *, none or a comma-separated list of origins like https://example.org, got "${bad ?? value}"`);
  return list;
}

export class SettingsError extends Error {}

/** A setting that must be a whole number of at least `min`. */
function wholeNumber(name: SettingName, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new SettingsError(`${SETTINGS[name].env} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${value}"`);
  return n;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const raw = (name: SettingName) => {
    const v = env[SETTINGS[name].env];
    return v === undefined || v === '' ? SETTINGS[name].default : v;
  };
  const port = Number(raw('port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingsError(`PORT must be a port number, got "${raw('port')}"`);
  const databaseUrl = raw('databaseUrl') || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new SettingsError('DATABASE_URL must be a postgres:// URL');
  const logLevel = raw('logLevel');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) throw new SettingsError(`LOG_LEVEL "${logLevel}" is not a log level`);
  const backups = Number(raw('backups'));
  if (!Number.isInteger(backups) || backups < 0) throw new SettingsError(`REDSHIFT_BACKUPS must be a whole number, got "${raw('backups')}"`);
  const fetchSchedule = raw('fetchSchedule');
  if (fetchSchedule !== 'on' && fetchSchedule !== 'off') throw new SettingsError(`REDSHIFT_FETCH_SCHEDULE must be on or off, got "${fetchSchedule}"`);
  const dataDir = raw('dataDir');
  const quarantineDir = raw('quarantineDir') || join(dataDir, 'quarantine');
  const quarantineKeep = wholeNumber('quarantineKeep', raw('quarantineKeep'), 1);
  const quarantineMaxBytes = wholeNumber('quarantineMaxMb', raw('quarantineMaxMb'), 1) * 1024 * 1024;
  const corsOrigins = parseCorsOrigins(raw('corsOrigins'));
  return { port, host: raw('host'), databaseUrl, dataDir, quarantineDir, quarantineKeep, quarantineMaxBytes, backups, kbDir: raw('kbDir'), rulesDir: raw('rulesDir'), logLevel, fetchSchedule: fetchSchedule === 'on', corsOrigins };
}
