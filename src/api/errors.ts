/**
 * The one error shape of the whole API, pinned by test/api/error-shape.test.ts:
 *   { "error": { "status": 404, "code": "not_found", "message": "…", "details": [ … ] } }
 * `details` is present only when there is something to list (e.g. invalid parameters).
 */
export interface ApiErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    details?: { field: string; reason: string }[];
  };
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: { field: string; reason: string }[]) {
    super(message);
  }
}

export function errorBody(status: number, code: string, message: string, details?: { field: string; reason: string }[]): ApiErrorBody {
  return { error: { status, code, message, ...(details && details.length ? { details } : {}) } };
}

/** Ajv's summary of a failed anyOf, which adds nothing to the branches' own reasons. */
const ANY_OF = 'must match a schema in anyOf';

/**
 * One detail per field, in first-seen order: a parameter that may take several forms (anyOf: a date or a
 * date-time) fails each branch, and those reasons become one ("must match one of: format "date"; format "date-time"").
 */
export function oneReasonPerField(details: readonly { field: string; reason: string }[]): { field: string; reason: string }[] {
  const byField = new Map<string, string[]>();
  for (const d of details) (byField.get(d.field) ?? byField.set(d.field, []).get(d.field)!).push(d.reason);
  return [...byField].map(([field, all]) => {
    const reasons = [...new Set(all.filter((r) => r !== ANY_OF))];
    if (reasons.length <= 1) return { field, reason: reasons[0] ?? ANY_OF };
    return { field, reason: `must match one of: ${reasons.map((r) => r.replace(/^must match /, '')).join('; ')}` };
  });
}

export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      additionalProperties: false,
      properties: {
        status: { type: 'integer' },
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
        },
      },
    },
  },
} as const;
