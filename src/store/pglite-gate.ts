/**
 * Runs the queries of several clients (threads) on one PGlite database, one at a time. A client
 * whose query begins a transaction owns the database until its commit or rollback: the other
 * clients' queries wait, in order, so none runs inside a transaction that is not its own.
 */
export interface GateClient { name: string }

const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|rollback|end|abort)\b/i;

interface Task {
  client: GateClient;
  sql: string;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class TransactionGate {
  private owner: GateClient | null = null;
  private busy = false;
  private readonly queue: Task[] = [];

  constructor(private readonly db: { query(sql: string): Promise<unknown> }) {}

  /** Runs `exec` (the query `sql`) when no other client holds a transaction. */
  run<T>(client: GateClient, sql: string, exec: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ client, sql, run: exec, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Runs `exec` alone (a dump), between the transactions of other clients. */
  exclusive<T>(client: GateClient, exec: () => Promise<T>): Promise<T> {
    return this.run(client, '', exec);
  }

  /** A client that went away: its waiting queries are refused and its open transaction rolled back. */
  async abandon(client: GateClient): Promise<void> {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.client !== client) continue;
      this.queue.splice(i, 1)[0]!.reject(new Error('the client of the store went away'));
    }
    if (this.owner === client) await this.run(client, 'rollback', () => this.db.query('rollback')).catch(() => {});
  }

  /** Whether a client currently holds a transaction (for tests and diagnostics). */
  get holder(): GateClient | null {
    return this.owner;
  }

  private pump(): void {
    if (this.busy) return;
    const at = this.queue.findIndex((t) => this.owner === null || this.owner === t.client);
    if (at < 0) return;
    const task = this.queue.splice(at, 1)[0]!;
    this.busy = true;
    task.run().then((value) => {
      if (BEGINS.test(task.sql)) this.owner = task.client;
      else if (ENDS.test(task.sql) && this.owner === task.client) this.owner = null;
      task.resolve(value);
    }, (err: unknown) => {
      // A failed rollback or commit still ends the transaction in PostgreSQL's terms.
      if (ENDS.test(task.sql) && this.owner === task.client) this.owner = null;
      task.reject(err);
    }).finally(() => {
      this.busy = false;
      this.pump();
    });
  }
}
