/**
 * First start: load the curated knowledge base, then every bundled snapshot, so a fresh store shows
 * real data offline. Resumable: each step is its own run (one transaction), a step counts as done
 * when a run of it succeeded, and the bootstrap is marked complete in store_meta only after every
 * step. A start that finds the bootstrap begun but not complete (a killed first start) finishes
 * the missing steps. A store filled another way (import) is left alone.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { loadCurated, isEmpty } from './load-curated.js';
import { ingestBundled, SNAPSHOT_DIR } from './bundled-snapshots.js';
import { FEEDS } from './feeds.js';
import { originOf, type IngestReport } from './ingest-feed.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { CURATED_ORIGIN } from '../model/knowledge-base.js';

export const BOOTSTRAP_STARTED = 'bootstrap_started_at';
export const BOOTSTRAP_COMPLETED = 'bootstrap_completed_at';

interface Step { label: string; origin: string; file: string | null; run: () => Promise<void> }

/** Runs the steps of the first start that are missing; false when there was nothing to do. */
export async function finishBootstrap(db: Kysely<Database>, kbDir: string, rulesDir: string, log: (line: string) => void): Promise<boolean> {
  if (await readMeta(db, BOOTSTRAP_COMPLETED)) return false;
  const steps = bootstrapSteps(db, kbDir, rulesDir, log);
  const done = await Promise.all(steps.map((s) => stepDone(db, s)));
  const begun = Boolean(await readMeta(db, BOOTSTRAP_STARTED)) || done.some(Boolean);
  if (!begun && !(await isEmpty(db))) return false;
  if (!begun) await writeMeta(db, BOOTSTRAP_STARTED, new Date().toISOString());
  const missing = steps.filter((_, i) => !done[i]);
  if (missing.length) {
    log(begun ? `first start was interrupted: finishing ${missing.length} of ${steps.length} steps …` : 'first start: loading the curated knowledge base and the bundled catalog snapshots …');
  }
  for (const step of missing) await step.run();
  await writeMeta(db, BOOTSTRAP_COMPLETED, new Date().toISOString());
  return missing.length > 0;
}

function bootstrapSteps(db: Kysely<Database>, kbDir: string, rulesDir: string, log: (line: string) => void): Step[] {
  const curated: Step = {
    label: 'curated knowledge base', origin: CURATED_ORIGIN, file: null,
    run: async () => {
      const result = await loadCurated(db, kbDir, rulesDir);
      if (!result.ok) {
        result.errors.slice(0, 50).forEach((e) => log(formatValidationError(e)));
        throw new Error(`the curated data did not validate (${result.errors.length} errors)`);
      }
      log(`  curated knowledge base: ${result.report.entities.added} entities, ${result.report.statements.added} statements, ${result.report.points.added} series points`);
    },
  };
  const snapshots = FEEDS.flatMap((feed) => [...feed.bundled].sort((a, b) => a.asOf.localeCompare(b.asOf)).map((snap): Step => ({
    label: `${feed.name} ${snap.file}`, origin: originOf(feed), file: `${SNAPSHOT_DIR}/${snap.file}`,
    run: async () => logReport(await ingestBundled(db, feed, snap, rulesDir), log),
  })));
  return [curated, ...snapshots];
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
