/**
 * The per-object constants the near-Earth SGP4 time step reads, in the order they are packed into
 * the engine's coefficient table (one row of NEAR_EARTH_FIELDS.length doubles per object). They are
 * the quantities Vallado et al. (2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753) compute
 * once in sgp4init; the engine takes them from satellite.js's initialisation so both start equal.
 */
export const NEAR_EARTH_FIELDS = [
  'mo', 'mdot', 'argpo', 'argpdot', 'nodeo', 'nodedot', 'nodecf', 'cc1', 'bstar', 'cc4', 't2cof',
  'isimp', 'omgcof', 'eta', 'xmcof', 'delmo', 'd2', 'd3', 'd4', 'cc5', 'sinmao', 't3cof', 't4cof',
  't5cof', 'no', 'ecco', 'inclo', 'aycof', 'xlcof', 'con41', 'x1mth2', 'x7thm1',
] as const;

export type NearEarthField = (typeof NEAR_EARTH_FIELDS)[number];
export const NEAR_EARTH_STRIDE = NEAR_EARTH_FIELDS.length;
export const FIELD_INDEX = Object.fromEntries(NEAR_EARTH_FIELDS.map((f, i) => [f, i])) as Record<NearEarthField, number>;
