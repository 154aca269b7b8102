/** What the reentry watch reads besides a snapshot's objects: earlier element sets of the same objects, and SATCAT RCS. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface EarlierElements { noradId: number; epoch: string; meanMotion: number; sourceId: string }

/** Every stored element set of the objects, oldest first within an object (epochs are ISO text, so text order is time order). */
export async function elementSetsOf(db: Kysely<Database>, noradIds: readonly number[]): Promise<EarlierElements[]> {
  if (noradIds.length === 0) return [];
  const rows = await db.selectFrom('element_sets').select(['norad_id', 'epoch', 'mean_motion', 'source_id'])
    .where('norad_id', 'in', [...noradIds]).orderBy('norad_id').orderBy('epoch').execute();
  return rows.map((r) => ({ noradId: r.norad_id, epoch: r.epoch, meanMotion: r.mean_motion, sourceId: r.source_id }));
}

/** SATCAT radar cross-section (m²) of the objects that have one. */
export async function satcatRcs(db: Kysely<Database>, noradIds: readonly number[]): Promise<Map<number, number>> {
  if (noradIds.length === 0) return new Map();
  const rows = await db.selectFrom('satcat').select(['norad_id', 'rcs_m2']).where('norad_id', 'in', [...noradIds]).where('rcs_m2', 'is not', null).execute();
  return new Map(rows.map((r) => [r.norad_id, r.rcs_m2!]));
}
