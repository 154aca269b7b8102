/**
 * Starts a worker on a module of this package: the compiled .js in dist/, or, when running from
 * src/ (tsx, vitest), a small bootstrap that registers tsx in the worker and imports the .ts entry.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.href.endsWith('.ts')) return new Worker(entry, options);
  const tsxApi = new URL('./api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm'))).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
