/**
 * Kysely's PostgreSQL dialect over a pg pool, with one addition: a COPY … FROM STDIN built by
 * copy-rows.ts streams its data on the query's own connection (pg-copy-streams), so a bulk load
 * runs inside the caller's transaction. Everything else is Kysely's PostgresDriver.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  PostgresDialect, PostgresDriver, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult,
} from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyDataOf } from './copy-rows.js';

const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PostgresConnection implements DatabaseConnection {
  constructor(readonly client: pg.PoolClient) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyDataOf(query);
    if (copy) {
      const stream = this.client.query(copyFrom(query.sql));
      await pipeline(Readable.from(copy), stream);
      return { rows: [], numAffectedRows: BigInt(stream.rowCount) };
    }
    const result = await this.client.query(query.sql, [...query.parameters]);
    return {
      rows: result.rows as R[],
      numAffectedRows: COUNTED.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined,
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the PostgreSQL dialect does not stream query results');
  }
}

class CopyingPostgresDriver extends PostgresDriver {
  private readonly connections = new WeakMap<pg.PoolClient, PostgresConnection>();

  constructor(private readonly pool: pg.Pool) {
    super({ pool });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.connections.get(client);
    if (!connection) {
      connection = new PostgresConnection(client);
      this.connections.set(client, connection);
      // The server may end a connection while it is checked out between two statements (a restart, an
      // administrator's pg_terminate_backend): the client then emits 'error', which unheard would end the
      // process. Heard, the client's next statement fails with that error, and the pool drops the client
      // when it is released. (An idle client in the pool is the pool's own 'error' listener's.)
      client.on('error', () => {});
    }
    return connection;
  }

  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof PostgresConnection) connection.client.release();
  }
}

export class CopyingPostgresDialect extends PostgresDialect {
  constructor(private readonly pool: pg.Pool) {
    super({ pool });
  }

  override createDriver(): Driver {
    return new CopyingPostgresDriver(this.pool);
  }
}
