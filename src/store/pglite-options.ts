/**
 * The options every PGlite instance of the product opens with (the store, its worker thread, a backup's
 * restore; the test stores too).
 * - extensions: those PostgreSQL has installed that the schema uses: pg_trgm for the name search.
 * - wal_init_zero off: a new WAL segment is created by writing its last byte instead of 16 MB of zeros
 *   (a documented PostgreSQL setting, meant for file systems where the zeros buy nothing). PGlite's
 *   in-memory file system grows a file by 12.5% per write past its end, copying it each time, so
 *   zero-filling one segment copied it about 24 times: half the time of the first GP load's change log
 *   insert went to that (bench/ingest.ts). The cost of off: a disk that fills up is found when WAL is
 *   written rather than when a segment is made, and PostgreSQL then stops instead of failing one statement.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const SETTINGS = ['wal_init_zero=off'];

export const PGLITE_OPTIONS = {
  extensions: { pg_trgm },
  startParams: [...PGlite.defaultStartParams, ...SETTINGS.flatMap((s) => ['-c', s])],
};
