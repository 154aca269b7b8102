/**
 * First start: load the curated knowledge base, then every bundled snapshot, so a fresh store shows
 * real data offline. Resumable: each step is its own run (one transaction), a step counts as done
 * when a run of it succeeded, and the bootstrap is marked complete in store_meta only after every
 * step. A start that finds the bootstrap begun but not complete (a killed first start) finishes
 * the missing steps. A store filled another way (import) is left alone. Each step's files are read
 * (checked, parsed, mapped) ahead of its write, while the store writes the step before or opens.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { validateCurated, isEmpty, recordRefusedLoad } from './load-curated.js';
import { bundledPath, ingestBundled, readBundled, type BundledRead } from './bundled-snapshots.js';
import { loadKnowledgeBase } from '../store/load-knowledge-base.js';
import type { ReadResult } from '../ingest/curated/read-knowledge-base.js';
import { ReadAhead } from './read-ahead.js';
import { FEEDS } from './feeds.js';
import { originOf, type IngestReport } from './ingest-feed.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { CURATED_ORIGIN } from '../model/knowledge-base.js';

export const BOOTSTRAP_STARTED = 'bootstrap_started_at';
export const BOOTSTRAP_COMPLETED = 'bootstrap_completed_at';

/**
 * One step of the first start: what it reads (pure: a folder checked, a file parsed and mapped;
 * keyed, so it can be read ahead) and how it writes that into the store.
 */
interface Step<T = unknown> { label: string; origin: string; file: string | null; read: () => T; write: (db: Kysely<Database>, read: T) => Promise<void> }

/**
 * Runs the steps of the first start that are missing; false when there was nothing to do. Each
 * step's read is done ahead (`ahead`, or a ReadAhead of its own), so the next file is parsed while
 * the store writes the one before.
 */
export async function finishBootstrap(
  db: Kysely<Database>, kbDir: string, rulesDir: string, log: (line: string) => void, ahead = new ReadAhead(),
): Promise<boolean> {
  if (await readMeta(db, BOOTSTRAP_COMPLETED)) return false;
  const steps = bootstrapSteps(kbDir, rulesDir, log);
  const done = await Promise.all(steps.map((s) => stepDone(db, s)));
  const begun = Boolean(await readMeta(db, BOOTSTRAP_STARTED)) || done.some(Boolean);
  if (!begun && !(await isEmpty(db))) return false;
  if (!begun) await writeMeta(db, BOOTSTRAP_STARTED, new Date().toISOString());
  const missing = steps.filter((_, i) => !done[i]);
  if (missing.length) {
    log(begun ? `first start was interrupted: finishing ${missing.length} of ${steps.length} steps …` : 'first start: loading the curated knowledge base and the bundled catalog snapshots …');
  }
  ahead.start(missing.map((s) => ({ key: s.label, read: s.read })));
  for (const step of missing) await step.write(db, await ahead.take(step.label, step.read));
  await writeMeta(db, BOOTSTRAP_COMPLETED, new Date().toISOString());
  return missing.length > 0;
}

/**
 * Starts reading every step of a first start while the store is still opening (a new PGlite folder:
 * creating its database, from the build's empty store or by initdb, keeps the store's thread busy for
 * 1–3 s); finishBootstrap takes the reads of the steps it runs.
 */
export function readBootstrapAhead(kbDir: string, rulesDir: string): ReadAhead {
  const ahead = new ReadAhead();
  ahead.start(bootstrapSteps(kbDir, rulesDir, () => {}).map((s) => ({ key: s.label, read: s.read })));
  return ahead;
}

function bootstrapSteps(kbDir: string, rulesDir: string, log: (line: string) => void): Step[] {
  const curated: Step<ReadResult> = {
    label: 'curated knowledge base', origin: CURATED_ORIGIN, file: null,
    read: () => validateCurated(kbDir, rulesDir),
    write: async (db, read) => {
      if (!read.ok) {
        read.errors.slice(0, 50).forEach((e) => log(formatValidationError(e)));
        const runId = await recordRefusedLoad(db, kbDir, rulesDir, read.errors);
        throw new Error(`the curated data did not validate (${read.errors.length} errors; failed run ${runId})`);
      }
      const report = await loadKnowledgeBase(db, read.kb, CURATED_ORIGIN);
      log(`  curated knowledge base: ${report.entities.added} entities, ${report.statements.added} statements, ${report.points.added} series points`);
    },
  };
  const snapshots = FEEDS.flatMap((feed) => [...feed.bundled].sort((a, b) => a.asOf.localeCompare(b.asOf)).map((snap): Step<BundledRead> => ({
    label: `${feed.name} ${snap.file}`, origin: originOf(feed), file: bundledPath(snap),
    read: () => readBundled(feed, snap),
    write: async (db, read) => logReport(await ingestBundled(db, feed, snap, rulesDir, {}, read), log),
  })));
  return [curated as Step, ...(snapshots as Step[])];
}

function logReport(r: IngestReport, log: (line: string) => void): void {
  const unknown = r.unknownCountryCodeCount ? `, ${r.unknownCountryCodeCount} unknown country codes (${r.unknownCountryCodes.map((u) => `${u.field} ${u.code}`).join(', ')})` : '';
  log(`  ${r.feed} ${r.file}: ${r.accepted} rows accepted, ${r.rejectedCount} rejected${unknown}`);
}

async function stepDone(db: Kysely<Database>, step: Step): Promise<boolean> {
  let q = db.selectFrom('runs').select('id').where('origin', '=', step.origin).where('status', '=', 'succeeded');
  if (step.file) q = q.where(sql<string>`detail->>'file'`, '=', step.file);
  return Boolean(await q.limit(1).executeTakeFirst());
}

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  return (await db.selectFrom('store_meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db.insertInto('store_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
