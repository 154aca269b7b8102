/**
 * Restores an export (docs/export-format.md) into an empty store. The file must be JSON, an export of
 * this format and version, for an empty store, and every row must pass the curated data's checks
 * (check-export.ts); only then are the rows written, in one transaction. Every import is a run (origin
 * "import"): a refused or failed one is recorded as failed with the check that refused it and the reason,
 * and changes nothing else.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { holdsKnowledgeBase, writeImport, type ExportDocument } from '../store/export-import.js';
import { finishRun, startRun } from '../store/runs.js';
import { checkExportRows, exportHeaderProblem, type RowProblem } from './check-export.js';
import { parseJsonText } from '../model/json-text.js';
import { printable } from '../model/text-safety.js';
import { errorMessage } from '../model/error-message.js';
import { fieldName, type ValidationError } from '../ingest/curated/yaml-file.js';
import { jsonPathLines } from '../model/json-path-lines.js';

export const IMPORT_ORIGIN = 'import';
/** At most this many row errors are kept with the failed run. */
const RECORDED_ERRORS = 100;

/** What refused an import: the file could not be read, was not JSON, not an export, the store was not empty, rows failed their checks, or the database refused the write. */
export type ImportCheck = 'read' | 'json' | 'format' | 'store' | 'rows' | 'write';

/** A row that failed its checks: the file, its line, the row (its place in the export and its id), the field and the reason. */
export interface ImportRowError extends ValidationError {
  row: string;
  id: string | null;
}

export class ImportError extends Error {
  constructor(message: string, readonly runId: number, readonly check: ImportCheck, readonly errors: ImportRowError[] = []) {
    super(message);
  }
}

export type ImportCounts = ExportDocument['counts'];

export function formatImportError(e: ImportRowError): string {
  return `${e.file}:${e.line} ${e.row}${e.id === null ? '' : ` (id ${e.id})`}${e.field ? ` ${e.field}` : ''}: ${e.reason}`;
}

interface ImportRun { runId: number; file: string }

/** Records the run as failed (the check, the reason, the first row errors) and returns the error to throw. */
async function refuse(db: Kysely<Database>, run: ImportRun, check: ImportCheck, reason: string, errors: ImportRowError[] = []): Promise<ImportError> {
  const message = printable(reason);
  await finishRun(db, run.runId, 'failed', { file: run.file, refused: true, check, errors: errors.slice(0, RECORDED_ERRORS) }, message);
  return new ImportError(message, run.runId, check, errors);
}

async function startImport(db: Kysely<Database>, file: string): Promise<ImportRun> {
  return { runId: await startRun(db, IMPORT_ORIGIN, new Date().toISOString()), file };
}

/** Imports the export in a file; `file` is also the name its errors give. */
export async function importKnowledgeBaseFile(db: Kysely<Database>, file: string): Promise<ImportCounts> {
  const run = await startImport(db, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw await refuse(db, run, 'read', `${file}: not readable: ${errorMessage(err)}`);
  }
  return importText(db, run, text);
}

/** Imports an export given as JSON text; `file` names it in errors. */
export async function importKnowledgeBaseText(db: Kysely<Database>, text: string, file: string): Promise<ImportCounts> {
  return importText(db, await startImport(db, file), text);
}

/** Imports an export already parsed; its errors give lines of the document as `export` writes it. */
export async function importKnowledgeBase(db: Kysely<Database>, doc: unknown, file = 'export.json'): Promise<ImportCounts> {
  return importDocument(db, await startImport(db, file), doc, () => JSON.stringify(doc, null, 2));
}

async function importText(db: Kysely<Database>, run: ImportRun, text: string): Promise<ImportCounts> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw await refuse(db, run, 'json', `${run.file}:${parsed.line}:${parsed.column}: not valid JSON (at character offset ${parsed.offset} of ${text.length}): ${parsed.reason}`);
  }
  return importDocument(db, run, parsed.value, () => text);
}

async function importDocument(db: Kysely<Database>, run: ImportRun, doc: unknown, text: () => string): Promise<ImportCounts> {
  const header = exportHeaderProblem(doc);
  if (header) throw await refuse(db, run, 'format', `${run.file}: ${header}`);
  if (await holdsKnowledgeBase(db)) throw await refuse(db, run, 'store', 'import restores into an empty store; this one already holds data');
  const checked = checkExportRows(doc as { sources: unknown[]; entities: unknown[]; series: unknown[] });
  if (!checked.ok) {
    const errors = locateProblems(checked.problems, run.file, text());
    throw await refuse(db, run, 'rows', `${errors.length} error(s) in ${run.file}; nothing was imported. First: ${formatImportError(errors[0]!)}`, errors);
  }
  let counts: ImportCounts;
  try {
    counts = await writeImport(db, checked.rows);
  } catch (err) {
    throw await refuse(db, run, 'write', `import failed, nothing was written: ${errorMessage(err)}`);
  }
  await finishRun(db, run.runId, 'succeeded', { file: run.file, ...counts }, null);
  return counts;
}

/** Each problem with its file and line, in the order of the export. */
function locateProblems(problems: RowProblem[], file: string, text: string): ImportRowError[] {
  const lineOf = jsonPathLines(text, problems.map((p) => [...p.row, ...p.field]));
  return problems
    .map((p) => ({
      file, line: lineOf([...p.row, ...p.field]), row: fieldName(p.row), id: p.id === null ? null : printable(p.id),
      field: printable(fieldName(p.field)), reason: printable(p.reason),
    }))
    .sort((a, b) => a.line - b.line || a.row.localeCompare(b.row) || a.field.localeCompare(b.field));
}
