/** What the store asks of an embedded PGlite database: satisfied by PGlite itself and by one running in a worker thread (pglite-thread.ts). */
export interface PgliteHandle {
  query<R>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: R[]; affectedRows?: number }>;
  dumpDataDir(compression: 'none'): Promise<Blob>;
  close(): Promise<void>;
}
