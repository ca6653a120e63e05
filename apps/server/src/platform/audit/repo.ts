import { and, desc, eq, gte, ilike, isNull, lt, or, sql } from 'drizzle-orm';
import type { AuditView } from '@minzheng/contracts';
import type { Db } from '../db/client';
import type { Actor } from '../access/actor';
import { scopeFilter } from '../access/scope';
import { addDays } from '../calendar/rules';
import { auditLog } from './schema';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Newest first, keyset on id; the audit administrator sees rows of their scope and rows with no region. */
export async function listAudit(db: Db, actor: Actor, f: AuditFilter) {
  const where = and(
    or(scopeFilter(auditLog.regionCode, actor.scopeCode), isNull(auditLog.regionCode)),
    f.actor ? ilike(auditLog.actorName, `%${f.actor}%`) : undefined,
    f.action ? ilike(auditLog.action, `${f.action}%`) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.outcome ? eq(auditLog.outcome, f.outcome) : undefined,
    f.from ? gte(auditLog.at, sql`${f.from}::date`) : undefined,
    f.to ? lt(auditLog.at, sql`${addDays(f.to, 1)}::date`) : undefined,
    f.cursor ? lt(auditLog.id, Number(f.cursor)) : undefined,
  );
  const list = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
  const items: AuditView[] = list.slice(0, f.limit).map((r) => ({
    id: String(r.id),
    seq: r.seq === null ? null : String(r.seq),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before ?? null,
    after: r.after ?? null,
    address: r.address,
    outcome: r.outcome as AuditView['outcome'],
    regionCode: r.regionCode,
  }));
  return { items, nextCursor: list.length > f.limit ? items[items.length - 1]!.id : null };
}
