/**
 * Downloads a feed's live endpoint politely: conditional requests (ETag and
 * Last-Modified), a timeout, retries with exponential backoff on network errors,
 * 429 and 5xx, the publisher's minimum interval, and a User-Agent naming the client.
 * Every failure is a recorded run, a body that stalls or is cut off included (what arrived is
 * quarantined); a malformed or implausible download changes nothing (see ingest-feed.ts). A body over
 * the feed's size limit (FeedDef.maxBytes) is refused as soon as its Content-Length or the bytes
 * arrived pass it, and the download is stopped; only its first bytes are quarantined.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { startRun, finishRun } from '../store/runs.js';
import { ingestFeed, originOf, refuse, IngestError, type IngestReport } from './ingest-feed.js';
import type { Refusal } from '../ingest/feed-invariants.js';
import { sizeRefusal } from '../ingest/check-feed.js';
import type { FeedDef } from './feeds.js';
import { parseInWorker } from './parse-in-worker.js';
import type { QuarantineRetention } from './feed-quarantine.js';
import { SETTINGS } from '../config/settings.js';
import { errorMessage } from '../model/error-message.js';

export const USER_AGENT = 'redshift-monitor/0.1 (open-source tracker of China\'s space enterprise; respects published rate limits)';

export type FetchOutcome =
  | { kind: 'ingested'; report: IngestReport }
  | { kind: 'not-modified'; message: string }
  | { kind: 'too-soon'; message: string };

export interface FetchOptions {
  url?: string;
  sourceId?: string;
  force?: boolean;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  now?: () => Date;
  /** Rules folder whose country vocabulary checks the feed's country codes (default data/rules). */
  rulesDir?: string;
  /** Time budget for parsing the download in its worker thread (default PARSE_BUDGET_MS). */
  parseBudgetMs?: number;
  /** Where refused downloads are kept (none: not kept). */
  quarantineDir?: string | null;
  /** How many refused downloads the quarantine keeps (default: the settings' defaults). */
  quarantineRetention?: QuarantineRetention;
  /** Accept a download whose only fault is that it shrank against the previous ingest. */
  acceptShrink?: boolean;
  /** The most bytes the body may hold after decoding (default: the feed's maxBytes). */
  maxBytes?: number;
}

/** How much of a body over the size limit is quarantined: enough to see what the server sent. */
const OVERSIZE_KEPT_BYTES = 64 * 1024;

class RetryableError extends Error {}

