/**
 * A worker that answers one message: its answer, or an error when it fails, exits without answering or
 * runs past its time budget. Whatever comes first settles the promise, and the worker is then stopped.
 */
import type { Worker } from 'node:worker_threads';

export interface OneShot<T> {
  /** Names the worker in errors, e.g. "parser" → "parser worker failed: …". */
  name: string;
  budgetMs: number;
  /** The error past the budget. */
  overBudget: () => Error;
  /** The worker's one message read as a value or an error. */
  read: (message: unknown) => { value: T } | { error: Error };
}

export function runWorkerOnce<T>(worker: Worker, job: OneShot<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(job.overBudget())), job.budgetMs);
    worker.once('message', (message: unknown) => settle(() => {
      const read = job.read(message);
      if ('error' in read) reject(read.error);
      else resolve(read.value);
    }));
    worker.once('error', (err) => settle(() => reject(new Error(`${job.name} worker failed: ${err.message}`))));
    worker.once('exit', (code) => settle(() => reject(new Error(`${job.name} worker exited with code ${code} before answering`))));
  });
}
