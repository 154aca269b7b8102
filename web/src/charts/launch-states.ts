/**
 * Names of Figure 7's country keys (ISO 3166-1 alpha-2 codes and named groups such as
 * soviet-union or esa), read from the answer's own legend (`countries`), which the server
 * builds from data/rules/country-codes.yaml.
 */
import type { LaunchesFigure } from '../api/types.ts';

export function stateName(f: Pick<LaunchesFigure, 'countries'>, code: string): string {
  return f.countries?.[code]?.name ?? code;
}
