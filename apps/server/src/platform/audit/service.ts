import type { Db } from '../db/client';
import type { Actor } from '../access/actor';
import { auditLog } from './schema';
import { redact } from './redact';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  outcome?: AuditOutcome;
  regionCode?: string | null;
  /** Overrides the actor's name (failed logins name the username tried). */
  actorName?: string;
}

/** Writes one audit row inside the caller's transaction; it commits or rolls back with the change. */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorName: entry.actorName ?? actor.name,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    address: actor.address,
    outcome: entry.outcome ?? 'success',
    regionCode: entry.regionCode ?? null,
  });
}
