/** The basic curated fixture plus one extra file, read by the curated reader: its errors (file name, line, field, reason). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKnowledgeBase } from '../../src/ingest/curated/read-knowledge-base.js';

export function curatedErrorsWith(extra: string): { file: string | undefined; line: number; field: string; reason: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync('test/fixtures/kb/basic', dir, { recursive: true });
  writeFileSync(join(dir, 'zz-extra.yaml'), extra);
  const result = readKnowledgeBase(dir);
  rmSync(dir, { recursive: true, force: true });
  if (result.ok) return [];
  return result.errors.map((e) => ({ file: e.file.split('/').pop(), line: e.line, field: e.field, reason: e.reason }));
}
