/**
 * Parses and maps a feed download in a worker thread with a time budget. The server's event loop
 * keeps answering while a large file is read; past the budget the worker is stopped and the run
 * fails with a FeedFormatError naming the budget, so nothing is stored. The worker's heap is capped,
 * so a file that would exhaust memory stops the worker, not the server.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../store/module-worker.js';
import { FeedFormatError } from '../ingest/feed-errors.js';
import { feedByName, type FeedDef, type FeedInput, type FeedOutput } from './feeds.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

/** The staged files parse in about two seconds; a download that takes a minute is not a catalog. */
export const PARSE_BUDGET_MS = 60_000;
const WORKER_HEAP_MB = 1_536;

function startWorker(request: ParseRequest): Worker {
  return startModuleWorker(import.meta.url, 'parse-worker', { workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

/**
 * The worker finds the feed by name, so only a feed registered in FEEDS can be read there. With
 * rulesDir, the worker also checks the file's country codes against those rules (output.countryCheck).
 */
export function parseInWorker(feed: FeedDef, input: FeedInput, budgetMs = PARSE_BUDGET_MS, rulesDir?: string): Promise<FeedOutput> {
  if (feedByName(feed.name) !== feed) return Promise.reject(new Error(`${feed.name} is not a registered feed; it cannot be read in a worker`));
  const worker = startWorker({ feed: feed.name, input, ...(rulesDir === undefined ? {} : { rulesDir }) });
  return new Promise<FeedOutput>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(
      new FeedFormatError(input.file, null, null, `parsing took longer than the ${budgetMs} ms budget; stopped, nothing stored`),
    )), budgetMs);
    worker.once('message', (reply: ParseReply) => settle(() => {
      if (reply.ok) return resolve(reply.output);
      const f = reply.format;
      reject(f ? new FeedFormatError(f.file, f.line, f.field, f.reason) : new Error(reply.message));
    }));
    worker.once('error', (err) => settle(() => reject(new Error(`parser worker failed: ${err.message}`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`parser worker exited with code ${code} before answering`))));
  });
}
