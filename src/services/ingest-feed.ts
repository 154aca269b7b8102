/**
 * Ingests one feed's file: check its invariants, parse and map (pure), then write in one transaction.
 * Before anything is written the file must be complete, be the expected table, hold well-formed values
 * (a bad value rejects its row) and be plausible against the previous successful ingest
 * (src/ingest/feed-invariants.ts). A refused file changes nothing: it is recorded as a failed run with
 * the check and reason, and kept in the quarantine folder. Only a shrink can be accepted (acceptShrink).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { CATALOG_TABLES, type CatalogTable, type MappedCatalog } from '../model/catalog-rows.js';
import { startRun, finishRun, amendRunDetail } from '../store/runs.js';
import { writeCatalog, type CatalogCounts } from '../store/write-catalog.js';
import { FeedFormatError, formatRowError, type RowError } from '../ingest/feed-errors.js';
import type { Refusal, RefusalCheck } from '../ingest/feed-invariants.js';
import { checkFileText, checkLength, checkPlausible, checkRowIdentity, decodeFeedBytes } from '../ingest/check-feed.js';
import type { FeedDef, FeedInput, FeedOutput } from './feeds.js';
import type { UnknownCountryCode } from '../ingest/country-code-check.js';
import { checkCountryCodes } from './feed-country-check.js';
import { SETTINGS } from '../config/settings.js';
import { keptKeys, previousIngest, nextKeys } from './previous-ingest.js';
import { quarantineFile, type QuarantineRetention, type RemovedQuarantine } from './feed-quarantine.js';
import { errorMessage } from '../model/error-message.js';

/** More rejected rows than this share (and than MIN_REJECTED_TO_FAIL) means the file, not a few rows, is wrong. */
export const MAX_REJECTED_SHARE = 0.05;
export const MIN_REJECTED_TO_FAIL = 10;
const REPORTED_REJECTIONS = 100;

/** A file as text, or a download as the bytes received (decoded as strict UTF-8, checked against Content-Length). */
export type FeedSource = Omit<FeedInput, 'text'> & ({ text: string } | { bytes: Uint8Array; contentLength?: number | null });

export interface IngestOptions {
  now?: string;
  rulesDir?: string;
  /** Where refused files are kept; null or absent: not kept. */
  quarantineDir?: string | null;
  /** How many refused files the quarantine keeps (default: the settings' defaults). */
  quarantineRetention?: QuarantineRetention;
  /** Accept a file whose only fault is that it shrank against the previous ingest (an operator's deliberate choice). */
  acceptShrink?: boolean;
  /** Parses, checks and maps the text (default: the feed's own `read`); the fetch path passes parseInWorker to run it off the event loop. */
  read?: (input: FeedInput) => FeedOutput | Promise<FeedOutput>;
}

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
  /**
   * Tables that removed nothing in this run because a rejected row's key could not be read (it might name
   * any stored row); rows the file dropped stay until a file without such a rejection is ingested.
   */
  removalsWithheld: CatalogTable[];
  /** The previous successful ingest this file was compared with, and a shrink an operator accepted. */
  previous: { runId: number; rows: number; keys: number } | null;
  acceptedShrink: string | null;
}

export class IngestError extends Error {
  constructor(message: string, readonly runId: number, readonly rejected: RowError[] = [], readonly check: RefusalCheck = 'format', readonly quarantined: string | null = null) {
    super(message);
  }
}

/** The tables whose rejected rows include one with an unreadable key (MappedCatalog.kept 'all'). */
function withheldTables(mapped: MappedCatalog): CatalogTable[] {
  return CATALOG_TABLES.filter((t) => mapped.kept?.[t] === 'all');
}

export function originOf(feed: FeedDef): string {
  return `ingest:${feed.name}`;
}

interface RunContext {
  feed: FeedDef; runId: number; at: string; file: string; sourceId: string; quarantineDir?: string | null; quarantineRetention?: QuarantineRetention;
}

/** What a run's detail says once the quarantine's retention deleted the file it kept: where it was, when and why. */
export interface QuarantineRemoval { file: string; at: string; reason: string }

/**
 * Notes on each run whose kept file the retention deleted that it is gone (quarantined: null,
 * quarantineRemoved); its outcome, check and reason stay. A run of another store (a shared folder) is not touched.
 */
async function noteRemovals(db: Kysely<Database>, removed: RemovedQuarantine[], at: string, byRun: number): Promise<void> {
  for (const r of removed) {
    if (r.runId === null) continue;
    const removal: QuarantineRemoval = { file: r.path, at, reason: `deleted by the quarantine's retention when run ${byRun} kept its file` };
    await amendRunDetail(db, r.runId, `ingest:${r.feed}`, (detail) =>
      detail.quarantined === r.path ? { ...detail, quarantined: null, quarantineRemoved: removal } : null);
  }
}

/** Keeps a refused file in the quarantine (see feed-quarantine.ts) and notes the runs whose files its retention deleted. */
async function keepRefused(db: Kysely<Database>, ctx: RunContext, dir: string, refusal: Refusal, body: string | Uint8Array): Promise<string> {
  const entry = { feed: ctx.feed.name, runId: ctx.runId, at: ctx.at, file: ctx.file, refusal };
  const kept = quarantineFile(dir, entry, body, ctx.quarantineRetention);
  await noteRemovals(db, kept.removed, ctx.at, ctx.runId);
  return kept.path;
}

