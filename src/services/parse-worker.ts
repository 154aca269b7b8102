/**
 * Worker-thread entry of parseInWorker (parse-in-worker.ts): reads one feed's text with the feed's own
 * `read` (parse and map) and posts the result, or the error, back. It runs off the server's event
 * loop, so a slow or hostile download cannot freeze the API, and the parent can stop it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FeedFormatError } from '../ingest/feed-errors.js';
import { feedByName, type FeedInput, type FeedOutput } from './feeds.js';
import { checkCountryCodes } from './feed-country-check.js';
import { errorMessage } from '../model/error-message.js';

/** rulesDir: check the file's country codes against these rules here too (off the caller's event loop). */
export interface ParseRequest { feed: string; input: FeedInput; rulesDir?: string }
export type ParseReply =
  | { ok: true; output: FeedOutput }
  | { ok: false; format: { file: string; line: number | null; field: string | null; reason: string } | null; message: string };

function run(req: ParseRequest): ParseReply {
  const feed = feedByName(req.feed);
  if (!feed) return { ok: false, format: null, message: `unknown feed "${req.feed}"` };
  try {
    const output = feed.read(req.input);
    if (req.rulesDir !== undefined) output.countryCheck = checkCountryCodes(req.rulesDir, output.countryCodes ?? []);
    return { ok: true, output };
  } catch (err) {
    if (err instanceof FeedFormatError) {
      return { ok: false, format: { file: err.file, line: err.line, field: err.field, reason: err.reason }, message: err.message };
    }
    return { ok: false, format: null, message: errorMessage(err) };
  }
}

parentPort?.postMessage(run(workerData as ParseRequest));
