/** Catalog objects as classified in the GP snapshot on or before a date, filtered (the /catalog/objects view). */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { ClassifiedObject } from '../analytics/spacecraft.js';
import { listSnapshots } from '../store/queries/catalog.js';
import { AnalyticsError, cachedClassified, countryParameterProblem, CountryParameterError } from './analytics.js';

export interface CatalogObjectsQuery { program?: string; country?: string; missionType?: string; regime?: string; q?: string; asOf?: string; limit: number }

export interface CatalogObjects { snapshot: SnapshotInfo; total: number; items: ClassifiedObject[] }

export async function catalogObjects(db: Kysely<Database>, rules: Rules, q: CatalogObjectsQuery): Promise<CatalogObjects> {
  const problem = countryParameterProblem(rules, q.country);
  if (problem) throw new CountryParameterError(problem);
  const snapshot = (await listSnapshots(db)).filter((s) => !q.asOf || s.asOf <= q.asOf).at(-1);
  if (!snapshot) throw new AnalyticsError('no GP snapshot ingested on or before that date');
  const text = q.q?.toUpperCase();
  const matching = (await cachedClassified(db, rules, snapshot.id)).filter((o) =>
    (!q.program || o.program === q.program) && (!q.country || o.country === q.country) && (!q.missionType || o.missionType === q.missionType)
    && (!q.regime || o.regime === q.regime) && (!text || o.objectName.includes(text)));
  return { snapshot, total: matching.length, items: matching.slice(0, q.limit) };
}
