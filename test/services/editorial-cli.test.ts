/** The first admin and API tokens from the command line: the password from standard input only, the token printed once and stored hashed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { secretHash } from '../../src/services/editorial/secrets.js';
import { PASSWORD } from '../support/editorial.js';
import { runCliSync } from '../support/cli-process.js';

const cli = (dataDir: string, args: string[], input = '') => runCliSync(args, { REDSHIFT_DATA_DIR: dataDir, REDSHIFT_BACKUPS: '0' }, input);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('users add and tokens create', () => {
  it('creates an admin with the password from standard input and prints a token once, storing only hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redshift-cli-'));
    dirs.push(dir);
    const added = cli(dir, ['users', 'add', 'alice', '--role', 'admin'], `${PASSWORD}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('account alice created (admin)\n');
    const short = cli(dir, ['users', 'add', 'bob', '--role', 'reviewer'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: a password has at least 12 characters');
    expect(cli(dir, ['users', 'add', 'carol', '--role', 'owner'], `${PASSWORD}\n`).stderr).toContain('--role must be one of contributor, reviewer, admin');
    const token = cli(dir, ['tokens', 'create', 'alice', '--label', 'nightly']);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^rsm_[A-Za-z0-9_-]{43}$/);
    expect(token.stderr).toContain('shown once');

    const store = await openStore({ databaseUrl: null, dataDir: join(dir, 'pglite') });
    try {
      const account = await store.db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
      expect(account).toMatchObject({ name: 'alice', role: 'admin' });
      expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(account.password_hash).not.toContain(PASSWORD);
      const stored = await store.db.selectFrom('api_tokens').select(['token_hash', 'label']).execute();
      expect(stored).toEqual([{ token_hash: secretHash(secret), label: 'nightly' }]);
      const audit = await store.db.selectFrom('audit').select(['action', 'actor_name']).orderBy('id').execute();
      expect(audit).toEqual([{ action: 'account.create', actor_name: 'command line' }, { action: 'token.create', actor_name: 'command line' }]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
