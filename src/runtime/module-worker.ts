/**
 * Starts a worker thread on a module of this package: its compiled JavaScript in dist/, or, when
 * running from src/ (tsx, vitest), a small bootstrap that registers tsx in the worker first and then
 * imports the TypeScript entry. Used by the store's database thread, the batch propagation pool, the
 * conjunction scan and the services' workers; it imports nothing of this package.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The module `name` (file name without extension) beside the caller (its import.meta.url), .ts or .js as the caller is. */
export function moduleBeside(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

export function startModuleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.href.endsWith('.ts')) return new Worker(entry, options);
  // tsx's ESM API (dist/esm/api/index.mjs beside the 'tsx/esm' entry): register() works in a worker.
  const tsxApi = new URL('./api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm'))).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
