/** The orbital catalog seen from a curated entity: its NORAD number's newest element set and how many the store holds. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { EntityDetail } from '../store/queries/entities.js';
import { latestElements, type LatestElements } from '../store/queries/catalog.js';

export interface EntityCatalog {
  noradId: number;
  /** The statement the NORAD number comes from. */
  noradSource: { sourceId: string; locator: string | null };
  cosparId: string | null;
  /** Null when no element set for this number has been ingested (e.g. an object that left Earth orbit). */
  latest: LatestElements | null;
  elementSetCount: number;
  /** The orbit history route, or null when nothing is stored for the number. */
  history: string | null;
  definition: string;
}

export const ENTITY_CATALOG_DEFINITION = 'latest: the element set with the newest epoch among every GP element set ingested for this NORAD number '
  + '(CelesTrak TLE and OMM snapshots and live downloads), as published (mean elements; angles in degrees, mean motion in revolutions per day); '
  + 'elementSetCount: how many element sets are stored for it (its orbit history, listed at history).';

/** Null when the entity has no NORAD number. */
export async function entityCatalog(db: Kysely<Database>, entity: EntityDetail): Promise<EntityCatalog | null> {
  const pick = (p: string) => entity.properties.find((x) => x.property === p)?.preferred[0] ?? null;
  const norad = pick('norad');
  if (!norad || !/^\d+$/.test(norad.value)) return null;
  const noradId = Number(norad.value);
  const found = await latestElements(db, noradId);
  return {
    noradId, noradSource: { sourceId: norad.sourceId, locator: norad.locator }, cosparId: pick('cospar')?.value ?? null,
    latest: found?.latest ?? null, elementSetCount: found?.count ?? 0, history: found ? `/api/v1/catalog/objects/${noradId}` : null,
    definition: ENTITY_CATALOG_DEFINITION,
  };
}
