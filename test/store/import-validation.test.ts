/**
 * `import` checks an export with the curated data's rules before it writes anything: a real export of the
 * loaded store, edited to hold one bad row, is refused with the file, line, row (place and id), field and
 * reason, the store stays empty, and the refusal is a failed run. So are a truncated file and the refusals
 * before any row is read (wrong format, non-empty store). The unedited export still round-trips exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_KINDS, createTestStore, type TestStore } from '../support/stores.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { exportKnowledgeBase, type ExportDocument, type ExportStatement } from '../../src/store/export-import.js';
import { ImportError, importKnowledgeBaseFile, type ImportCheck } from '../../src/services/import-knowledge-base.js';
import { storeStatus } from '../../src/store/queries/status.js';

const dir = mkdtempSync(join(tmpdir(), 'import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Edit = (doc: ExportDocument) => { row: string; id: string };

/** The place and id of the first statement of `property` (on an entity of `kind`, when given), after `change` edits it. */
function editStatement(doc: ExportDocument, property: string, change: (s: ExportStatement) => void, kind?: string): { row: string; id: string } {
  for (const [i, e] of doc.entities.entries()) {
    if (kind && e.kind !== kind) continue;
    const j = e.statements.findIndex((s) => s.property === property);
    if (j < 0) continue;
    change(e.statements[j]!);
    return { row: `entities[${i}].statements[${j}]`, id: e.statements[j]!.id };
  }
  throw new Error(`no statement of ${property} in the export`);
}

const EDITS: { name: string; edit: Edit; field: string; reason: RegExp }[] = [
  {
    name: 'an unknown entity kind',
    edit: (doc) => { doc.entities[0]!.kind = 'Bogus'; return { row: 'entities[0]', id: doc.entities[0]!.id }; },
    field: 'kind', reason: /unknown or missing kind "Bogus"/,
  },
  {
    name: 'an impossible asOf date',
    edit: (doc) => editStatement(doc, 'name', (s) => { s.asOf = '2025-02-30'; }),
    field: 'asOf', reason: /day 30 out of range for 2025-02/,
  },
  {
    name: 'an impossible date as a date property\'s value',
    edit: (doc) => editStatement(doc, 'founded', (s) => { s.value = '2015-02-30'; }, 'Organization'),
    field: 'value', reason: /day 30 out of range for 2015-02/,
  },
  {
    name: 'an unknown status',
    edit: (doc) => editStatement(doc, 'name', (s) => { s.status = 'whatever'; }),
    field: 'status', reason: /status must be one of confirmed, reported, unverified, superseded/,
  },
  {
    name: 'a control character in a value',
    edit: (doc) => editStatement(doc, 'name', (s) => { s.value = `${s.value}\u0007`; }),
    field: 'value', reason: /control character U\+0007/,
  },
];

