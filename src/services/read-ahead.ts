/**
 * Synchronous reads (parse a file, check a folder) run one after another ahead of the writes that
 * need them, each in its own turn of the event loop, so the thread keeps answering the store's
 * thread (or PostgreSQL) between two reads while the store works on an earlier write or is still
 * opening. A read's result, or the error it threw, is kept until taken: `take` gives it exactly as
 * calling the read then would have (the same value, or the same error thrown).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class ReadAhead {
  private readonly outcomes = new Map<string, Promise<Outcome>>();
  private readonly taken = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  /** Queues the reads, by key, after those already queued; a key already queued or taken is skipped. */
  start(reads: readonly { key: string; read: () => unknown }[]): void {
    for (const { key, read } of reads) {
      if (this.outcomes.has(key) || this.taken.has(key)) continue;
      const outcome = this.queue.then(() => nextTurn()).then((): Outcome => {
        try {
          return { ok: true, value: read() };
        } catch (error) {
          return { ok: false, error };
        }
      });
      this.outcomes.set(key, outcome);
      this.queue = outcome.then(() => undefined);
    }
  }

  /**
   * The read's result: the one read ahead when its key was queued and not yet taken, else read now.
   * Once taken, the result is no longer held here.
   */
  async take<T>(key: string, read: () => T): Promise<T> {
    const queued = this.outcomes.get(key);
    this.taken.add(key);
    if (!queued) return read();
    this.outcomes.delete(key);
    const outcome = await queued;
    if (!outcome.ok) throw outcome.error;
    return outcome.value as T;
  }
}
