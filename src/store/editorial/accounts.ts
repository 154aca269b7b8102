/** Accounts: name, role and password hash (hashing is the caller's, see services/editorial/passwords.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { Role } from '../../model/roles.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Account { id: number; name: string; role: Role; createdAt: string; disabledAt: string | null }
export interface AccountWithHash extends Account { passwordHash: string }

const toAccount = (r: { id: number; name: string; role: string; created_at: string; disabled_at: string | null }): Account =>
  ({ id: r.id, name: r.name, role: r.role as Role, createdAt: r.created_at, disabledAt: r.disabled_at });

export async function insertAccount(db: Db, name: string, role: Role, passwordHash: string, now: string): Promise<Account> {
  const r = await db.insertInto('accounts').values({ name, role, password_hash: passwordHash, created_at: now }).returningAll().executeTakeFirstOrThrow();
  return toAccount(r);
}

export async function accountByName(db: Db, name: string): Promise<AccountWithHash | null> {
  const r = await db.selectFrom('accounts').selectAll().where('name', '=', name).executeTakeFirst();
  return r ? { ...toAccount(r), passwordHash: r.password_hash } : null;
}

export async function accountById(db: Db, id: number): Promise<Account | null> {
  const r = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  return (await db.selectFrom('accounts').selectAll().orderBy('name').execute()).map(toAccount);
}

export async function updateAccount(db: Db, id: number, change: { role?: Role; disabledAt?: string | null; passwordHash?: string }): Promise<Account | null> {
  const r = await db.updateTable('accounts').set({
    ...(change.role ? { role: change.role } : {}),
    ...(change.disabledAt !== undefined ? { disabled_at: change.disabledAt } : {}),
    ...(change.passwordHash ? { password_hash: change.passwordHash } : {}),
  }).where('id', '=', id).returningAll().executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function countAccounts(db: Db): Promise<number> {
  const r = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
