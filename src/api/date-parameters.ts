/**
 * Date parameters, checked against the calendar (2026-02-30 and 2026-99-99 get a 400
 * naming the parameter): the JSON Schema formats `date` and `date-time` (RFC 3339, as
 * ajv-formats checks them), and the conversion of a date-time to UTC for comparisons.
 */
import { ApiError } from './errors.js';

/** A calendar day, YYYY-MM-DD. */
export const DATE = { type: 'string', format: 'date', description: 'a calendar date, YYYY-MM-DD' } as const;

/** A calendar day or an RFC 3339 date-time with its offset (e.g. 2026-05-01T12:00:00Z). */
export const DATE_OR_DATE_TIME = {
  type: 'string', anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }],
  description: 'YYYY-MM-DD, or an RFC 3339 date-time with its offset (e.g. 2026-05-01T12:00:00Z)',
} as const;

/** A year, a year and month, or a calendar day: YYYY, YYYY-MM or YYYY-MM-DD. */
export const YEAR_MONTH_OR_DATE = {
  type: 'string', anyOf: [{ type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$' }, { type: 'string', format: 'date' }],
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
} as const;

/** The instant a date-time parameter names (a 400 naming it when JavaScript cannot represent it, e.g. a leap second). */
export function instantOf(field: string, value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new ApiError(400, 'invalid_request', `invalid ${field}`, [{ field, reason: 'not a representable instant' }]);
  return at;
}

/** A day as is; a date-time as its UTC ISO form, so it compares as text with stored UTC timestamps. */
export function utcBound(field: string, value: string | undefined): string | undefined {
  return value === undefined || value.length === 10 ? value : instantOf(field, value).toISOString();
}
