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
