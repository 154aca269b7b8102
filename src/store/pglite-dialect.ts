/**
 * A Kysely dialect for the embedded PGlite database. PGlite is one in-process
 * connection, so connections are handed out one at a time (a transaction holds
 * the lock until it ends); SQL compilation and introspection are Postgres's own.
 */
import {
  CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type TransactionSettings,
} from 'kysely';
import type { PgliteHandle } from './pglite-handle.js';
import { copyDataOf } from './copy-rows.js';

const WRITE_COMMAND = /^\s*(insert|update|delete|merge)\b/i;

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PgliteHandle) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyDataOf(query);
    if (copy) {
      const from = query.sql.replace(/ from stdin\b/, " from '/dev/blob'");
      const result = await this.pg.query<R>(from, [], { blob: new Blob([...copy] as BlobPart[]) });
      return { rows: [], numAffectedRows: BigInt(result.affectedRows ?? 0) };
    }
    const result = await this.pg.query<R>(query.sql, [...query.parameters]);
    return WRITE_COMMAND.test(query.sql)
      ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
      : { rows: result.rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not stream query results');
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(private readonly pg: PgliteHandle) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.releaseLock = release;
    return this.connection;
  }

  private releaseLock: (() => void) | null = null;

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.releaseLock;
    this.releaseLock = null;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PgliteHandle) {}
  createDriver(): Driver { return new PGliteDriver(this.pg); }
  createQueryCompiler() { return new PostgresQueryCompiler(); }
  createAdapter() { return new PostgresAdapter(); }
  createIntrospector(db: Kysely<unknown>) { return new PostgresIntrospector(db); }
}
