/**
 * Runs the command-line program as a child process (the built program when it is up to date, else the
 * sources through tsx: cli-entry.ts), so tests can kill it with SIGKILL at chosen points and restart it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { cliEntry } from './cli-entry.js';

export interface CliChild {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the output once a pattern appears, or when the process ends (then the pattern may be missing). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
  kill9(): Promise<void>;
}

/** A child's environment: only PATH and HOME of the test's, no fetch schedule, warnings only, then `env`. */
const childEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', REDSHIFT_FETCH_SCHEDULE: 'off', LOG_LEVEL: 'warn', ...env });

/** Runs the program to its end (`input` on its standard input) and returns its exit code and output. */
export function runCliSync(args: string[], env: Record<string, string>, input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...cliEntry(), ...args], { input, encoding: 'utf8', timeout: 120_000, env: childEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runCli(args: string[], opts: { cwd?: string; env: Record<string, string> }): CliChild {
  const child = spawn(process.execPath, [...cliEntry(), ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => { out += d.toString(); listeners.forEach((l) => l()); };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => { listeners.forEach((l) => l()); res(code); }));
  let ended = false;
  void exited.then(() => { ended = true; });
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(() => { listeners.delete(check); rej(new Error(`timed out waiting for ${pattern}; output:\n${out}`)); }, timeoutMs);
        const check = () => {
          if (pattern.test(out) || ended || child.exitCode !== null) {
            clearTimeout(timer);
            listeners.delete(check);
            res(out);
          }
        };
        listeners.add(check);
        check();
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