export async function fetchFeed(db: Kysely<Database>, feed: FeedDef, opts: FetchOptions = {}): Promise<FetchOutcome> {
  const now = opts.now ?? (() => new Date());
  const url = opts.url ?? feed.live?.url;
  const sourceId = opts.sourceId ?? feed.live?.sourceId;
  if (!url || !sourceId) throw new Error(`${feed.name} has no live endpoint; use --from FILE`);
  const state = await db.selectFrom('feed_state').selectAll().where('feed', '=', feed.name).executeTakeFirst();
  const sameUrl = state?.url === url;
  if (!opts.force && feed.live && sameUrl && state?.last_attempt_at) {
    const next = new Date(Date.parse(state.last_attempt_at) + feed.live.minIntervalHours * 3600_000);
    if (next > now()) return { kind: 'too-soon', message: `${feed.name}: last download ${state.last_attempt_at}; the publisher asks for at most one every ${feed.live.minIntervalHours} h (next after ${next.toISOString()}; --force overrides)` };
  }
  const attemptAt = now().toISOString();
  await db.insertInto('feed_state').values({ feed: feed.name, url, etag: null, last_modified: null, last_attempt_at: attemptAt, last_success_at: null })
    .onConflict((oc) => oc.column('feed').doUpdateSet({ url, last_attempt_at: attemptAt })).execute();
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'text/csv, text/tab-separated-values, application/json, text/plain, */*' };
  if (sameUrl && state?.etag) headers['if-none-match'] = state.etag;
  if (sameUrl && state?.last_modified) headers['if-modified-since'] = state.last_modified;

  let response: Response;
  try {
    response = await withRetries(() => request(url, headers, opts.timeoutMs ?? 60_000), opts.retries ?? 3, opts.backoffMs ?? 2_000);
  } catch (err) {
    const runId = await startRun(db, originOf(feed), attemptAt);
    const message = `${url}: download failed: ${errorMessage(err)}`;
    await finishRun(db, runId, 'failed', { url, check: 'download' }, message);
    throw new IngestError(message, runId, [], 'download');
  }
  if (response.status === 304) {
    const runId = await startRun(db, originOf(feed), attemptAt);
    await finishRun(db, runId, 'succeeded', { url, notModified: true }, null);
    await db.updateTable('feed_state').set({ last_success_at: attemptAt }).where('feed', '=', feed.name).execute();
    return { kind: 'not-modified', message: `${feed.name}: not modified since the last download (${state?.last_success_at ?? 'unknown'})` };
  }
  const refuseDownload = async (refusal: Refusal, kept: Uint8Array | null) => {
    const runId = await startRun(db, originOf(feed), attemptAt);
    return refuse(db, { feed, runId, at: attemptAt, file: url, sourceId, quarantineDir: opts.quarantineDir, quarantineRetention: opts.quarantineRetention }, refusal, kept);
  };
  const maxBytes = opts.maxBytes ?? feed.maxBytes;
  const expected = contentLength(response);
  if (expected !== null && expected > maxBytes) {
    await cancelBody(response);
    throw await refuseDownload(sizeRefusal(url, maxBytes, 0, `Content-Length ${expected}`), null);
  }
  const body = await readBody(response, maxBytes);
  if ('over' in body) throw await refuseDownload(sizeRefusal(url, maxBytes, body.over), body.head);
  if ('error' in body) {
    const reason = `${url}: download cut off after ${body.bytes.byteLength} bytes${expected === null ? '' : ` of ${expected}`}: ${body.error}`;
    throw await refuseDownload({ check: 'download', reason }, body.bytes);
  }
  const report = await ingestFeed(db, feed, { bytes: body.bytes, contentLength: expected, file: url, sourceId, asOf: attemptAt.slice(0, 10) },
    { now: attemptAt, rulesDir: opts.rulesDir, quarantineDir: opts.quarantineDir, quarantineRetention: opts.quarantineRetention, acceptShrink: opts.acceptShrink, read: (input) => parseInWorker(feed, input, opts.parseBudgetMs, opts.rulesDir ?? SETTINGS.rulesDir.default) });
  await db.updateTable('feed_state')
    .set({ etag: response.headers.get('etag'), last_modified: response.headers.get('last-modified'), last_success_at: attemptAt })
    .where('feed', '=', feed.name).execute();
  return { kind: 'ingested', report };
}

type Body = { bytes: Uint8Array } | { bytes: Uint8Array; error: string } | { over: number; head: Uint8Array };

/**
 * The body's bytes; a body that stalls past the timeout or is cut off yields what arrived and why it
 * stopped. Bytes are counted as they arrive (fetch has undone any Content-Encoding): past maxBytes the
 * download is stopped and only the count and the first bytes are kept, so memory stays within the limit.
 */
async function readBody(response: Response, maxBytes: number): Promise<Body> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        read += value.byteLength;
        chunks.push(value);
        if (read > maxBytes) {
          await reader.cancel('over the size limit').catch(() => {});
          return { over: read, head: Buffer.concat(chunks, Math.min(read, OVERSIZE_KEPT_BYTES)) };
        }
      }
    }
    return { bytes: Buffer.concat(chunks) };
  } catch (err) {
    const stalled = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const why = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
    return { bytes: Buffer.concat(chunks), error: stalled ? `the body stalled: ${why}` : why };
  }
}

/** Stops a download whose body is not to be read (cancelling the body aborts the request). */
async function cancelBody(response: Response): Promise<void> {
  await response.body?.cancel('not read').catch(() => {});
}

/** Content-Length of an unencoded body (fetch decodes gzip, so an encoded body's length is not the text's). */
function contentLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') return null;
  const v = response.headers.get('content-length');
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
}

async function request(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new RetryableError(err instanceof Error && err.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `network error: ${errorMessage(err)}`);
  }
  if (res.status === 429 || res.status >= 500) throw new RetryableError(`HTTP ${res.status}`);
  if (res.status !== 200 && res.status !== 304) throw new Error(`HTTP ${res.status}`);
  return res;
}

async function withRetries<T>(attempt: () => Promise<T>, retries: number, backoffMs: number): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof RetryableError) || i >= retries) throw err;
      await new Promise((r) => setTimeout(r, backoffMs * 2 ** i));
    }
  }
}
