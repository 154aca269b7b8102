/**
 * vitest globalSetup for shared-load.ts: gives the run a folder and a PostgreSQL template name,
 * and removes both when the run ends (stopping a builder still running), with the workers' read-only copies of the
 * template (and what runs killed more than a day ago left behind: those copies start with the template's name).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { STORE_KINDS, withAdmin } from './stores.js';
import { READ_ONLY_SUFFIX, lockHolder, marker, type SharedLoadRun } from './shared-load-build.js';

const ROOT = join(tmpdir(), 'redshift-shared-load');
const TEMPLATE_PREFIX = 'redshift_tpl_';
const DAY = 24 * 3600 * 1000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(ROOT, { recursive: true });
  pruneFolders();
  const run: SharedLoadRun = {
    dir: mkdtempSync(join(ROOT, 'run-')),
    template: `${TEMPLATE_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`,
  };
  if (STORE_KINDS.includes('postgres')) await pruneTemplates().catch(() => {});
  project.provide('sharedLoad', run);
  return async () => {
    for (const kind of ['pglite', 'postgres'] as const) {
      const builder = lockHolder(marker(run, kind, 'lock'));
      if (builder !== null && builder > 0) process.kill(builder, 'SIGKILL');
    }
    const templateMade = readdirSync(run.dir).some((f) => f.startsWith('postgres.'));
    rmSync(run.dir, { recursive: true, force: true });
    if (templateMade) await dropDatabase(run.template).catch((err: unknown) => console.warn(`could not drop ${run.template}: ${String(err)}`));
    // The workers' read-only copies (loaded-store.ts), named after the template.
    if (STORE_KINDS.includes('postgres')) await dropCopiesOf(run.template).catch((err: unknown) => console.warn(`could not drop the copies of ${run.template}: ${String(err)}`));
  };
}

function pruneFolders(): void {
  for (const name of readdirSync(ROOT)) {
    const dir = join(ROOT, name);
    if (Date.now() - statSync(dir).mtimeMs > DAY) rmSync(dir, { recursive: true, force: true });
  }
}

/** Templates of runs started more than a day ago (their name holds the start time). */
async function pruneTemplates(): Promise<void> {
  const rows = await withAdmin((admin) => admin.query<{ datname: string }>(
    "select datname from pg_database where starts_with(datname, $1)", [TEMPLATE_PREFIX]));
  for (const { datname } of rows.rows) {
    const started = parseInt(datname.slice(TEMPLATE_PREFIX.length).split('_')[0] ?? '', 36);
    if (Number.isFinite(started) && Date.now() - started > DAY) await dropDatabase(datname);
  }
}

/** The databases named after a run's template and READ_ONLY_SUFFIX. */
async function dropCopiesOf(template: string): Promise<void> {
  const rows = await withAdmin((admin) => admin.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)', [`${template}${READ_ONLY_SUFFIX}`]));
  for (const { datname } of rows.rows) await dropDatabase(datname);
}

async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
}
