/** Accounts, sign-in and real proposals for the editorial tests. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';
import type { Role } from '../../src/model/roles.js';
import { CLI_ACTOR, createAccount, createToken } from '../../src/services/editorial/accounts.js';

export const PASSWORD = 'correct horse battery staple';

export interface SignedIn { cookie: string; csrf: string; name: string }

export async function addAccount(db: Kysely<Database>, name: string, role: Role): Promise<void> {
  await createAccount(db, name, role, PASSWORD, CLI_ACTOR);
}

export async function signIn(app: FastifyInstance, name: string, password = PASSWORD): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${name} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'rsm_session')!;
  return { cookie: `rsm_session=${set.value}`, csrf: res.json().csrfToken as string, name };
}

/** Headers of a cookie-authenticated write. */
export const asSession = (s: SignedIn) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

export async function tokenFor(db: Kysely<Database>, name: string): Promise<{ id: number; token: string }> {
  return createToken(db, name, 'test', CLI_ACTOR);
}

/** The GCAT organizations table as data/kb/sources/seeds-and-datasets.yaml records it. */
export const GCAT_ORGS_SOURCE = {
  id: 'gcat-orgs-2026-03-26', kind: 'dataset', title: 'GCAT organizations (orgs.tsv), updated 2026-03-26',
  publisher: 'Jonathan C. McDowell, GCAT', url: 'https://planet4589.org/space/gcat/', published: '2026-03-26',
  licence: 'CC-BY (GCAT, attribute J. McDowell)',
};

/** LandSpace's founding year as GCAT gives it (data/kb/entities/organizations/launch-companies.yaml). */
export const LANDSPACE_FOUNDED = {
  kind: 'statement', entityId: 'org.landspace',
  statements: [{ property: 'founded', value: 2015 }],
  newSource: GCAT_ORGS_SOURCE,
  cite: { source: 'gcat-orgs-2026-03-26', locator: 'orgs.tsv Code LANDSP' },
  comment: 'founding year from GCAT',
} as const;
