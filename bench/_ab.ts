import { performance } from 'node:perf_hooks';
const kinds = (process.argv[2] ?? 'pglite,postgres').split(',');
const RUNS = Number(process.argv[3] ?? 5);
const GPF = { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' };
async function load(root: string) {
  return {
    stores: await import(`${root}/test/support/stores.ts`),
    curated: await import(`${root}/src/services/load-curated.ts`),
    feeds: await import(`${root}/src/services/feeds.ts`),
    snaps: await import(`${root}/src/services/bundled-snapshots.ts`),
    ingest: await import(`${root}/src/services/ingest-feed.ts`),
  };
}
const variants = { main: await load('/work/main'), ingest: await load('/work/wt/ingest') };
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const res: Record<string, number[]> = {};
const push = (k: string, v: number) => (res[k] ??= []).push(v);
for (let i = 0; i < RUNS; i++) {
  for (const [name, v] of Object.entries(variants)) {
    const feed = v.feeds.feedByName('celestrak-gp');
    const text = v.snaps.readSnapshot(GPF.file);
    const input = { text, file: GPF.file, sourceId: GPF.sourceId, asOf: GPF.asOf };
    let t = performance.now(); feed.parse(input); push(`${name} parse`, performance.now() - t);
    t = performance.now(); feed.read(input); push(`${name} read`, performance.now() - t);
    for (const kind of kinds) {
      const store = await v.stores.createTestStore(kind);
      try {
        await v.curated.loadCurated(store.db, 'data/kb/sources');
        t = performance.now(); await v.ingest.ingestFeed(store.db, feed, input); push(`${name} ${kind} first`, performance.now() - t);
        t = performance.now(); await v.ingest.ingestFeed(store.db, feed, input); push(`${name} ${kind} reload`, performance.now() - t);
      } finally { await store.dispose(); }
    }
  }
}
for (const [k, xs] of Object.entries(res)) console.log(k.padEnd(24), med(xs).toFixed(0).padStart(6), ' runs:', xs.map((x) => x.toFixed(0)).join(' '));
