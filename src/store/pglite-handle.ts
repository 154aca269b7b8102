/** What the store asks of an embedded PGlite database: satisfied by PGlite itself and by one running in a worker thread (pglite-thread.ts). */
export interface PgliteHandle {
  query<R>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: R[]; affectedRows?: number }>;
  dumpDataDir(compression: 'none'): Promise<Blob>;
  /** The same tarball as bytes, without the copies a Blob costs (a worker's dump arrives as one transferred buffer). */
  dumpBytes?(): Promise<Uint8Array>;
  close(): Promise<void>;
}
