/** First start: load the curated knowledge base, then every bundled snapshot, so a fresh store shows real data offline. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { loadCurated, isEmpty } from './load-curated.js';
import { ingestAllBundled } from './bundled-snapshots.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';

export async function bootstrapIfEmpty(db: Kysely<Database>, kbDir: string, rulesDir: string, log: (line: string) => void): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  log('first start: loading the curated knowledge base …');
  const result = await loadCurated(db, kbDir, rulesDir);
  if (!result.ok) {
    result.errors.slice(0, 50).forEach((e) => log(formatValidationError(e)));
    throw new Error(`the curated data did not validate (${result.errors.length} errors)`);
  }
  log(`  ${result.report.entities.added} entities, ${result.report.statements.added} statements, ${result.report.points.added} series points`);
  log('first start: ingesting the bundled catalog snapshots …');
  await ingestAllBundled(db, (r) => log(`  ${r.feed} ${r.file}: ${r.accepted} rows accepted, ${r.rejectedCount} rejected${r.unknownCountryCodeCount ? `, ${r.unknownCountryCodeCount} unknown country codes (${r.unknownCountryCodes.map((u) => `${u.field} ${u.code}`).join(', ')})` : ''}`), rulesDir);
  return true;
}
