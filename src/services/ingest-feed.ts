/**
 * Ingests one feed's text: parse and map (pure), then write in one transaction.
 * A malformed file (FeedFormatError), or one with too many bad rows, changes nothing
 * and is recorded as a failed run; rejected rows are counted and reported.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { startRun, finishRun } from '../store/runs.js';
import { writeCatalog, type CatalogCounts } from '../store/write-catalog.js';
import { FeedFormatError, formatRowError, type RowError } from '../ingest/feed-errors.js';
import type { FeedDef, FeedInput, FeedOutput } from './feeds.js';
import { readRules } from '../ingest/rules/read-rules.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { countryVocabulary } from '../model/country-codes.js';
import { unknownCountryCodes, type UnknownCountryCode } from '../ingest/country-code-check.js';
import { SETTINGS } from '../config/settings.js';

/** More rejected rows than this share (and than MIN_REJECTED_TO_FAIL) means the file, not a few rows, is wrong. */
export const MAX_REJECTED_SHARE = 0.05;
export const MIN_REJECTED_TO_FAIL = 10;
const REPORTED_REJECTIONS = 100;

export interface IngestReport {
  feed: string;
  file: string;
  sourceId: string;
  asOf: string;
  runId: number;
  total: number;
  accepted: number;
  rejectedCount: number;
  rejected: RowError[];
  /** Country codes that data/rules/country-codes.yaml does not map: stored as written, never read as a country. */
  unknownCountryCodes: UnknownCountryCode[];
  /** How many code occurrences (rows × fields) those are. */
  unknownCountryCodeCount: number;
  tables: CatalogCounts;
}

export class IngestError extends Error {
  constructor(message: string, readonly runId: number, readonly rejected: RowError[] = []) {
    super(message);
  }
}

export function originOf(feed: FeedDef): string {
  return `ingest:${feed.name}`;
}

/** `read` parses and maps the text; the fetch path passes parseInWorker to run it off the event loop. */
export async function ingestFeed(db: Kysely<Database>, feed: FeedDef, input: FeedInput, now = new Date().toISOString(), rulesDir: string = SETTINGS.rulesDir.default,
  read: (input: FeedInput) => FeedOutput | Promise<FeedOutput> = (i) => feed.read(i)): Promise<IngestReport> {
  const origin = originOf(feed);
  const runId = await startRun(db, origin, now);
  const fail = async (message: string, rejected: RowError[] = []) => {
    await finishRun(db, runId, 'failed', { file: input.file, sourceId: input.sourceId, rejected: rejected.slice(0, REPORTED_REJECTIONS) }, message);
    return new IngestError(message, runId, rejected);
  };
  let out;
  try {
    out = await read(input);
  } catch (err) {
    if (err instanceof FeedFormatError) throw await fail(err.message);
    throw await fail(`${input.file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { parsed, mapped } = out;
  const rules = readRules(rulesDir);
  if (!rules.ok) throw await fail(`the rules in ${rulesDir} do not validate, so country codes cannot be checked: ${rules.errors.slice(0, 5).map(formatValidationError).join('; ')}`);
  const unknown = unknownCountryCodes(out.countryCodes ?? [], countryVocabulary(rules.rules.countryCodes));
  if (parsed.rows.length === 0) throw await fail(`${input.file}: no rows accepted (${parsed.rejected.length} rejected)`, parsed.rejected);
  if (parsed.rejected.length > MAX_REJECTED_SHARE * parsed.total && parsed.rejected.length >= MIN_REJECTED_TO_FAIL) {
    throw await fail(`${input.file}: ${parsed.rejected.length} of ${parsed.total} rows rejected (more than ${MAX_REJECTED_SHARE * 100}%), nothing stored; first: ${formatRowError(parsed.rejected[0]!)}`, parsed.rejected);
  }
  try {
    const tables = await db.transaction().execute((trx) => writeCatalog(trx, origin, mapped, now, runId));
    const report: IngestReport = {
      feed: feed.name, file: input.file, sourceId: input.sourceId, asOf: input.asOf, runId, total: parsed.total,
      accepted: parsed.rows.length, rejectedCount: parsed.rejected.length, rejected: parsed.rejected.slice(0, REPORTED_REJECTIONS),
      unknownCountryCodes: unknown, unknownCountryCodeCount: unknown.reduce((n, u) => n + u.rows, 0), tables,
    };
    await finishRun(db, runId, 'succeeded', { ...report, rejected: report.rejected }, null);
    return report;
  } catch (err) {
    throw await fail(`${input.file}: store rejected the data, nothing changed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
