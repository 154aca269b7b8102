/** Validates the curated folder and, only if all of it is valid, loads it in one transaction. */
import type { Kysely } from 'kysely';
import { readKnowledgeBase } from '../ingest/curated/read-knowledge-base.js';
import type { ValidationError } from '../ingest/curated/yaml-file.js';
import { loadKnowledgeBase, type LoadReport } from '../store/load-knowledge-base.js';
import { CURATED_ORIGIN } from '../model/knowledge-base.js';
import type { Database } from '../store/schema.js';

export type CuratedLoadResult =
  | { ok: true; report: LoadReport; files: number }
  | { ok: false; errors: ValidationError[]; files: number };

export async function loadCurated(db: Kysely<Database>, dir: string): Promise<CuratedLoadResult> {
  const read = readKnowledgeBase(dir);
  if (!read.ok) return read;
  const report = await loadKnowledgeBase(db, read.kb, CURATED_ORIGIN);
  return { ok: true, report, files: read.files };
}

/** True when nothing has ever been loaded successfully (a fresh store). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const run = await db.selectFrom('runs').select('id').where('status', '=', 'succeeded').limit(1).executeTakeFirst();
  return !run;
}
