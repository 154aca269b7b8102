/**
 * Login throttling, per account name and per client address: after FREE failures in a window, each key
 * must wait before its next attempt, doubling with every further failure (capped). Kept in memory
 * (lru-cache bounds it), so a restart forgets it; the audit trail keeps every failed login regardless.
 */
import { LRUCache } from 'lru-cache';

export interface ThrottleOptions { free: number; baseDelayMs: number; maxDelayMs: number; windowMs: number }

export const DEFAULT_THROTTLE: ThrottleOptions = { free: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 };

interface Entry { failures: number; until: number }

export class LoginThrottle {
  private readonly entries: LRUCache<string, Entry>;

  constructor(private readonly opts: ThrottleOptions = DEFAULT_THROTTLE, private readonly clock: () => number = Date.now) {
    this.entries = new LRUCache({ max: 50_000, ttl: opts.windowMs });
  }

  /** Milliseconds to wait before any of the keys may try again (0: may try now). */
  waitMs(keys: string[]): number {
    const now = this.clock();
    return Math.max(0, ...keys.map((k) => (this.entries.get(k)?.until ?? 0) - now));
  }

  fail(keys: string[]): void {
    const now = this.clock();
    for (const k of keys) {
      const e = this.entries.get(k) ?? { failures: 0, until: 0 };
      e.failures += 1;
      const over = e.failures - this.opts.free;
      e.until = over > 0 ? now + Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (over - 1)) : 0;
      this.entries.set(k, e);
    }
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}
