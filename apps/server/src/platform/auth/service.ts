import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { inTransaction } from '../db/sql';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/service';
import { HttpErrors } from '../http/errors';
import { session, userAccount } from './schema';
import { AuthErrors } from './errors';
import { checkPassword } from './password-rules';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { newToken, sessionIdOf } from './tokens';
import {
  currentPolicy,
  deleteSessionsOf,
  sessionPrincipal,
  findUser,
  findUserByUsername,
  permissionsOf,
  rolesOf,
  type PolicyRow,
  type UserRow,
} from './repo';
import { toSessionUser } from './views';

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

function passwordExpired(u: UserRow, maxAgeDays: number): boolean {
  if (maxAgeDays <= 0) return false;
  return Date.now() - u.passwordChangedAt.getTime() > maxAgeDays * 86_400_000;
}

function actorFor(u: UserRow, roles: string[], permissions: string[], client: ClientInfo): Actor {
  return {
    id: u.id,
    name: u.username,
    scopeCode: u.scopeCode,
    roles,
    permissions: new Set(permissions),
    address: client.address,
  };
}

/** Throws the policy's complaint about a new password, if it has one. */
export function assertPasswordAllowed(password: string, username: string, policy: PolicyRow) {
  const problem = checkPassword(password, username, policy);
  if (problem === 'too_short') throw AuthErrors.WEAK_PASSWORD_TOO_SHORT({ min: policy.minPasswordLength });
  if (problem === 'too_few_classes')
    throw AuthErrors.WEAK_PASSWORD_TOO_FEW_CLASSES({ min: policy.minCharClasses });
  if (problem === 'contains_username') throw AuthErrors.WEAK_PASSWORD_CONTAINS_USERNAME();
}

/**
 * Username + password → a new session. Failures are audited and counted even though the request fails;
 * the fifth failure in a row (by policy) locks the account for the policy's lockout time.
 */
export async function login(db: Db, username: string, password: string, client: ClientInfo) {
  const policy = await currentPolicy(db);
  const user = await findUserByUsername(db, username);
  const anonymous: Actor = {
    id: null,
    name: username,
    scopeCode: '',
    roles: [],
    permissions: new Set(),
    address: client.address,
  };
  const expired = sql`(${userAccount.lockedUntil} is not null and ${userAccount.lockedUntil} <= now())`;
  const fail = async (reason: string, userId: string | null, lock = false) => {
    await inTransaction(db, async (tx) => {
      let lockedNow = false;
      if (userId) {
        const [u] = await tx
          .update(userAccount)
          .set({
            // A lock that has run out starts a new count: one more mistake must not lock again at once.
            failedLogins: sql`case when ${expired} then 1 else ${userAccount.failedLogins} + 1 end`,
            lockedUntil: sql`case when (case when ${expired} then 1 else ${userAccount.failedLogins} + 1 end)
                >= ${policy.maxFailedLogins}
              then now() + make_interval(mins => ${policy.lockoutMinutes})
              when ${expired} then null else ${userAccount.lockedUntil} end`,
          })
          .where(eq(userAccount.id, userId))
          .returning({ failed: userAccount.failedLogins });
        lockedNow = (u?.failed ?? 0) >= policy.maxFailedLogins;
      }
      await recordAudit(
        tx,
        { ...anonymous, id: userId },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: userId,
          outcome: 'failure',
          after: { reason, lockedNow },
          actorName: username,
        },
      );
      lock = lock || lockedNow;
    });
    if (lock) throw AuthErrors.LOCKED({ minutes: policy.lockoutMinutes });
    throw AuthErrors.INVALID_CREDENTIALS();
  };

  if (!user) {
    await verifyPassword(await decoyHash(), password);
    return fail('unknown-user', null);
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await inTransaction(db, (tx) =>
      recordAudit(
        tx,
        { ...anonymous, id: user.id },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          outcome: 'denied',
          after: { reason: 'locked' },
        },
      ),
    );
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw AuthErrors.LOCKED({ minutes });
  }
  if (!(await verifyPassword(user.passwordHash, password))) return fail('wrong-password', user.id);
  if (user.status !== 'active') {
    await inTransaction(db, (tx) =>
      recordAudit(
        tx,
        { ...anonymous, id: user.id },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          outcome: 'denied',
          after: { reason: 'disabled' },
        },
      ),
    );
    throw AuthErrors.DISABLED();
  }

  const roles = (await rolesOf(db, [user.id])).get(user.id) ?? [];
  const permissions = await permissionsOf(db, roles);
  const token = newToken();
  const csrfToken = newToken();
  const mustChangePassword = user.mustChangePassword || passwordExpired(user, policy.passwordMaxAgeDays);
  await inTransaction(db, async (tx) => {
    await tx
      .update(userAccount)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(userAccount.id, user.id));
    await tx.insert(session).values({
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      address: client.address,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, actorFor(user, roles, permissions, client), {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
    });
  });
  return {
    token,
    csrfToken,
    user: await toSessionUser(db, user, roles, permissions, mustChangePassword),
    mustChangePassword,
    idleTimeoutMinutes: policy.idleTimeoutMinutes,
  };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  user: UserRow;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
  idleTimeoutMinutes: number;
}

