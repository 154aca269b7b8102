/** The store's behaviour, run on every dialect (PGlite and PostgreSQL). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { STORE_KINDS, createTestStore, type TestStore } from '../support/stores.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { finishBootstrap } from '../../src/services/bootstrap.js';
import { readKnowledgeBase } from '../../src/ingest/curated/read-knowledge-base.js';
import { loadKnowledgeBase } from '../../src/store/load-knowledge-base.js';
import { storeStatus } from '../../src/store/queries/status.js';
import { getEntity } from '../../src/store/queries/entities.js';
import { listEntityPage } from '../../src/store/queries/entity-list.js';
import { exportKnowledgeBase } from '../../src/store/export-import.js';
import { importKnowledgeBase, ImportError } from '../../src/services/import-knowledge-base.js';

const FIXTURE = 'test/fixtures/kb/basic';

const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  copies.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe.each(STORE_KINDS)('knowledge base store on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    const first = await loadCurated(store.db, FIXTURE);
    if (!first.ok) throw new Error(first.errors.map((e) => e.reason).join('\n'));
  });
  afterAll(() => store?.dispose());

  it('loads every source, entity and statement', async () => {
    const s = await storeStatus(store.db);
    expect(s.totals).toMatchObject({ sources: 6, entities: 3, statements: 16 });
    expect(s.entitiesByKind).toEqual([{ kind: 'Organization', entities: 2 }, { kind: 'Program', entities: 1 }]);
  });

  it('reloading the same data leaves identical counts and adds nothing', async () => {
    const before = await storeStatus(store.db);
    const again = await loadCurated(store.db, FIXTURE);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    for (const table of ['sources', 'entities', 'statements'] as const) {
      expect(again.report[table]).toMatchObject({ added: 0, updated: 0, removed: 0 });
    }
    expect((await storeStatus(store.db)).totals).toEqual(before.totals);
  });

  it('keeps conflicting values side by side, each with its source locator', async () => {
    const guowang = await getEntity(store.db, 'program.guowang');
    const planned = guowang!.properties.find((p) => p.property === 'plannedSize')!;
    expect(planned.conflict).toBe(true);
    expect(planned.statements.map((s) => [s.value, s.qualifier, s.locator]).sort()).toEqual([
      ['13000', 'approximately', '§3.4.3 [211] [212]'],
      ['26000', 'up to', '§3.4.2 [204]'],
    ]);
    expect(planned.preferred).toHaveLength(1);
    expect(guowang!.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['redshift-2025', 'redshift-2025.ref-204', 'redshift-2025.ref-212']));
  });

  it('shows which entities point at an entity', async () => {
    const satnet = await getEntity(store.db, 'org.china-satnet');
    expect(satnet!.referencedBy).toEqual([{ id: 'program.guowang', kind: 'Program', caption: 'Guowang', property: 'operator' }]);
  });

  it('finds an entity by its Chinese alias and by an English alias', async () => {
    expect((await listEntityPage(store.db, { q: '蓝箭航天', limit: 10 })).items.map((e) => e.id)).toEqual(['org.landspace']);
    expect((await listEntityPage(store.db, { q: 'National Grid', limit: 10 })).items.map((e) => e.id)).toEqual(['program.guowang']);
    expect((await listEntityPage(store.db, { q: 'satnet', kinds: ['Program'], limit: 10 })).items).toEqual([]);
  });

  it('a bad file leaves the store unchanged and reports file, line and field', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'zz-bad.yaml'), 'entities:\n  - id: org.galactic-energy\n    kind: Organization\n    name: Galactic Energy\n    orgKind: private-company\n    founded: "20155"\n    cite: { source: redshift-2025 }\n');
    const before = await exportKnowledgeBase(store.db);
    const result = await loadCurated(store.db, dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ file: expect.stringMatching(/zz-bad\.yaml$/), line: 6, field: 'entities[0].founded', reason: expect.stringContaining('"20155" is not a date') }]);
    expect(await exportKnowledgeBase(store.db)).toEqual(before);
  });

  it('a copy of data/kb with one invalid value is refused, recorded as a failed run with its error, and changes nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    copies.push(dir);
    cpSync('data/kb', dir, { recursive: true });
    const file = join(dir, 'entities/organizations/foreign-companies-and-analysts.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[26]).toBe('      value: 2002');
    writeFileSync(file, text.replace('    founded:\n      value: 2002\n', '    founded:\n      value: 20020\n'));
    const before = await exportKnowledgeBase(store.db);
    const runsBefore = await store.db.selectFrom('runs').selectAll().orderBy('id').execute();
    const result = await loadCurated(store.db, dir, 'data/rules');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = { file: relative(process.cwd(), file), line: 26, field: 'entities[0].founded', reason: expect.stringContaining('"20020" is not a date') };
    expect(result.errors).toEqual([error]);
    const runs = await store.db.selectFrom('runs').selectAll().orderBy('id').execute();
    expect(runs.slice(0, -1)).toEqual(runsBefore);
    expect(runs.at(-1)).toMatchObject({
      id: result.runId, origin: 'curated', status: 'failed',
      error: expect.stringMatching(/1 validation error\(s\), nothing was loaded; first: .*foreign-companies-and-analysts\.yaml:26 entities\[0\]\.founded: "20020" is not a date/),
      detail: { dir, rulesDir: 'data/rules', refused: true, check: 'validation', errorCount: 1, errors: [error] },
    });
    expect(await exportKnowledgeBase(store.db)).toEqual(before);
    expect((await storeStatus(store.db)).origins.find((o) => o.origin === 'curated')).toMatchObject({ lastStatus: 'failed', lastFailure: { runId: result.runId, check: 'validation' } });
  });

  it('a first start whose curated data do not validate records the failed load before it stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    copies.push(dir);
    cpSync('data/kb', dir, { recursive: true });
    const file = join(dir, 'entities/organizations/foreign-companies-and-analysts.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    founded:\n      value: 2002\n', '    founded:\n      value: 20020\n'));
    const fresh = await createTestStore(kind);
    try {
      const lines: string[] = [];
      const err = await finishBootstrap(fresh.db, dir, 'data/rules', (l) => lines.push(l)).then(() => null, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/^the curated data did not validate \(1 errors; failed run (\d+)\)$/);
      const runId = Number(/failed run (\d+)/.exec(err!.message)![1]);
      expect(await fresh.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow())
        .toMatchObject({ origin: 'curated', status: 'failed', detail: { dir, refused: true, check: 'validation', errorCount: 1 } });
      expect(lines.some((l) => l.includes('"20020" is not a date'))).toBe(true);
      expect((await storeStatus(fresh.db)).totals).toMatchObject({ entities: 0, statements: 0 });
    } finally {
      await fresh.dispose();
    }
  });

  it('a load that fails inside the database rolls back everything it wrote', async () => {
    const read = readKnowledgeBase(FIXTURE);
    if (!read.ok) throw new Error('fixture invalid');
    const before = await exportKnowledgeBase(store.db);
    const broken = {
      ...read.kb,
      entities: [...read.kb.entities, { id: 'org.galactic-energy', kind: 'Organization' as const, origin: 'curated' }],
      statements: [...read.kb.statements, { ...read.kb.statements[0]!, id: 'x'.repeat(24), entityId: 'org.galactic-energy', sourceId: 'no-such-source' }],
    };
    await expect(loadKnowledgeBase(store.db, broken, 'curated')).rejects.toThrow();
    expect(await exportKnowledgeBase(store.db)).toEqual(before);
    const runs = await store.db.selectFrom('runs').select(['status', 'error']).orderBy('id', 'desc').limit(1).execute();
    expect(runs[0]!.status).toBe('failed');
  });

  it('removes statements dropped from the data and logs the change', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'entities.yaml'), (await import('node:fs')).readFileSync(join(FIXTURE, 'entities.yaml'), 'utf8').replace('    alias: [蓝箭航天]\n', ''));
    const result = await loadCurated(store.db, dir);
    expect(result.ok && result.report.statements).toMatchObject({ added: 0, removed: 1 });
    const change = await store.db.selectFrom('changes').select(['action', 'entity_id', 'property', 'value']).where('action', '=', 'removed').execute();
    expect(change).toEqual([{ action: 'removed', entity_id: 'org.landspace', property: 'alias', value: '蓝箭航天' }]);
    await loadCurated(store.db, FIXTURE);
  });

  it('export → import → export is identical', async () => {
    const first = await exportKnowledgeBase(store.db);
    const target = await createTestStore(kind);
    try {
      await importKnowledgeBase(target.db, JSON.parse(JSON.stringify(first)));
      const second = await exportKnowledgeBase(target.db);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      expect((await listEntityPage(target.db, { q: '蓝箭航天', limit: 5 })).items.map((e) => e.id)).toEqual(['org.landspace']);
      await expect(importKnowledgeBase(target.db, first)).rejects.toThrow(ImportError);
    } finally {
      await target.dispose();
    }
  });
});
