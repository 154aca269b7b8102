/** A kind's table view from the store: the entity rows, the names of the entities they refer to, and (for organizations) the investments. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { entityRows, type EntityRow } from '../store/queries/entity-table.js';
import { propertiesOf, type KindName } from '../model/kinds.js';
import { TABLE_VIEWS } from '../model/table-views.js';
import { tableView, type TableViewParams, type TableViewResult } from '../analytics/table-view.js';
import { memo } from './data-cache.js';

async function captionsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('entities').select(['id', 'caption']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.caption]));
}

/** A kind's rows and what their cells refer to, read once per data version (any load, ingest or approval renews it). */
export function tableInputs(db: Kysely<Database>, kind: KindName): Promise<{ rows: EntityRow[]; captions: Map<string, string>; investments: EntityRow[] }> {
  return memo(db, `table-inputs:${kind}`, async () => {
    const [rows, investments] = await Promise.all([entityRows(db, kind), kind === 'Organization' ? entityRows(db, 'Investment') : Promise.resolve([])]);
    const props = propertiesOf(kind);
    const refColumns = TABLE_VIEWS[kind].columns.filter((c) => props[c]?.type === 'entity');
    const referenced = [...new Set(rows.flatMap((r) => refColumns.flatMap((c) => [...(r.values[c] ?? []), ...(r.conflicts[c] ?? [])].map((v) => v.value))))];
    return { rows, captions: await captionsOf(db, referenced), investments };
  });
}

/** The view (filters, sort, columns, facets) is computed per request over the kind's memoised rows, which it does not change. */
export async function entityTable(db: Kysely<Database>, kind: KindName, params: TableViewParams): Promise<TableViewResult> {
  const { rows, captions, investments } = await tableInputs(db, kind);
  return tableView(kind, rows, { captions, investments }, params);
}
