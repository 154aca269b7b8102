/**
 * The YAML export round trip on the bundled knowledge base with an approved editorial change: approve in the app →
 * export YAML → read it with the curated validator → load into a fresh store → the same statements, field for field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { STORE_KINDS, createTestStore, type TestStore } from '../support/stores.js';
import type { Database } from '../../src/store/schema.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { exportYaml } from '../../src/services/export-yaml.js';
import { readKnowledgeBase } from '../../src/ingest/curated/read-knowledge-base.js';
import { approve, propose } from '../../src/services/editorial/proposals.js';
import { accountByName } from '../../src/store/editorial/accounts.js';
import { LANDSPACE_FOUNDED, addAccount } from '../support/editorial.js';
import type { ProposalInput } from '../../src/model/proposal.js';

const COLUMNS = ['id', 'entity_id', 'property', 'value', 'original_value', 'source_id', 'locator', 'as_of', 'status', 'qualifier', 'note'] as const;

async function statements(db: Kysely<Database>) {
  return db.selectFrom('statements').select([...COLUMNS]).orderBy('id').execute();
}

async function points(db: Kysely<Database>) {
  return db.selectFrom('series_points').select(['id', 'series_id', 'period', 'value', 'original_value', 'source_id', 'locator', 'status', 'qualifier', 'note']).orderBy('id').execute();
}

async function roundTrip(from: Kysely<Database>, into: Kysely<Database>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'redshift-yaml-'));
  const out = await exportYaml(from, dir);
  expect(out.files).toContain('sources.yaml');
  const read = readKnowledgeBase(dir);
  expect(read.ok ? [] : read.errors.slice(0, 5)).toEqual([]);
  expect((await loadCurated(into, dir)).ok).toBe(true);
  expect(await statements(into)).toEqual(await statements(from));
  expect(await points(into)).toEqual(await points(from));
  rmSync(dir, { recursive: true, force: true });
}

describe.each(STORE_KINDS)('YAML export round trip on %s', (kind) => {
  const stores: TestStore[] = [];
  const open = async () => { const s = await createTestStore(kind); stores.push(s); return s; };
  afterAll(async () => { for (const s of stores) await s.dispose(); });

  it('approve in the app → export YAML → load into a fresh store → identical statements', async () => {
    const store = await open();
    await loadCurated(store.db, 'test/fixtures/kb/basic');
    await addAccount(store.db, 'alice', 'contributor');
    await addAccount(store.db, 'rita', 'reviewer');
    const alice = (await accountByName(store.db, 'alice'))!;
    const rita = (await accountByName(store.db, 'rita'))!;
    const p = await propose(store.db, LANDSPACE_FOUNDED as unknown as ProposalInput, { accountId: alice.id, name: 'alice' });
    await approve(store.db, p.id, null, { accountId: rita.id, name: 'rita' });
    expect(await store.db.selectFrom('statements').select(['value', 'origin']).where('property', '=', 'founded').execute()).toEqual([{ value: '2015', origin: 'editorial' }]);
    await roundTrip(store.db, (await open()).db);
  });

  it('writes the whole bundled knowledge base (every value type) so that it loads back into the same statements and points', async () => {
    const store = await open();
    expect((await loadCurated(store.db, 'data/kb')).ok).toBe(true);
    await roundTrip(store.db, (await open()).db);
  }, 300_000);
});
