/** The two export sets (src/analytics/exports.ts) computed from the store; the API and the report call these. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { entityRows } from '../store/queries/entity-table.js';
import { BUYERS_SET, chineseBuiltSatelliteBuyers, launchedOnChineseRockets, type ExportSet, type ExportSetId } from '../analytics/exports.js';
import { cachedPayloadsOn, feedAsOf, rulesVersion, vocabularyOf } from './analytics.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { memo } from './data-cache.js';

export async function exportSet(db: Kysely<Database>, id: ExportSetId, rules: Rules): Promise<ExportSet> {
  return memo(db, `export-set:${id}:${rulesVersion(rules)}`, async () => {
    const objects = await entityRows(db, 'SpaceObject');
    if (id === BUYERS_SET) {
      const orgs = new Map((await entityRows(db, 'Organization')).map((o) => [o.id, o.caption]));
      return chineseBuiltSatelliteBuyers(objects, (orgId) => orgs.get(orgId) ?? orgId);
    }
    return launchedOnChineseRockets(await cachedPayloadsOn(db, 'CN'), objects, await feedAsOf(db, 'gcat-launchlog'), vocabularyOf(rules));
  });
}
