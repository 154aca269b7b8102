/** Creating and managing accounts, each change written to the audit trail in the same transaction. */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ACCOUNT_NAME, type Role } from '../../model/roles.js';
import { accountById, accountByName, insertAccount, updateAccount, type Account } from '../../store/editorial/accounts.js';
import { endSessionsOf, insertToken } from '../../store/editorial/credentials.js';
import { appendAudit } from '../../store/editorial/audit.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { newSecret, secretHash } from './secrets.js';

export class EditorialError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: { field: string; reason: string }[]) {
    super(message);
  }
}

/** Who does something: an account, or the command line run by the machine's operator. */
export interface Actor { accountId: number | null; name: string; address?: string | null }

export const CLI_ACTOR: Actor = { accountId: null, name: 'command line' };

export async function createAccount(db: Kysely<Database>, name: string, role: Role, password: string, actor: Actor): Promise<Account> {
  if (!ACCOUNT_NAME.test(name)) throw new EditorialError(400, 'invalid_request', 'invalid account name', [{ field: 'name', reason: 'an account name is 2–40 lower-case letters, digits, ".", "-" or "_", starting with a letter' }]);
  const problem = passwordProblem(password);
  if (problem) throw new EditorialError(400, 'invalid_request', 'invalid password', [{ field: 'password', reason: problem }]);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if (await accountByName(trx, name)) throw new EditorialError(409, 'conflict', `an account named "${name}" exists`);
    const now = new Date().toISOString();
    const account = await insertAccount(trx, name, role, passwordHash, now);
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'account.create', subject: `account:${account.id}`, after: { name, role } }, now);
    return account;
  });
}

export async function changeAccount(db: Kysely<Database>, id: number, change: { role?: Role; disabled?: boolean; password?: string }, actor: Actor): Promise<Account> {
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password);
    if (problem) throw new EditorialError(400, 'invalid_request', 'invalid password', [{ field: 'password', reason: problem }]);
  }
  const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await accountById(trx, id);
    if (!before) throw new EditorialError(404, 'not_found', `no account ${id}`);
    if (actor.accountId === id && (change.disabled || (change.role && change.role !== 'admin'))) {
      throw new EditorialError(409, 'conflict', 'an admin cannot disable or demote their own account');
    }
    const now = new Date().toISOString();
    const after = await updateAccount(trx, id, {
      ...(change.role ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? now : null } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (change.disabled || passwordHash || change.role) await endSessionsOf(trx, id, now);
    await appendAudit(trx, {
      actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'account.change', subject: `account:${id}`,
      before: { role: before.role, disabled: before.disabledAt !== null },
      after: { role: after!.role, disabled: after!.disabledAt !== null, ...(passwordHash ? { password: 'changed' } : {}) },
    }, now);
    return after!;
  });
}

/** A new API token for an account: the secret is returned once, only its hash is stored. */
export async function createToken(db: Kysely<Database>, accountName: string, label: string, actor: Actor): Promise<{ id: number; token: string; account: string }> {
  const token = newSecret('rsm_');
  return db.transaction().execute(async (trx) => {
    const account = await accountByName(trx, accountName);
    if (!account || account.disabledAt) throw new EditorialError(404, 'not_found', `no active account named "${accountName}"`);
    const now = new Date().toISOString();
    const id = await insertToken(trx, { tokenHash: secretHash(token), accountId: account.id, label, now });
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'token.create', subject: `token:${id}`, after: { account: account.name, label } }, now);
    return { id, token, account: account.name };
  });
}
