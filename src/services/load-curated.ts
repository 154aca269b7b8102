/** Validates the curated folder and the rules and, only if all of it is valid, loads the knowledge base in one transaction. */
import type { Kysely } from 'kysely';
import { readKnowledgeBase, type ReadResult } from '../ingest/curated/read-knowledge-base.js';
import { readRules, checkRuleReferences } from '../ingest/rules/read-rules.js';
import type { ValidationError } from '../ingest/curated/yaml-file.js';
import { loadKnowledgeBase, type LoadReport } from '../store/load-knowledge-base.js';
import { CURATED_ORIGIN } from '../model/knowledge-base.js';
import type { Database } from '../store/schema.js';

export type CuratedLoadResult =
  | { ok: true; report: LoadReport; files: number }
  | { ok: false; errors: ValidationError[]; files: number };

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
  if (!read.ok) return read;
  const report = await loadKnowledgeBase(db, read.kb, CURATED_ORIGIN);
  return { ok: true, report, files: read.files };
}

/** True when nothing has ever been loaded successfully (a fresh store). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const run = await db.selectFrom('runs').select('id').where('status', '=', 'succeeded').limit(1).executeTakeFirst();
  return !run;
}
