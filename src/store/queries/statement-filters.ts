/**
 * Filters on "an entity whose statements say …", shared by every list that takes
 * segment, hub or country: the entity list, the change feed, the entity tables, the timeline.
 */
import { sql } from 'kysely';

/** Properties whose value is an ISO country code. */
export const COUNTRY_PROPERTIES = ['country', 'iso2', 'nationality', 'ownerCountry'];
/** Properties that link to a Country entity (country.xx). */
export const COUNTRY_LINKS = ['party', 'payloadPartner', 'relatedTo'];

/** The entity in `column` has a statement of one of `properties` with exactly `value`. */
export function hasStatement(column: string, properties: string[], value: string) {
  return sql<boolean>`exists (select 1 from statements s where s.entity_id = ${sql.ref(column)} and s.property in (${sql.join(properties)}) and s.value = ${value})`;
}

/** The entity in `column` concerns the country: a country-coded property, or a link to its Country entity. */
export function concernsCountry(column: string, iso2: string) {
  return sql<boolean>`(${hasStatement(column, COUNTRY_PROPERTIES, iso2)} or ${hasStatement(column, COUNTRY_LINKS, `country.${iso2.toLowerCase()}`)})`;
}
