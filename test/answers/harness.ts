/**
 * The answers suite: analyst questions asked through the public API, each checked
 * against an independent computation from the raw snapshot files or the seed text.
 * One store per dialect is loaded once (answers-on.ts, run by answers-pglite.test.ts and answers-postgres.test.ts) and shared by every suite in
 * ./suites/: a suite exports `answers(ctx)`, which declares its tests with vitest.
 */
import type { FastifyInstance } from 'fastify';
import type { StoreKind } from '../../src/store/open-store.js';
import type { TestStore } from '../support/stores.js';

export interface AnswerContext {
  kind: StoreKind;
  store: TestStore;
  app: FastifyInstance;
  /** GET a path of the public API and return its parsed JSON body (fails on a non-200). */
  get<T = unknown>(path: string): Promise<T>;
  /** The shared app listening on 127.0.0.1 (started at the first call), for clients that need a URL: pandas, R. */
  baseUrl(): Promise<string>;
}

/** A suite of answers; `ctx()` is valid inside tests (after the shared store is loaded). */
export type AnswerSuite = (ctx: () => AnswerContext) => void;
