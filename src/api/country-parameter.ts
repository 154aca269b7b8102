/** The `country` query parameter of the analytics and catalog routes: one schema, one 400. */
import { ApiError } from './errors.js';

/** A country key: checked against data/rules/country-codes.yaml by the service (a 400 names the parameter). */
export const COUNTRY_PARAMETER = {
  type: 'string', minLength: 1, maxLength: 40,
  description: 'ISO 3166-1 alpha-2 code (e.g. JP, GB) or a named group of data/rules/country-codes.yaml (e.g. soviet-union, esa); dataset codes such as GCAT J are rejected',
} as const;

export function countryParameterError(reason: string): ApiError {
  return new ApiError(400, 'invalid_request', 'invalid querystring.country', [{ field: 'querystring.country', reason }]);
}
