/** An entity as a row of preferred, cited values (the store builds them; analytics and views read them). */
export interface Cited { value: string; sourceId: string; locator: string | null; qualifier: string | null; status: string; asOf: string | null }
export interface EntityRow {
  id: string;
  kind: string;
  caption: string;
  /** Preferred value per property: every value for multiple properties, the preferred one otherwise. */
  values: Record<string, Cited[]>;
  /** Every value of single-valued properties that have more than one (conflicts), preferred first. */
  conflicts: Record<string, Cited[]>;
}


/** The first preferred value of a property, or null. */
export const first = (row: EntityRow, property: string): string | null => row.values[property]?.[0]?.value ?? null;
export const all = (row: EntityRow, property: string): string[] => (row.values[property] ?? []).map((c) => c.value);