/** Records a refused file as a failed run (check, reason, where it is kept) and returns the error to throw. */
export async function refuse(
  db: Kysely<Database>, ctx: RunContext, refusal: Refusal, body: string | Uint8Array | null, rejected: RowError[] = [],
): Promise<IngestError> {
  const keep = body !== null && ctx.quarantineDir && refusal.check !== 'store' && refusal.check !== 'rules';
  const quarantined = keep ? await keepRefused(db, ctx, ctx.quarantineDir!, refusal, body) : null;
  const detail = { file: ctx.file, sourceId: ctx.sourceId, refused: true, check: refusal.check, quarantined, rejected: rejected.slice(0, REPORTED_REJECTIONS) };
  await finishRun(db, ctx.runId, 'failed', detail, refusal.reason);
  return new IngestError(refusal.reason, ctx.runId, rejected, refusal.check, quarantined);
}

export async function ingestFeed(db: Kysely<Database>, feed: FeedDef, source: FeedSource, opts: IngestOptions = {}): Promise<IngestReport> {
  const now = opts.now ?? new Date().toISOString();
  const rulesDir = opts.rulesDir ?? SETTINGS.rulesDir.default;
  const origin = originOf(feed);
  const runId = await startRun(db, origin, now);
  const ctx: RunContext = { feed, runId, at: now, file: source.file, sourceId: source.sourceId, quarantineDir: opts.quarantineDir, quarantineRetention: opts.quarantineRetention };
  const body = 'bytes' in source ? source.bytes : source.text;
  const fail = async (check: RefusalCheck, reason: string, rejected: RowError[] = []) => refuse(db, ctx, { check, reason }, body, rejected);

  let text: string;
  if ('bytes' in source) {
    const short = checkLength(source.bytes.byteLength, source.contentLength ?? null, source.file);
    if (short) throw await refuse(db, ctx, short, body);
    const decoded = decodeFeedBytes(source.bytes, source.file);
    if ('check' in decoded) throw await refuse(db, ctx, decoded, body);
    text = decoded.text;
  } else text = source.text;
  const input: FeedInput = { text, file: source.file, sourceId: source.sourceId, asOf: source.asOf, receivedAt: source.receivedAt ?? now };
  const inv = feed.invariants;
  const fileProblem = checkFileText(text, inv, input.file);
  if (fileProblem) throw await refuse(db, ctx, fileProblem, body);

  let out: FeedOutput;
  try {
    out = await (opts.read ?? ((i: FeedInput) => feed.read(i)))(input);
  } catch (err) {
    if (err instanceof FeedFormatError) throw await fail('format', err.message);
    throw await fail('format', `${input.file}: ${errorMessage(err)}`);
  }
  const parsed = out.parsed;
  if (parsed.rows.length === 0) throw await fail('format', `${input.file}: no rows accepted (${parsed.rejected.length} rejected)`, parsed.rejected);
  // Which table the rows are comes first: another table's rows may also fail this one's checks (launch
  // points offered as sites repeat their Site codes).
  const identity = checkRowIdentity(parsed.rows, inv, input.file);
  if (identity) throw await refuse(db, ctx, identity, body);
  if (parsed.rejected.length > MAX_REJECTED_SHARE * parsed.total && parsed.rejected.length >= MIN_REJECTED_TO_FAIL) {
    throw await fail('values', `${input.file}: ${parsed.rejected.length} of ${parsed.total} rows rejected (more than ${MAX_REJECTED_SHARE * 100}%), nothing stored; first: ${formatRowError(parsed.rejected[0]!)}`, parsed.rejected);
  }
  // A download's codes were checked in its parse worker; a local file's are checked here.
  const countries = out.countryCheck ?? checkCountryCodes(rulesDir, out.countryCodes ?? []);
  if (!countries.ok) throw await fail('rules', countries.reason);
  const unknown = countries.unknown;

  const previous = await previousIngest(db, origin, inv);
  const { keys } = inv.previous;
  const nextRows = out.mapped.tables[keys.mapped ?? (keys.table as CatalogTable)];
  // Rows rejected with a readable key keep their stored rows: present, for the plausibility check.
  const kept = out.mapped.kept?.[keys.table as CatalogTable];
  const present = nextKeys(nextRows, keys.column);
  for (const k of await keptKeys(db, inv, kept)) present.add(k);
  const keptRows = Array.isArray(kept) ? kept.length : 0;
  const shrink = checkPlausible(previous, { rows: parsed.rows.length + keptRows, keys: present }, inv, input.file);
  if (shrink && !opts.acceptShrink) throw await refuse(db, ctx, { ...shrink, reason: `${shrink.reason}; nothing stored (--accept-shrink accepts it)` }, body);

  try {
    const tables = await db.transaction().execute((trx) => writeCatalog(trx, origin, out.mapped, now, runId));
    const report: IngestReport = {
      feed: feed.name, file: input.file, sourceId: input.sourceId, asOf: input.asOf, runId, total: parsed.total,
      accepted: parsed.rows.length, rejectedCount: parsed.rejected.length, rejected: parsed.rejected.slice(0, REPORTED_REJECTIONS),
      unknownCountryCodes: unknown, unknownCountryCodeCount: unknown.reduce((n, u) => n + u.rows, 0), tables,
      removalsWithheld: withheldTables(out.mapped),
      previous: previous && { runId: previous.runId, rows: previous.rows, keys: previous.keys.size },
      acceptedShrink: shrink ? shrink.reason : null,
    };
    await finishRun(db, runId, 'succeeded', { ...report }, null);
    return report;
  } catch (err) {
    throw await fail('store', `${input.file}: store rejected the data, nothing changed: ${errorMessage(err)}`);
  }
}
