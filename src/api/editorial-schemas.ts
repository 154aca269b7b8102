/** Request and response schemas of the editorial routes (session, tokens, accounts, audit, proposals). */
import { ROLES } from '../model/roles.js';
import { ERROR_SCHEMA } from './errors.js';
import { arr, int, nullable, obj, str } from './schemas.js';

type S = Record<string, unknown>;

export function editorialResponses(status: number, json: S | null): S {
  return { [status]: json ?? { type: 'null', description: 'no content' }, '4xx': ERROR_SCHEMA, '5xx': ERROR_SCHEMA };
}

export const ROLE = { type: 'string', enum: [...ROLES] } as const;

export const ACCOUNT = obj(['id', 'name', 'role', 'createdAt', 'disabledAt'], { id: int, name: str, role: ROLE, createdAt: str, disabledAt: nullable('string') });

export const SESSION = obj(['account', 'csrfToken', 'expiresAt', 'via'], {
  account: { anyOf: [{ type: 'null' }, obj(['name', 'role'], { name: str, role: ROLE })], description: 'null when no one is signed in' },
  csrfToken: { type: ['string', 'null'], description: 'send it as X-CSRF-Token with every write made with the session cookie (null for a token)' },
  expiresAt: nullable('string'),
  via: { type: ['string', 'null'], enum: ['session', 'token', null] },
});

export const LOGIN_BODY = obj(['name', 'password'], { name: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 1000 } });

export const TOKEN_BODY = obj(['label'], { label: { type: 'string', minLength: 1, maxLength: 100 }, account: { type: 'string', maxLength: 40, description: 'admins only: the account the token is for (default: yourself)' } });
export const NEW_TOKEN = obj(['id', 'token', 'account'], { id: int, token: { type: 'string', description: 'shown this once; only its hash is stored' }, account: str });
export const TOKEN = obj(['id', 'label', 'createdAt', 'lastUsedAt', 'revokedAt'], { id: int, label: str, createdAt: str, lastUsedAt: nullable('string'), revokedAt: nullable('string') });

export const ACCOUNT_BODY = obj(['name', 'role', 'password'], { name: { type: 'string', maxLength: 40 }, role: ROLE, password: { type: 'string', maxLength: 1000 } });
export const ACCOUNT_CHANGE = obj([], { role: ROLE, disabled: { type: 'boolean' }, password: { type: 'string', maxLength: 1000 } });

export const AUDIT_ROW = obj(['id', 'at', 'actorId', 'actorName', 'action', 'subject', 'address', 'before', 'after'], {
  id: str, at: str, actorId: nullable('integer'), actorName: nullable('string'), action: str, subject: str, address: nullable('string'),
  before: {}, after: {},
});
export const AUDIT_PAGE = obj(['items', 'next'], { items: arr(AUDIT_ROW), next: { type: ['string', 'null'], description: 'pass as before= for the next (older) page' } });

export const ID_PARAMS = obj(['id'], { id: { type: 'integer', minimum: 1, maximum: 2147483647 } });
