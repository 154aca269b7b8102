/** The analytics' own errors as API errors: no data yet is a 409, a country that is not a key is a 400 naming the parameter. */
import { AnalyticsError, CountryParameterError } from '../services/analytics.js';
import { countryParameterError } from './country-parameter.js';
import { ApiError } from './errors.js';

export async function guarded<T>(compute: () => Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (err) {
    if (err instanceof AnalyticsError) throw new ApiError(409, 'no_data', err.message);
    if (err instanceof CountryParameterError) throw countryParameterError(err.message);
    throw err;
  }
}
