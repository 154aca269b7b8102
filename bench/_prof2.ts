import { performance } from 'node:perf_hooks';
import { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from '../src/store/pglite-dialect.js';
import { PGLITE_EXTENSIONS } from '../src/store/pglite-extensions.js';
import { migrate } from '../src/store/migrate.js';
import type { Database } from '../src/store/schema.js';
import { loadCurated } from '../src/services/load-curated.js';
import { feedByName } from '../src/services/feeds.js';
import { readSnapshot } from '../src/services/bundled-snapshots.js';
import { startRun } from '../src/store/runs.js';
import { writeCatalog } from '../src/store/write-catalog.js';
import { copyText } from '../src/store/copy-rows.js';
import pg from 'pg';
import { CopyingPostgresDialect } from '../src/store/postgres-dialect.js';
import { withAdmin, databaseUrl } from '../test/support/stores.js';
const KIND = process.argv[2] ?? 'pglite';
const GP = feedByName('celestrak-gp')!;
const text = readSnapshot('celestrak_gp_active_2026-07-10.csv.gz');
const input = { text, file: 'x.csv', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' };
for (let round = 0; round < 2; round++) {
  const name = `redshift_prof_${process.pid}_${round}`;
  if (KIND === 'postgres') await withAdmin((a) => a.query(`create database ${name}`));
  const dialect = KIND === 'postgres' ? new CopyingPostgresDialect(new pg.Pool({ connectionString: databaseUrl(name), max: 2 })) : new PGliteDialect(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  const db = new Kysely<Database>({ dialect, log: (e) => { if (e.queryDurationMillis > 5) console.log(e.queryDurationMillis.toFixed(0).padStart(6), e.query.sql.replace(/\s+/g, ' ').slice(0, 110)); } });
  await migrate(db);
  await loadCurated(db, 'data/kb/sources');
  const out = GP.read(input);
  const es = out.mapped.tables.element_sets!;
  let t = performance.now();
  copyText(es, (r, k) => [r.id, r.norad_id, r.epoch, r.object_name, r.object_id, r.mean_motion, r.eccentricity, r.inclination, r.raan, r.arg_of_pericenter, r.mean_anomaly, r.bstar, r.mean_motion_dot, r.mean_motion_ddot, r.element_set_no, r.rev_at_epoch, r.classification, r.ephemeris_type, r.line1, r.line2, r.source_id, k]);
  console.log('copyText', (performance.now() - t).toFixed(0));
  for (const again of [0, 1]) {
    const now = new Date().toISOString();
    const run = await startRun(db, 'ingest:celestrak-gp', now);
    t = performance.now();
    await db.transaction().execute((trx) => writeCatalog(trx, 'ingest:celestrak-gp', out.mapped, now, run));
    console.log('writeCatalog', again, (performance.now() - t).toFixed(0));
  }
  await db.destroy();
  if (KIND === 'postgres') await withAdmin((a) => a.query(`drop database ${name} with (force)`));
}
