/**
 * One full load per store kind per test run, shared by copying: the first test file that asks starts
 * a child process per kind (shared-load-build.ts) that loads the store from scratch and keeps it
 * (a PGlite dumpDataDir() tarball, a PostgreSQL template database); both kinds load at once, on
 * both cores. Every file then gets its own copy, so tests that change their store stay isolated.
 * shared-load-setup.ts (vitest globalSetup) names the run's folder and template and removes them.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { StoreKind } from '../../src/store/open-store.js';
import { STORE_KINDS } from './stores.js';
import { lockHolder, marker, type SharedLoadRun } from './shared-load-build.js';
import { TSX } from './cli-entry.js';

export type { SharedLoadRun } from './shared-load-build.js';

declare module 'vitest' {
  interface ProvidedContext { sharedLoad: SharedLoadRun | null }
}

const BUILDER = resolve('test/support/shared-load-build.ts');
const started = new Map<StoreKind, number>();

/**
 * What a copy of the loaded store is made from: the PGlite tarball's file or the template's name;
 * null when the run has no shared load (the caller then loads from scratch).
 */
export async function sharedLoad(kind: StoreKind): Promise<string | null> {
  const run = inject('sharedLoad');
  if (!run) return null;
  const waited = Date.now();
  for (;;) {
    const done = marker(run, kind, 'done');
    if (existsSync(done)) {
      const { origin, seconds } = JSON.parse(readFileSync(done, 'utf8')) as { origin: string; seconds: number };
      console.info(`shared ${kind} load: built once in ${seconds.toFixed(1)} s; this file waited ${((Date.now() - waited) / 1000).toFixed(1)} s`);
      return origin;
    }
    const failed = marker(run, kind, 'failed');
    if (existsSync(failed)) throw new Error(`the shared ${kind} load failed: ${readFileSync(failed, 'utf8')}`);
    for (const k of new Set([kind, ...STORE_KINDS])) startBuilder(k, run);
    await sleep(250);
  }
}

/** Starts a builder for a kind unless one is running, it is built, or one was started here in the last few seconds. */
function startBuilder(kind: StoreKind, run: SharedLoadRun): void {
  if (existsSync(marker(run, kind, 'done')) || existsSync(marker(run, kind, 'failed')) || lockHolder(marker(run, kind, 'lock')) !== null) return;
  if (Date.now() - (started.get(kind) ?? 0) < 5_000) return;
  started.set(kind, Date.now());
  const child = spawn(process.execPath, ['--import', TSX, BUILDER, kind, run.dir, run.template], { stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.on('exit', (code) => {
    if (code !== 0 && !existsSync(marker(run, kind, 'done'))) writeFileSync(marker(run, kind, 'failed'), `builder exited with ${code}: ${stderr}`);
  });
}