describe.each(STORE_KINDS)('import checks on %s', (kind) => {
  // The row and JSON checks run before the store is written, the same on every store: each case runs on the first
  // store kind only, and one row refusal on every kind (its failed run is written through that store).
  const first = kind === STORE_KINDS[0];
  let exported: ExportDocument;
  let target: TestStore;
  beforeAll(async () => {
    const loaded = await readOnlyLoadedStore(kind);
    try {
      exported = await exportKnowledgeBase(loaded.db);
    } finally {
      await loaded.dispose();
    }
    target = await createTestStore(kind);
  });
  afterAll(() => target?.dispose());

  const write = (name: string, doc: ExportDocument) => {
    const file = join(dir, `${kind}-${name}.json`);
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    return file;
  };
  const edited = (edit: Edit) => {
    const doc = structuredClone(exported);
    return { doc, at: edit(doc) };
  };

  /** Imports the file, which must be refused by `check`; the store stays empty and the newest run is the failed import. */
  async function refused(file: string, check: ImportCheck): Promise<ImportError> {
    const err = await importKnowledgeBaseFile(target.db, file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const refusal = err as ImportError;
    expect(refusal.check).toBe(check);
    const s = await storeStatus(target.db);
    expect(s.totals).toMatchObject({ sources: 0, entities: 0, statements: 0 });
    const run = await target.db.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: refusal.runId, origin: 'import', status: 'failed', error: refusal.message });
    expect(run.finished_at).not.toBeNull();
    expect(run.detail).toMatchObject({ file, refused: true, check });
    return refusal;
  }

  it.each(first ? EDITS : EDITS.slice(0, 1))('refuses $name with file, line, row, id, field and reason', async ({ name, edit, field, reason }) => {
    const { doc, at } = edited(edit);
    const file = write(name.replace(/\W+/g, '-'), doc);
    const err = await refused(file, 'rows');
    expect(err.errors).toEqual([{ file, line: expect.any(Number), row: at.row, id: at.id, field, reason: expect.stringMatching(reason) }]);
    // The line is the field's own line in the file as written.
    const line = (await import('node:fs')).readFileSync(file, 'utf8').split('\n')[err.errors[0]!.line - 1]!;
    expect(line.trimStart().startsWith(`"${field}"`)).toBe(true);
    expect(err.message).toContain(`${file}:${err.errors[0]!.line} ${at.row} (id ${at.id}) ${field}:`);
  });

  it.runIf(first)('reports every bad row of one file, and keeps them with the failed run', async () => {
    const doc = structuredClone(exported);
    // Dates and status (a control character refuses its row's text before its values are read, as in a YAML file).
    const places = EDITS.slice(1, 4).map(({ edit, field }) => `${edit(doc).row} ${field}`);
    const err = await refused(write('all', doc), 'rows');
    expect(err.errors.map((e) => `${e.row} ${e.field}`).sort()).toEqual(places.sort());
    const run = await target.db.selectFrom('runs').select('detail').where('id', '=', err.runId).executeTakeFirstOrThrow();
    expect(run.detail).toMatchObject({ errors: err.errors });
  });

  it.runIf(first)('refuses a truncated export with the line and column where it ends', async () => {
    const text = `${JSON.stringify(exported, null, 2)}\n`;
    const cut = text.slice(0, Math.floor(text.length / 2));
    const file = join(dir, `${kind}-truncated.json`);
    writeFileSync(file, cut);
    const lines = cut.split('\n');
    const err = await refused(file, 'json');
    // Where the cut lands decides V8's wording ("Unexpected end of JSON input", "Unterminated string" …): only the place is checked.
    const place = `${file}:${lines.length}:${lines.at(-1)!.length + 1}: not valid JSON (at character offset ${cut.length} of ${cut.length}): `;
    expect(err.message.startsWith(place), err.message).toBe(true);
    expect(err.message.length).toBeGreaterThan(place.length);
  });

  it.runIf(first)('refuses a syntax error V8 gives no position for, with its line and column', async () => {
    const text = JSON.stringify(exported, null, 2).replace('"entities": [', '"entities": [,');
    const file = join(dir, `${kind}-comma.json`);
    writeFileSync(file, text);
    const err = await refused(file, 'json');
    const line = text.split('\n').findIndex((l) => l.includes('"entities": [,')) + 1;
    expect(err.message).toMatch(new RegExp(`:${line}:\\d+: not valid JSON \\(at character offset \\d+ of ${text.length}\\): Unexpected token ','$`));
  });

  it('refuses another format and records the run', async () => {
    const err = await refused(write('format', { ...exported, version: 2 }), 'format');
    expect(err.message).toMatch(/unsupported export version 2/);
  });

  it('a valid export round-trips exactly, and a second import into the now full store is refused and recorded', async () => {
    const file = write('valid', exported);
    const counts = await importKnowledgeBaseFile(target.db, file);
    expect(counts).toEqual(exported.counts);
    expect(JSON.stringify(await exportKnowledgeBase(target.db))).toBe(JSON.stringify(exported));
    const err = await importKnowledgeBaseFile(target.db, file).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ check: 'store' });
    const run = await target.db.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ origin: 'import', status: 'failed', error: expect.stringContaining('empty store') });
    expect(JSON.stringify(await exportKnowledgeBase(target.db))).toBe(JSON.stringify(exported));
  });
});
