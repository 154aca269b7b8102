/**
 * Requests to another thread over a worker or a message port, each answered by one reply carrying
 * the request's id. The endpoint keeps the process alive only while a request waits for its reply.
 * Used by the PGlite database thread's clients (store/pglite-thread.ts) and the analytics runner
 * (services/analytics-runner.ts); each decides what a failure of the thread means for later requests.
 */
import type { MessagePort, TransferListItem, Worker } from 'node:worker_threads';

/** A reply, told apart by its request's id; `settle` turns it into the value or the error. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

/** A message without the id this module gives it (each member of a union on its own). */
export type WithoutId<M> = M extends unknown ? Omit<M, 'id'> : never;

export interface PortRequests<Req extends { id: number }, T> {
  /** Sends the request with its id; resolves or rejects with its reply. */
  send(request: WithoutId<Req>, transfer?: readonly TransferListItem[]): Promise<T>;
  /** Waits for the reply to an id the other side sends unasked (e.g. a worker's "ready" as id 0). */
  expect(id: number): Promise<T>;
  /** Rejects every waiting request with the error. */
  failAll(err: Error): void;
}

export function portRequests<Req extends { id: number }, Reply extends { id: number }, T>(
  endpoint: Worker | MessagePort, settle: (reply: Reply) => Settled<T>,
): PortRequests<Req, T> {
  const pending = new Map<number, { resolve: (value: T) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  const wait = (id: number) => new Promise<T>((resolve, reject) => { pending.set(id, { resolve, reject }); });
  endpoint.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) endpoint.unref();
    const settled = settle(reply);
    if (settled.ok) p.resolve(settled.value);
    else p.reject(settled.error);
  });
  return {
    send(request, transfer = []) {
      const id = nextId++;
      const reply = wait(id);
      endpoint.ref();
      const message = { ...request, id };
      endpoint.postMessage(message, [...transfer]);
      return reply;
    },
    expect: wait,
    failAll(err) {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    },
  };
}
