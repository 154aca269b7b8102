/**
 * Benchmark: loading the bundled curated knowledge base (data/kb), on each store.
 * Prints validation time, first-load and reload time, and rows per second.
 * Run: npm run bench:load  (BENCH_STORES=pglite to skip PostgreSQL)
 */
import { performance } from 'node:perf_hooks';
import { readKnowledgeBase } from '../src/ingest/curated/read-knowledge-base.js';
import { loadKnowledgeBase } from '../src/store/load-knowledge-base.js';
import { CURATED_ORIGIN } from '../src/model/knowledge-base.js';
import { createTestStore } from '../test/support/stores.js';
import type { StoreKind } from '../src/store/open-store.js';

const dir = process.env.REDSHIFT_KB_DIR ?? 'data/kb';
const kinds = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',') as StoreKind[];

let t = performance.now();
const read = readKnowledgeBase(dir);
const validateMs = performance.now() - t;
if (!read.ok) {
  console.error(`${dir} does not validate (${read.errors.length} errors); run redshift-monitor validate`);
  process.exit(1);
}
const kb = read.kb;
const rows = kb.sources.length + kb.entities.length + kb.statements.length + kb.series.length + kb.points.length;
console.log(`curated data: ${read.files} files, ${rows} rows (${kb.statements.length} statements); read + validate ${validateMs.toFixed(0)} ms`);
console.log('store      first load (ms)  rows/s    reload (ms)  rows/s');
for (const kind of kinds) {
  const store = await createTestStore(kind);
  try {
    t = performance.now();
    await loadKnowledgeBase(store.db, kb, CURATED_ORIGIN);
    const first = performance.now() - t;
    t = performance.now();
    await loadKnowledgeBase(store.db, kb, CURATED_ORIGIN);
    const again = performance.now() - t;
    const rate = (ms: number) => Math.round(rows / (ms / 1000));
    console.log(`${kind.padEnd(9)}  ${first.toFixed(0).padStart(15)}  ${String(rate(first)).padStart(7)}  ${again.toFixed(0).padStart(11)}  ${String(rate(again)).padStart(7)}`);
  } finally {
    await store.dispose();
  }
}
