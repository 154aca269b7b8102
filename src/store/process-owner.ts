/**
 * Names this process ("host pid start-time") so that a lock file or a run can be traced
 * to the process that made it, and tells whether such a process is still alive.
 */
import { hostname } from 'node:os';

const STARTED_AT = new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString();

export interface ProcessOwner { host: string; pid: number; startedAt: string }

export const THIS_PROCESS: ProcessOwner = { host: hostname(), pid: process.pid, startedAt: STARTED_AT };

export function formatOwner(o: ProcessOwner = THIS_PROCESS): string {
  return `${o.host} ${o.pid} ${o.startedAt}`;
}

export function parseOwner(text: string | null): ProcessOwner | null {
  const m = /^(\S+) (\d+) (\S+)$/.exec(text?.trim() ?? '');
  return m ? { host: m[1]!, pid: Number(m[2]), startedAt: m[3]! } : null;
}

/**
 * 'alive', 'dead', or 'unknown' (another host: its processes cannot be checked from here).
 * A live pid equal to ours but with another start time is a previous incarnation (a container restart).
 */
export function ownerState(o: ProcessOwner): 'alive' | 'dead' | 'unknown' {
  if (o.host !== THIS_PROCESS.host) return 'unknown';
  if (o.pid === THIS_PROCESS.pid) return o.startedAt === THIS_PROCESS.startedAt ? 'alive' : 'dead';
  try {
    process.kill(o.pid, 0);
    return 'alive';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}
