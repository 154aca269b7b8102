/** The store commands' work (store-commands.ts defines them). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataPackage, zipFiles } from '../services/datapackage.js';
import { withStore } from './with-store.js';
import { loadRules } from '../services/analytics.js';
import { loadCurated } from '../services/load-curated.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { storeStatus } from '../store/queries/status.js';
import { exportKnowledgeBase } from '../store/export-import.js';
import { ImportError, formatImportError, importKnowledgeBaseFile } from '../services/import-knowledge-base.js';
import { formatTable } from './format-table.js';
import { exportYaml } from '../services/export-yaml.js';

export function runInit(): Promise<void> {
  return withStore(async (store) => {
    console.log(`store ready: ${store.kind} at ${store.location}`);
  });
}

export function runLoad(opts: { dir?: string }): Promise<void> {
  return withStore(async (store, settings) => {
    const backup = await store.backup('before-load');
    if (backup) console.log(`backup: ${backup}`);
    const result = await loadCurated(store.db, opts.dir ?? settings.kbDir, settings.rulesDir);
    if (!result.ok) {
      for (const e of result.errors.slice(0, 200)) console.error(formatValidationError(e));
      console.error(`${result.errors.length} error(s); nothing was loaded (recorded as failed run ${result.runId})`);
      process.exitCode = 1;
      return;
    }
    const r = result.report;
    console.log(formatTable(['table', 'added', 'updated', 'removed', 'unchanged'],
      (['sources', 'entities', 'statements', 'series', 'points'] as const).map((k) => [k, r[k].added, r[k].updated, r[k].removed, r[k].unchanged])));
    console.log(`loaded ${result.files} files into ${store.kind} (run ${r.runId})`);
  });
}

export function runStatus(opts: { json?: boolean }): Promise<void> {
  return withStore(async (store) => {
    const s = await storeStatus(store.db);
    if (opts.json) return console.log(JSON.stringify(s, null, 2));
    console.log(`store: ${store.kind} at ${store.location}`);
    console.log(formatTable(['what', 'count'], Object.entries(s.totals)));
    console.log('\nentities by kind');
    console.log(formatTable(['kind', 'entities'], s.entitiesByKind.map((k) => [k.kind, k.entities])));
    console.log('\nstatements by source');
    console.log(formatTable(['source', 'published', 'statements', 'points', 'last seen'],
      s.statementsBySource.map((x) => [x.sourceId, x.published ?? '', x.statements, x.points, x.lastSeen ?? ''])));
    console.log('\nruns');
    console.log(formatTable(['origin', 'runs', 'last run', 'status', 'last success', 'stale (h)', 'data as of', 'source', 'last error'],
      s.origins.map((o) => [o.origin, o.runs, o.lastRun ?? '', o.lastStatus ?? '', o.lastSuccess ?? 'never', o.stalenessHours ?? '', o.dataAsOf ?? '', o.sourceId ?? '', (o.lastError ?? '').slice(0, 120)])));
    const failed = s.origins.filter((o) => o.lastFailure);
    if (failed.length) {
      console.log('\nlast failed or refused run per origin (nothing was stored by it)');
      for (const o of failed) {
        const f = o.lastFailure!;
        console.log(`${o.origin}: run ${f.runId} at ${f.at}${f.check ? ` refused (${f.check})` : ' failed'}${o.lastStatus === 'succeeded' ? ', since succeeded' : ''}: ${f.reason ?? ''}`);
        if (f.quarantined) console.log(`  kept in ${f.quarantined}`);
        if (f.quarantineRemoved) console.log(`  its file ${f.quarantineRemoved.file} was ${f.quarantineRemoved.reason} (${f.quarantineRemoved.at})`);
      }
    }
  });
}

export function runExport(opts: { out: string; format: string }): Promise<void> {
  return withStore(async (store, settings) => {
    if (opts.format === 'yaml') {
      const { files, counts } = await exportYaml(store.db, opts.out);
      console.log(`wrote ${files.length} files to ${opts.out}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} (load them with: redshift-monitor load --dir ${opts.out})`);
      return;
    }
    if (opts.format === 'datapackage') {
      const files = await buildDataPackage(store.db, loadRules(settings.rulesDir));
      if (opts.out.endsWith('.zip')) writeFileSync(opts.out, zipFiles(files));
      else {
        mkdirSync(opts.out, { recursive: true });
        for (const [name, text] of Object.entries(files)) writeFileSync(join(opts.out, name), text);
      }
      console.log(`wrote ${opts.out}: ${Object.keys(files).join(', ')}`);
      return;
    }
    if (opts.format !== 'json') throw new Error(`--format must be json, datapackage or yaml, got "${opts.format}"`);
    const doc = await exportKnowledgeBase(store.db);
    writeFileSync(opts.out, JSON.stringify(doc, null, 2) + '\n');
    console.log(`wrote ${opts.out}: ${Object.entries(doc.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  });
}

export function runImport(file: string): Promise<void> {
  return withStore(async (store) => {
    try {
      const counts = await importKnowledgeBaseFile(store.db, file);
      console.log(`imported ${file}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      for (const e of err.errors.slice(0, 200)) console.error(formatImportError(e));
      console.error(err.errors.length ? `${err.errors.length} error(s); nothing was imported (run ${err.runId})` : `${err.message} (run ${err.runId}; nothing was imported)`);
      process.exitCode = 1;
    }
  });
}
