/**
 * Validates the curated folder and the rules and, only if all of it is valid, loads the knowledge base in one
 * transaction. A folder that does not validate changes nothing stored and is recorded as a failed run of the
 * curated origin, with its first errors (file, line, field, reason), as a refused feed file is.
 */
import type { Kysely } from 'kysely';
import { readKnowledgeBase, type ReadResult } from '../ingest/curated/read-knowledge-base.js';
import { readRules, checkRuleReferences } from '../ingest/rules/read-rules.js';
import { formatValidationError, type ValidationError } from '../ingest/curated/yaml-file.js';
import { loadKnowledgeBase, type LoadReport } from '../store/load-knowledge-base.js';
import { finishRun, startRun } from '../store/runs.js';
import { CURATED_ORIGIN } from '../model/knowledge-base.js';
import { printable } from '../model/text-safety.js';
import type { Database } from '../store/schema.js';

/** At most this many validation errors are kept with the failed run. */
const RECORDED_ERRORS = 100;

export type CuratedLoadResult =
  | { ok: true; report: LoadReport; files: number }
  | { ok: false; errors: ValidationError[]; files: number; runId: number };

/** The knowledge base and, when a rules folder is given, the rules checked against it. */
export function validateCurated(kbDir: string, rulesDir?: string): ReadResult {
  const read = readKnowledgeBase(kbDir);
  if (!rulesDir) return read;
  const rules = readRules(rulesDir);
  const ruleErrors = !rules.ok ? rules.errors
    : read.ok ? checkRuleReferences(rules.rules, new Set(read.kb.entities.map((e) => e.id)), new Set(read.kb.sources.map((s) => s.id))) : [];
  if (!ruleErrors.length) return read;
  return { ok: false, files: read.files, errors: [...(read.ok ? [] : read.errors), ...ruleErrors] };
}

export async function loadCurated(db: Kysely<Database>, dir: string, rulesDir?: string): Promise<CuratedLoadResult> {
  const read = validateCurated(dir, rulesDir);
  if (!read.ok) return { ...read, runId: await recordRefusedLoad(db, dir, rulesDir ?? null, read.errors) };
  const report = await loadKnowledgeBase(db, read.kb, CURATED_ORIGIN);
  return { ok: true, report, files: read.files };
}

/** Records a load refused by validation as a failed run: the folders, the error count, the first errors. */
export async function recordRefusedLoad(db: Kysely<Database>, dir: string, rulesDir: string | null, errors: ValidationError[]): Promise<number> {
  const runId = await startRun(db, CURATED_ORIGIN, new Date().toISOString());
  const first = errors[0] ? `; first: ${formatValidationError(errors[0])}` : '';
  const message = printable(`${dir}: ${errors.length} validation error(s), nothing was loaded${first}`);
  await finishRun(db, runId, 'failed', { dir, rulesDir, refused: true, check: 'validation', errorCount: errors.length, errors: errors.slice(0, RECORDED_ERRORS) }, message);
  return runId;
}

/** True when nothing has ever been loaded successfully (a fresh store). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const run = await db.selectFrom('runs').select('id').where('status', '=', 'succeeded').limit(1).executeTakeFirst();
  return !run;
}
