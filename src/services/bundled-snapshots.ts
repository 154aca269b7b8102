/** Reads the bundled snapshots in data/snapshots (gzip) and ingests them. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { FEEDS, type BundledSnapshot, type FeedDef } from './feeds.js';
import { ingestFeed, type IngestOptions, type IngestReport } from './ingest-feed.js';

export const SNAPSHOT_DIR = 'data/snapshots';

export function readSnapshotBytes(file: string, dir = SNAPSHOT_DIR): Uint8Array {
  const bytes = readFileSync(join(dir, file));
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

export function readSnapshot(file: string, dir = SNAPSHOT_DIR): string {
  return Buffer.from(readSnapshotBytes(file, dir)).toString('utf8');
}

export async function ingestBundled(db: Kysely<Database>, feed: FeedDef, snap: BundledSnapshot, rulesDir?: string, opts: IngestOptions = {}): Promise<IngestReport> {
  return ingestFeed(db, feed, { bytes: readSnapshotBytes(snap.file), file: `${SNAPSHOT_DIR}/${snap.file}`, sourceId: snap.sourceId, asOf: snap.asOf }, { ...opts, rulesDir });
}

/** Every bundled snapshot of every feed, oldest first within a feed. */
export async function ingestAllBundled(db: Kysely<Database>, onReport: (r: IngestReport) => void = () => {}, rulesDir?: string): Promise<IngestReport[]> {
  const reports: IngestReport[] = [];
  for (const feed of FEEDS) {
    for (const snap of [...feed.bundled].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
      const r = await ingestBundled(db, feed, snap, rulesDir);
      reports.push(r);
      onReport(r);
    }
  }
  return reports;
}
