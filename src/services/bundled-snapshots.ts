/** Reads the bundled snapshots in data/snapshots (gzip) and ingests them. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { FEEDS, type BundledSnapshot, type FeedDef, type FeedInput, type FeedOutput } from './feeds.js';
import { decodeFeedBytes } from '../ingest/check-feed.js';
import { ingestFeed, type IngestOptions, type IngestReport } from './ingest-feed.js';

export const SNAPSHOT_DIR = 'data/snapshots';

export function readSnapshotBytes(file: string, dir = SNAPSHOT_DIR): Uint8Array {
  const bytes = readFileSync(join(dir, file));
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

export function readSnapshot(file: string, dir = SNAPSHOT_DIR): string {
  return Buffer.from(readSnapshotBytes(file, dir)).toString('utf8');
}

/**
 * A bundled snapshot decoded, parsed and mapped as ingestFeed reads it, done before its ingest (the
 * first start reads ahead): the read's output, or the error it threw, which the ingest then records
 * as it records a failed read. null when the bytes are not UTF-8: the ingest refuses them itself.
 */
export type BundledRead = { input: FeedInput; output: FeedOutput } | { input: FeedInput; error: unknown } | null;

/** How a bundled snapshot's file is named in runs and errors (the path from the project's folder). */
export function bundledPath(snap: BundledSnapshot): string {
  return `${SNAPSHOT_DIR}/${snap.file}`;
}

export function readBundled(feed: FeedDef, snap: BundledSnapshot): BundledRead {
  const file = bundledPath(snap);
  const decoded = decodeFeedBytes(readSnapshotBytes(snap.file), file);
  if (!('text' in decoded)) return null;
  const input: FeedInput = { text: decoded.text, file, sourceId: snap.sourceId, asOf: snap.asOf, receivedAt: new Date().toISOString() };
  try {
    return { input, output: feed.read(input) };
  } catch (error) {
    return { input, error };
  }
}

/** Ingests a bundled snapshot; with `read` (readBundled's), its text and its read output instead of reading the file again. */
export async function ingestBundled(
  db: Kysely<Database>, feed: FeedDef, snap: BundledSnapshot, rulesDir?: string, opts: IngestOptions = {}, read: BundledRead = null,
): Promise<IngestReport> {
  if (read) {
    return ingestFeed(db, feed, read.input, { ...opts, rulesDir, read: () => {
      if ('error' in read) throw read.error;
      return read.output;
    } });
  }
  return ingestFeed(db, feed, { bytes: readSnapshotBytes(snap.file), file: bundledPath(snap), sourceId: snap.sourceId, asOf: snap.asOf }, { ...opts, rulesDir });
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
