/**
 * Where a run's CPU goes, by kind of process: samples /proc every SAMPLE_MS while the run lasts and
 * keeps each process's user + system time (a process is its pid and start time, so a reused pid is
 * another process). A process's share is what it used after sampling began (its ticks at the first
 * sample are subtracted for those already running: the PostgreSQL server's own processes, say).
 * A process that lives less than SAMPLE_MS between two samples is missed, and one that ends counts
 * its time up to the last sample that saw it; the figures are a lower bound of each kind's CPU.
 * Linux only (/proc); elsewhere every kind reads 0.
 */
import { readdirSync, readFileSync } from 'node:fs';

const SAMPLE_MS = 250;
const TICKS_PER_S = 100; // USER_HZ on Linux

/** A kind of process, named by what its command line holds; the first rule that matches names it. */
const KINDS: [string, (cmd: string) => boolean][] = [
  ['PostgreSQL server', (c) => c.startsWith('postgres:') || /\/postgres(\s|$)/.test(c.split(' ')[0] ?? '')],
  ['Chromium', (c) => /chrom(e|ium)/.test(c)],
  ['shared-load builders', (c) => c.includes('shared-load-build')],
  ['command-line program (child processes)', (c) => c.includes('dist/cli/main.js') || c.includes('src/cli/main.ts')],
  ['pandas and R', (c) => /python3?\s|Rscript|\/R\/bin\/exec\/R/.test(c)],
  ['tsc (typecheck)', (c) => /typescript\/bin\/tsc|\btsc\b/.test(c)],
  ['vitest workers', (c) => c.includes('vitest') && c.includes('forks')],
  ['vitest main', (c) => c.includes('vitest')],
];

interface Seen { kind: string; first: number; last: number }

function processTicks(pid: string): { key: string; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command's closing parenthesis: utime and stime are fields 12 and 13, starttime field 20 (0-based 11, 12, 19).
    return { key: `${pid}:${fields[19]}`, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

export interface CpuByProcess {
  /** Stops sampling and returns CPU seconds per kind (and 'other'), largest first. */
  stop(): [string, number][];
}

/** Starts sampling every process on the machine, the run's and the others' alike. */
export function sampleCpuByProcess(): CpuByProcess {
  const seen = new Map<string, Seen>();
  let firstSample = true;
  const sample = () => {
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      return;
    }
    for (const pid of pids) {
      const t = processTicks(pid);
      if (!t) continue;
      const known = seen.get(t.key);
      if (known) {
        known.last = Math.max(known.last, t.ticks);
        continue;
      }
      const cmd = commandLine(pid);
      const kind = cmd === '' ? 'kernel threads' : KINDS.find(([, match]) => match(cmd))?.[0] ?? 'other processes';
      seen.set(t.key, { kind, first: firstSample ? t.ticks : 0, last: t.ticks });
    }
    firstSample = false;
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const byKind = new Map<string, number>();
      for (const s of seen.values()) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + (s.last - s.first) / TICKS_PER_S);
      return [...byKind].sort((a, b) => b[1] - a[1]);
    },
  };
}
