/**
 * The embedded store's exclusive lock: a lock file beside the PGlite folder, created with
 * O_EXCL (only one process can create it) and holding the owner "host pid start-time" and
 * what it runs. Two processes on one PGlite folder corrupt it, so a second process is refused
 * with a message naming the holder. A lock left by a dead process on this host (kill -9, crash)
 * is stale and taken over; one from another host is never taken over automatically.
 */
import { resolve } from 'node:path';
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { formatOwner, ownerState, parseOwner } from './process-owner.js';

export class StoreLockedError extends Error {}

export interface StoreLock {
  path: string;
  /** Records where the holder serves the API, so a refused process can point there. */
  note(url: string): void;
  release(): void;
}

interface LockContent { owner: string; command: string; url?: string }

const heldHere = new Set<string>();

export function lockPathFor(dataDir: string): string {
  // resolve() drops trailing slashes, so "dir/" and "dir" share one lock.
  return `${resolve(dataDir)}.lock`;
}

export function acquireStoreLock(dataDir: string, command = process.argv.slice(2).join(' ') || 'node'): StoreLock {
  const path = lockPathFor(dataDir);
  if (heldHere.has(path)) throw new StoreLockedError(`the store at ${dataDir} is already open in this process`);
  const content: LockContent = { owner: formatOwner(), command: `redshift-monitor ${command}` };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, content)) {
      heldHere.add(path);
      return handle(path, content);
    }
    const current = readLock(path);
    if (current === undefined) continue; // removed meanwhile: try again
    const owner = parseOwner(current?.owner ?? null);
    const state = owner ? ownerState(owner) : 'dead';
    if (state === 'alive' || state === 'unknown') throw new StoreLockedError(lockedMessage(dataDir, path, current!, state));
    takeOverStale(path, current);
  }
  throw new StoreLockedError(`could not lock the store at ${dataDir} (${path}): another process keeps taking it`);
}

function tryCreate(path: string, content: LockContent): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(content) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's content; null when unreadable (a crash while writing it), undefined when there is no lock file. */
function readLock(path: string): LockContent | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const v = JSON.parse(text) as Partial<LockContent>;
    return typeof v.owner === 'string' ? { owner: v.owner, command: String(v.command ?? ''), url: v.url } : null;
  } catch {
    return null;
  }
}

/** Moves the stale lock aside; if what was moved is not the stale lock read before (a racing process's fresh lock), puts it back. */
function takeOverStale(path: string, stale: LockContent | null): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readLock(aside);
  if (JSON.stringify(moved) !== JSON.stringify(stale)) {
    try { linkSync(aside, path); } catch { /* another process locked meanwhile; its lock stands */ }
  }
  unlinkSync(aside);
}

function handle(path: string, content: LockContent): StoreLock {
  const onExit = () => removeIfOurs(path);
  process.once('exit', onExit);
  return {
    path,
    note(url: string) {
      const lock = readLock(path);
      if (lock?.owner === content.owner) {
        content.url = url;
        const tmp = `${path}.tmp-${process.pid}`;
        writeFileSync(tmp, JSON.stringify(content) + '\n');
        renameSync(tmp, path);
      }
    },
    release() {
      process.removeListener('exit', onExit);
      removeIfOurs(path);
    },
  };

  function removeIfOurs(p: string) {
    heldHere.delete(p);
    if (readLock(p)?.owner === content.owner) unlinkSync(p);
  }
}

function lockedMessage(dataDir: string, path: string, lock: LockContent, state: 'alive' | 'unknown'): string {
  const owner = parseOwner(lock.owner);
  const who = owner ? `process ${owner.pid} on ${owner.host} (started ${owner.startedAt}): ${lock.command}` : lock.owner;
  const lines = [`the store at ${dataDir} is in use by ${who}.`,
    'Only one process may open the embedded store at a time (two would corrupt it).'];
  if (lock.url) lines.push(`That process serves the API at ${lock.url}api/v1/ : ask it instead, or stop it first.`);
  else lines.push('Stop that process first, or wait for it to finish.');
  if (state === 'unknown') lines.push(`The lock was taken on another host (${owner?.host ?? '?'}); if no process there uses the store, delete ${path}.`);
  return lines.join('\n');
}
