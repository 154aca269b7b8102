/** The users and tokens commands' work (editorial-commands.ts defines them). */
import { isRole, ROLES } from '../model/roles.js';
import { CLI_ACTOR, EditorialError, createAccount, createToken } from '../services/editorial/accounts.js';
import { listAccounts } from '../store/editorial/accounts.js';
import { revokeToken, tokensOf } from '../store/editorial/credentials.js';
import { accountByName } from '../store/editorial/accounts.js';
import { appendAudit } from '../store/editorial/audit.js';
import { formatTable } from './format-table.js';
import { readSecret } from './read-secret.js';
import { withStore } from './with-store.js';

function fail(err: unknown): void {
  if (!(err instanceof EditorialError)) throw err;
  console.error(`${err.message}${err.details?.length ? `: ${err.details.map((d) => `${d.field}: ${d.reason}`).join('; ')}` : ''}`);
  process.exitCode = 1;
}

export function runUsersAdd(name: string, opts: { role: string }): Promise<void> {
  return withStore(async (store) => {
  if (!isRole(opts.role)) { console.error(`--role must be one of ${ROLES.join(', ')}`); process.exitCode = 1; return; }
  const password = await readSecret(`password for ${name}: `);
  try {
    const a = await createAccount(store.db, name, opts.role, password, CLI_ACTOR);
    console.log(`account ${a.name} created (${a.role})`);
  } catch (err) { fail(err); }
});
}

export function runUsersList(): Promise<void> {
  return withStore(async (store) => {
  console.log(formatTable(['name', 'role', 'created', 'disabled'], (await listAccounts(store.db)).map((a) => [a.name, a.role, a.createdAt, a.disabledAt ?? ''])));
});
}

export function runTokensCreate(name: string, opts: { label: string }): Promise<void> {
  return withStore(async (store) => {
  try {
    const t = await createToken(store.db, name, opts.label, CLI_ACTOR);
    console.error(`token ${t.id} for ${t.account} (shown once; revoke with: redshift-monitor tokens revoke ${t.id}):`);
    console.log(t.token);
  } catch (err) { fail(err); }
});
}

export function runTokensList(name: string): Promise<void> {
  return withStore(async (store) => {
  const a = await accountByName(store.db, name);
  if (!a) { console.error(`no account named "${name}"`); process.exitCode = 1; return; }
  console.log(formatTable(['id', 'label', 'created', 'last used', 'revoked'], (await tokensOf(store.db, a.id)).map((t) => [t.id, t.label, t.createdAt, t.lastUsedAt ?? '', t.revokedAt ?? ''])));
});
}

export function runTokensRevoke(id: string): Promise<void> {
  return withStore(async (store) => {
  const n = Number(id);
  const done = Number.isInteger(n) && n > 0 && await store.db.transaction().execute(async (trx) => {
    if (!(await revokeToken(trx, n, new Date().toISOString()))) return false;
    await appendAudit(trx, { actorId: null, actorName: CLI_ACTOR.name, action: 'token.revoke', subject: `token:${n}`, before: { revoked: false }, after: { revoked: true } });
    return true;
  });
  if (done) console.log(`token ${n} revoked`);
  else { console.error(`no live token ${id}`); process.exitCode = 1; }
});
}
