/**
 * Programs outside Node that read the API as analysts do (Python with pandas, R): finding them,
 * and running a script with text on its standard input without blocking the event loop (the
 * server under test answers in the test's own process).
 */
import { spawn, spawnSync } from 'node:child_process';

/** The first of the commands that runs the check (exit status 0), or null when none does. */
export function firstWorking(commands: readonly string[], check: readonly string[]): string | null {
  for (const command of commands) {
    if (spawnSync(command, check, { stdio: 'ignore' }).status === 0) return command;
  }
  return null;
}

/** A Python 3 that has pandas (Debian's python3-pandas is under /usr/bin; a pyenv python3 may come first on PATH). */
export const pythonWithPandas = (): string | null => firstWorking(['/usr/bin/python3', 'python3'], ['-c', 'import pandas']);

/** R's script runner (Debian's r-base-core). */
export const rscript = (): string | null => firstWorking(['/usr/bin/Rscript', 'Rscript'], ['-e', 'invisible(0)']);

/** Runs `command args…` with input on its standard input; resolves with its standard output, rejects with its standard error. */
export function runWithInput(command: string, args: readonly string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err.slice(0, 2000)}`))));
    child.stdin.end(input);
  });
}