/** Token → session; an idle session (policy minutes since the last request) is ended here. */
export async function resolveSession(db: Db, token: string, client: ClientInfo): Promise<ResolvedSession> {
  const id = sessionIdOf(token);
  // One round trip per request: session, user, roles, permissions and the policy in force.
  const found = await sessionPrincipal(db, id);
  if (!found) throw HttpErrors.UNAUTHENTICATED();
  const { session: s, user, roles, permissions, idleTimeoutMinutes, passwordMaxAgeDays } = found;
  const idleMs = Date.now() - s.lastSeenAt.getTime();
  if (idleMs > idleTimeoutMinutes * 60_000) {
    await inTransaction(db, async (tx) => {
      await tx.delete(session).where(eq(session.id, id));
      await recordAudit(
        tx,
        {
          id: s.userId,
          name: user.username,
          scopeCode: '',
          roles: [],
          permissions: new Set(),
          address: client.address,
        },
        {
          action: 'auth.session-expired',
          entityType: 'session',
          entityId: id.slice(0, 16),
          regionCode: user.scopeCode,
        },
      );
    });
    throw HttpErrors.SESSION_EXPIRED();
  }
  if (user.status !== 'active') throw HttpErrors.UNAUTHENTICATED();
  // Touch at most every 15 s: a write per request would serialise a busy user's requests on one row.
  if (idleMs > 15_000) await db.update(session).set({ lastSeenAt: new Date() }).where(eq(session.id, id));
  return {
    sessionId: id,
    csrfToken: s.csrfToken,
    actor: actorFor(user, roles, permissions, client),
    user,
    roles,
    permissions,
    mustChangePassword: user.mustChangePassword || passwordExpired(user, passwordMaxAgeDays),
    idleTimeoutMinutes,
  };
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await inTransaction(db, async (tx) => {
    await tx.delete(session).where(eq(session.id, sessionId));
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id });
  });
}

/** The user's own change; other sessions of the user end, this one stays. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  sessionId: string,
  current: string,
  next: string,
) {
  const user = await findUser(db, actor.id!);
  if (!user) throw AuthErrors.USER_NOT_FOUND();
  if (!(await verifyPassword(user.passwordHash, current))) {
    await inTransaction(db, (tx) =>
      recordAudit(tx, actor, {
        action: 'auth.password-change',
        entityType: 'user',
        entityId: user.id,
        outcome: 'failure',
      }),
    );
    throw AuthErrors.WRONG_CURRENT_PASSWORD();
  }
  if (current === next) throw AuthErrors.SAME_PASSWORD();
  assertPasswordAllowed(next, user.username, await currentPolicy(db));
  const passwordHash = await hashPassword(next);
  await inTransaction(db, async (tx) => {
    await tx
      .update(userAccount)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${userAccount.version} + 1`,
      })
      .where(eq(userAccount.id, user.id));
    await deleteSessionsOf(tx, user.id, sessionId);
    await recordAudit(tx, actor, {
      action: 'auth.password-change',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
    });
  });
}
