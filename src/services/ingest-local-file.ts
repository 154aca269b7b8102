/**
 * Ingests a feed's file from the local disk (`ingest FEED --from FILE`). A file over the feed's size
 * limit (FeedDef.maxBytes) is refused before it is read, by its size on disk, and recorded as a failed
 * run; at most maxBytes + 1 bytes are ever read, so a file that grows or a device that has no size
 * (a FIFO, /dev/zero) cannot exhaust memory either.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { startRun } from '../store/runs.js';
import { sizeRefusal } from '../ingest/check-feed.js';
import { ingestFeed, originOf, refuse, type IngestOptions, type IngestReport } from './ingest-feed.js';
import type { FeedDef, FeedInput } from './feeds.js';

/** maxBytes: the most bytes the file may hold (default: the feed's). */
export type LocalFileOptions = IngestOptions & { maxBytes?: number };

type LocalBytes = { bytes: Uint8Array } | { over: number; size: number | null };

/** The file's bytes, or how many were read (and its size on disk, when that already tells) once past maxBytes. */
export async function readUpTo(path: string, maxBytes: number): Promise<LocalBytes> {
  const { size } = await stat(path);
  if (size > maxBytes) return { over: 0, size };
  const chunks: Buffer[] = [];
  let read = 0;
  // end is inclusive: one byte past the limit shows that the file is over it.
  for await (const chunk of createReadStream(path, { end: maxBytes })) {
    const bytes = chunk as Buffer;
    chunks.push(bytes);
    read += bytes.byteLength;
  }
  return read > maxBytes ? { over: read, size: null } : { bytes: Buffer.concat(chunks, read) };
}

export async function ingestLocalFile(
  db: Kysely<Database>, feed: FeedDef, source: Omit<FeedInput, 'text'>, opts: LocalFileOptions = {},
): Promise<IngestReport> {
  const maxBytes = opts.maxBytes ?? feed.maxBytes;
  const read = await readUpTo(source.file, maxBytes);
  if ('bytes' in read) return ingestFeed(db, feed, { ...source, bytes: read.bytes }, opts);
  const now = opts.now ?? new Date().toISOString();
  const runId = await startRun(db, originOf(feed), now);
  const refusal = sizeRefusal(source.file, maxBytes, read.over, read.size === null ? null : `${read.size} bytes on disk`);
  throw await refuse(db, { feed, runId, at: now, file: source.file, sourceId: source.sourceId, quarantineDir: opts.quarantineDir }, refusal, null);
}
