/**
 * Pages of world changes: ordered by world day, then id (compared bytewise, as the store's
 * collate "C"), newest or oldest first; a cursor names the last change of a page.
 */
import type { WorldChange, WorldCursor, WorldOrder } from './world-change-types.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest-first comparison of two changes (day, then id); negate for newest first. */
export function compareChanges(a: Pick<WorldChange, 'day' | 'id'>, b: Pick<WorldChange, 'day' | 'id'>): number {
  return cmp(a.day, b.day) || cmp(a.id, b.id);
}

/** Whether a change lies in the window: since ≤ day < until, and after the cursor in the page's order. */
export function inWindow(c: WorldChange, w: { since?: string; until?: string; after?: WorldCursor; order: WorldOrder }): boolean {
  if (w.since && c.day < w.since) return false;
  if (w.until && c.day >= w.until) return false;
  if (!w.after) return true;
  const d = compareChanges(c, w.after);
  return w.order === 'newest' ? d < 0 : d > 0;
}

/**
 * One page from lists each holding (at least) its first limit + 1 changes after the cursor:
 * the first `limit` of their union in order, and the cursor after the last one when more follow.
 */
export function mergePage(lists: readonly WorldChange[][], order: WorldOrder, limit: number): { items: WorldChange[]; next: WorldCursor | null } {
  const sign = order === 'newest' ? -1 : 1;
  const all = lists.flat().sort((a, b) => sign * compareChanges(a, b));
  const items = all.slice(0, limit);
  const last = items.at(-1);
  return { items, next: all.length > limit && last ? { day: last.day, id: last.id } : null };
}

/** A cursor as URL-safe text (base64url of "day id"). */
export function encodeCursor(c: WorldCursor): string {
  return Buffer.from(`${c.day} ${c.id}`, 'utf8').toString('base64url');
}

const CURSOR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The cursor a text names, or null when it is not one this feed wrote. */
export function decodeCursor(text: string): WorldCursor | null {
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  const space = raw.indexOf(' ');
  if (space < 0) return null;
  const day = raw.slice(0, space);
  const id = raw.slice(space + 1);
  if (!CURSOR_DAY.test(day) || id === '' || encodeCursor({ day, id }) !== text) return null;
  return { day, id };
}
