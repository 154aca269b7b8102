/**
 * Starts a worker thread on a module beside the caller: its compiled JavaScript in dist/, or, when
 * running from src/ (tsx, vitest), a small bootstrap that registers tsx in the worker first and then
 * imports the TypeScript entry. Used by the store's database thread and the services' workers.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl` is the caller's import.meta.url; `name` the entry's file name without extension. */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  // tsx's ESM API (dist/esm/api/index.mjs beside the 'tsx/esm' entry): register() works in a worker.
  const tsxApi = new URL('./api/index.mjs', pathToFileURL(createRequire(callerUrl).resolve('tsx/esm'))).href;
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
