/**
 * A refused file is kept, never stored: the bytes as received go to
 * <quarantine dir>/<feed>/<time>-run<id>-<name>, with <same>.reason.json beside them saying why.
 * An operator can read it, and accept it deliberately (`ingest FEED --from FILE --accept-shrink`)
 * when the only objection is that it shrank.
 *
 * The folder is bounded (QuarantineRetention): each feed keeps its newest `keep` refused files, and all
 * feeds together at most `maxBytes`; when a file is kept, the oldest beyond either bound are deleted
 * with their reasons. The file just kept is never deleted, so the folder exceeds maxBytes by at most
 * that one file (no larger than its feed's size limit). The runs whose files were deleted are returned,
 * so their records can say so (ingest-feed.ts); their reasons stay in the run history.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Refusal } from '../ingest/feed-invariants.js';
import { SETTINGS, type Settings } from '../config/settings.js';

export interface QuarantineEntry {
  feed: string;
  runId: number;
  at: string;
  /** Where the file came from (URL or path). */
  file: string;
  refusal: Refusal;
}

/** How many refused files each feed keeps, and how many bytes all of them may hold together. */
export interface QuarantineRetention {
  keep: number;
  maxBytes: number;
}

export const DEFAULT_RETENTION: QuarantineRetention = {
  keep: Number(SETTINGS.quarantineKeep.default),
  maxBytes: Number(SETTINGS.quarantineMaxMb.default) * 1024 * 1024,
};

/** The retention the settings give (REDSHIFT_QUARANTINE_KEEP, REDSHIFT_QUARANTINE_MAX_MB). */
export function quarantineRetention(settings: Pick<Settings, 'quarantineKeep' | 'quarantineMaxBytes'>): QuarantineRetention {
  return { keep: settings.quarantineKeep, maxBytes: settings.quarantineMaxBytes };
}

/** A kept file that the retention deleted: where it was and the run that refused it. */
export interface RemovedQuarantine {
  feed: string;
  runId: number | null;
  path: string;
}

export interface QuarantineResult {
  path: string;
  removed: RemovedQuarantine[];
}

/** One kept file in the folder: its path, feed, run, time and bytes (the file and its reason). */
interface Kept {
  path: string;
  feed: string;
  runId: number | null;
  at: string;
  bytes: number;
}

const REASON = '.reason.json';

export function quarantineFile(
  dir: string, entry: QuarantineEntry, body: string | Uint8Array, retention: QuarantineRetention = DEFAULT_RETENTION,
): QuarantineResult {
  const folder = join(dir, entry.feed);
  mkdirSync(folder, { recursive: true });
  // The file name without a URL's query or fragment.
  const cut = entry.file.search(/[?#]/);
  const name = basename(cut < 0 ? entry.file : entry.file.slice(0, cut)).replace(/[^A-Za-z0-9._-]/g, '_') || 'download';
  const path = join(folder, `${entry.at.replace(/[:.]/g, '-')}-run${entry.runId}-${name}`);
  writeFileSync(path, body);
  writeFileSync(`${path}${REASON}`, JSON.stringify({ ...entry, quarantined: path }, null, 2) + '\n');
  return { path, removed: applyRetention(dir, path, retention) };
}

/** Deletes the oldest kept files beyond the retention, never `newest`; returns what it deleted. */
export function applyRetention(dir: string, newest: string, retention: QuarantineRetention): RemovedQuarantine[] {
  const all = keptFiles(dir).sort(byAge);
  const feed = all.find((k) => k.path === newest)?.feed;
  const older = all.filter((k) => k.path !== newest);
  const sameFeed = older.filter((k) => k.feed === feed);
  const doomed = new Set(sameFeed.slice(0, Math.max(0, sameFeed.length - (retention.keep - 1))));
  let total = all.filter((k) => !doomed.has(k)).reduce((n, k) => n + k.bytes, 0);
  for (const k of older) {
    if (total <= retention.maxBytes) break;
    if (doomed.has(k)) continue;
    doomed.add(k);
    total -= k.bytes;
  }
  for (const k of doomed) {
    rmSync(k.path, { force: true });
    rmSync(`${k.path}${REASON}`, { force: true });
  }
  return [...doomed].map((k) => ({ feed: k.feed, runId: k.runId, path: k.path }));
}

/** Oldest first: by the time the file was refused, then by run. */
function byAge(a: Kept, b: Kept): number {
  return a.at.localeCompare(b.at) || (a.runId ?? 0) - (b.runId ?? 0);
}

/** Every kept file under the quarantine folder (one folder per feed); a file without a readable reason counts as oldest. */
function keptFiles(dir: string): Kept[] {
  return subfolders(dir).flatMap((feed) => {
    const folder = join(dir, feed);
    return readdirSync(folder, { withFileTypes: true }).filter((d) => d.isFile() && !d.name.endsWith(REASON)).map((d) => keptFile(join(folder, d.name), feed));
  });
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

function keptFile(path: string, feed: string): Kept {
  const reason = readReason(`${path}${REASON}`);
  return { path, feed, runId: reason?.runId ?? null, at: reason?.at ?? '', bytes: sizeOf(path) + sizeOf(`${path}${REASON}`) };
}

function readReason(path: string): { runId: number; at: string } | null {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as { runId?: unknown; at?: unknown };
    return typeof r.runId === 'number' && typeof r.at === 'string' ? { runId: r.runId, at: r.at } : null;
  } catch {
    return null;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
