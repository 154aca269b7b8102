/**
 * How the tests start the command-line program as a child process: the built `dist/cli/main.js` when
 * the server build is up to date with its inputs (scripts/build-freshness.mjs, as `npm start` decides;
 * `npm ci` builds it), else `src/cli/main.ts` through tsx, so a test never runs code older than src/.
 * The built program imports the server in about half the time (0.6 s against 1.1–1.5 s, and again in
 * each worker thread it starts), which the tests that kill and restart the server pay many times.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_PARTS, staleReason } from '../../scripts/build-freshness.mjs';

/** The tsx loader, for `node --import` (the CLI from its sources, and other TypeScript a test runs in a child). */
export const TSX = pathToFileURL(resolve('node_modules/tsx/dist/esm/index.mjs')).href;
const server = BUILD_PARTS.find((p) => p.name === 'server')!;

let entry: string[] | null = null;

/** The node arguments that run the program (before its own arguments); decided once per test process. */
export function cliEntry(): string[] {
  entry ??= staleReason(resolve('.'), server) === null ? [resolve('dist/cli/main.js')] : ['--import', TSX, resolve('src/cli/main.ts')];
  return entry;
}
