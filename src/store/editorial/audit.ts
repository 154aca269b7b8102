/** The audit trail: rows are only ever appended (the database refuses updates and deletes, see migration 006). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

export interface AuditEntry {
  actorId: number | null;
  actorName: string | null;
  action: string;
  subject: string;
  address?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: string; at: string; actorId: number | null; actorName: string | null; action: string; subject: string;
  address: string | null; before: unknown; after: unknown;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function appendAudit(db: Db, e: AuditEntry, at = new Date().toISOString()): Promise<void> {
  await db.insertInto('audit').values({
    at, actor_id: e.actorId, actor_name: e.actorName, action: e.action, subject: e.subject, address: e.address ?? null,
    before: e.before === undefined ? null : JSON.stringify(e.before), after: e.after === undefined ? null : JSON.stringify(e.after),
  }).execute();
}

/** Newest first, `limit` rows older than the row id `before` (when given). */
export async function readAudit(db: Db, opts: { limit: number; before?: string; action?: string; actorName?: string }): Promise<AuditRow[]> {
  let q = db.selectFrom('audit').selectAll();
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.action) q = q.where('action', '=', opts.action);
  if (opts.actorName) q = q.where('actor_name', '=', opts.actorName);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: String(r.id), at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, subject: r.subject,
    address: r.address, before: r.before ?? null, after: r.after ?? null,
  }));
}
