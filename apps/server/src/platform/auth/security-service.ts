import { and, desc, eq } from 'drizzle-orm';
import type { SecurityPolicyView } from '@minzheng/contracts';
import type { Db } from '../db/client';
import { inTransaction } from '../db/sql';
import type { Actor } from '../access/actor';
import { scopeFilter } from '../access/scope';
import { recordAudit } from '../audit/service';
import { securityPolicy, session, userAccount } from './schema';
import { currentPolicy, type PolicyRow } from './repo';
import { AuthErrors } from './errors';

/** The security administrator's work: policy, locked accounts (users-service), sessions. */

export function toPolicyView(p: PolicyRow): SecurityPolicyView {
  return {
    minPasswordLength: p.minPasswordLength,
    minCharClasses: p.minCharClasses,
    maxFailedLogins: p.maxFailedLogins,
    lockoutMinutes: p.lockoutMinutes,
    idleTimeoutMinutes: p.idleTimeoutMinutes,
    passwordMaxAgeDays: p.passwordMaxAgeDays,
    validFrom: p.validFrom.toISOString(),
  };
}

export async function getPolicy(db: Db) {
  return toPolicyView(await currentPolicy(db));
}

/** A policy change is a new dated row; earlier rows stay as the record of what applied when. */
export async function setPolicy(db: Db, actor: Actor, input: Omit<SecurityPolicyView, 'validFrom'>) {
  return inTransaction(db, async (tx) => {
    const before = toPolicyView(await currentPolicy(tx));
    const [row] = await tx
      .insert(securityPolicy)
      .values({ ...input, createdBy: actor.id })
      .returning();
    const after = toPolicyView(row!);
    await recordAudit(tx, actor, {
      action: 'security.policy',
      entityType: 'security_policy',
      entityId: String(row!.id),
      before,
      after,
    });
    return after;
  });
}

export async function listSessions(db: Db, actor: Actor) {
  const list = await db
    .select({
      id: session.id,
      userId: session.userId,
      username: userAccount.username,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      address: session.address,
    })
    .from(session)
    .innerJoin(userAccount, eq(userAccount.id, session.userId))
    .where(scopeFilter(userAccount.scopeCode, actor.scopeCode))
    .orderBy(desc(session.lastSeenAt));
  return list.map((s) => ({
    ...s,
    id: s.id.slice(0, 16),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
  }));
}

/** Sessions are named outside by the first 16 hex digits of their id (never the token). */
export async function revokeSession(db: Db, actor: Actor, shortId: string) {
  await inTransaction(db, async (tx) => {
    const list = await tx
      .select({ id: session.id, userId: session.userId, scope: userAccount.scopeCode })
      .from(session)
      .innerJoin(userAccount, eq(userAccount.id, session.userId))
      .where(and(scopeFilter(userAccount.scopeCode, actor.scopeCode)));
    const target = list.find((s) => s.id.startsWith(shortId) && shortId.length >= 16);
    if (!target) throw AuthErrors.SESSION_NOT_FOUND();
    await tx.delete(session).where(eq(session.id, target.id));
    await recordAudit(tx, actor, {
      action: 'security.revoke-session',
      entityType: 'session',
      entityId: shortId,
      after: { userId: target.userId },
      regionCode: target.scope,
    });
  });
}
