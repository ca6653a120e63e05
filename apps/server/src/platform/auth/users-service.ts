import { and, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { inTransaction } from '../db/sql';
import type { Actor } from '../access/actor';
import { inScope, scopeFilter } from '../access/scope';
import { recordAudit } from '../audit/service';
import { HttpErrors } from '../http/errors';
import { divisionAsOf } from '../regions/repo';
import { today } from '../regions/service';
import { userAccount } from './schema';
import { AuthErrors } from './errors';
import { hashPassword } from './passwords';
import {
  allRoles,
  currentPolicy,
  deleteSessionsOf,
  findUser,
  findUserByUsername,
  replaceRoles,
  rolesOf,
  updateUserVersioned,
} from './repo';
import { assertPasswordAllowed } from './service';
import { toUserView } from './views';

/** User administration by the system administrator, always inside the administrator's own scope. */

/** Roles of the security and audit administrators: the system administrator neither grants nor touches them. */
async function protectedRoles(db: Db): Promise<Set<string>> {
  const known = await allRoles(db);
  return new Set(
    known.filter((k) => k.adminKind === 'security' || k.adminKind === 'audit').map((k) => k.code),
  );
}

async function assertRoles(db: Db, actor: Actor, roles: string[]) {
  const known = await allRoles(db);
  for (const r of roles) if (!known.some((k) => k.code === r)) throw AuthErrors.UNKNOWN_ROLE({ role: r });
  const admin = roles.filter((r) => known.find((k) => k.code === r)?.adminKind);
  // Separation of duties (MLPS level 3): an administrator holds exactly one role.
  if (admin.length > 0 && roles.length > 1) throw AuthErrors.ROLE_MIX();
  const guarded = await protectedRoles(db);
  if (actor.id && roles.some((r) => guarded.has(r))) throw AuthErrors.ADMIN_PROTECTED();
}

/** A system administrator able to reset the security or audit administrator's password could act as them. */
async function assertNotProtected(db: Db, actor: Actor, userId: string) {
  if (!actor.id) return;
  const guarded = await protectedRoles(db);
  const roles = (await rolesOf(db, [userId])).get(userId) ?? [];
  if (roles.some((r) => guarded.has(r))) throw AuthErrors.ADMIN_PROTECTED();
}

async function assertScope(db: Db, actor: Actor, code: string) {
  if (!inScope(actor.scopeCode, code)) throw AuthErrors.OUT_OF_SCOPE({ code });
  const d = await divisionAsOf(db, code, today());
  if (!d || d.code !== code) throw AuthErrors.OUT_OF_SCOPE({ code });
}

async function getInScope(db: Db, actor: Actor, id: string) {
  const u = await findUser(db, id);
  if (!u || !inScope(actor.scopeCode, u.scopeCode)) throw AuthErrors.USER_NOT_FOUND();
  return u;
}

export async function listUsers(
  db: Db,
  actor: Actor,
  q: string | undefined,
  cursor: string | undefined,
  limit: number,
) {
  const where = and(
    scopeFilter(userAccount.scopeCode, actor.scopeCode),
    cursor ? gt(userAccount.username, cursor) : undefined,
    q ? or(ilike(userAccount.username, `%${q}%`), ilike(userAccount.displayName, `%${q}%`)) : undefined,
  );
  const list = await db
    .select()
    .from(userAccount)
    .where(where)
    .orderBy(asc(userAccount.username))
    .limit(limit + 1);
  const pageRows = list.slice(0, limit);
  const roles = await rolesOf(
    db,
    pageRows.map((u) => u.id),
  );
  return {
    items: await Promise.all(pageRows.map((u) => toUserView(db, u, roles.get(u.id) ?? []))),
    nextCursor: list.length > limit ? pageRows[pageRows.length - 1]!.username : null,
  };
}

export async function listLockedUsers(db: Db, actor: Actor) {
  const list = await db
    .select()
    .from(userAccount)
    .where(and(scopeFilter(userAccount.scopeCode, actor.scopeCode), gt(userAccount.lockedUntil, sql`now()`)))
    .orderBy(asc(userAccount.username));
  const roles = await rolesOf(
    db,
    list.map((u) => u.id),
  );
  return Promise.all(list.map((u) => toUserView(db, u, roles.get(u.id) ?? [])));
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  roles: string[];
  scopeCode: string;
  initialPassword: string;
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: CreateUserInput,
  opts: { mustChangePassword?: boolean } = {},
) {
  await assertRoles(db, actor, input.roles);
  await assertScope(db, actor, input.scopeCode);
  if (await findUserByUsername(db, input.username))
    throw AuthErrors.USERNAME_TAKEN({ username: input.username });
  assertPasswordAllowed(input.initialPassword, input.username, await currentPolicy(db));
  const passwordHash = await hashPassword(input.initialPassword);
  return inTransaction(db, async (tx) => {
    const [u] = await tx
      .insert(userAccount)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        scopeCode: input.scopeCode,
        mustChangePassword: opts.mustChangePassword ?? true,
      })
      .returning();
    await replaceRoles(tx, u!.id, input.roles);
    const view = await toUserView(tx, u!, input.roles);
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: u!.id,
      after: view,
      regionCode: u!.scopeCode,
    });
    return view;
  });
}

export interface UpdateUserInput {
  displayName?: string;
  roles?: string[];
  scopeCode?: string;
  status?: 'active' | 'disabled';
  version: number;
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserInput) {
  const before = await getInScope(db, actor, id);
  const changesAccess =
    input.roles !== undefined || input.scopeCode !== undefined || input.status !== undefined;
  if (changesAccess && id === actor.id) throw AuthErrors.SELF_CHANGE();
  await assertNotProtected(db, actor, id);
  if (input.roles) await assertRoles(db, actor, input.roles);
  if (input.scopeCode) await assertScope(db, actor, input.scopeCode);
  return inTransaction(db, async (tx) => {
    const beforeRoles = (await rolesOf(tx, [id])).get(id) ?? [];
    const u = await updateUserVersioned(tx, id, input.version, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.scopeCode !== undefined && { scopeCode: input.scopeCode }),
      ...(input.status !== undefined && { status: input.status }),
    });
    if (!u) throw HttpErrors.STALE_VERSION();
    if (input.roles) await replaceRoles(tx, id, input.roles);
    // Access changed: the user's open sessions end, so the new rights apply from the next login.
    if (changesAccess) await deleteSessionsOf(tx, id);
    const view = await toUserView(tx, u, input.roles ?? beforeRoles);
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: await toUserView(tx, before, beforeRoles),
      after: view,
      regionCode: u.scopeCode,
    });
    return view;
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string, version: number) {
  const before = await getInScope(db, actor, id);
  await assertNotProtected(db, actor, id);
  assertPasswordAllowed(newPassword, before.username, await currentPolicy(db));
  const passwordHash = await hashPassword(newPassword);
  return inTransaction(db, async (tx) => {
    const u = await updateUserVersioned(tx, id, version, {
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: new Date(),
    });
    if (!u) throw HttpErrors.STALE_VERSION();
    await deleteSessionsOf(tx, id);
    await recordAudit(tx, actor, {
      action: 'user.reset-password',
      entityType: 'user',
      entityId: id,
      regionCode: u.scopeCode,
    });
    return toUserView(tx, u, (await rolesOf(tx, [id])).get(id) ?? []);
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string) {
  const before = await getInScope(db, actor, id);
  await inTransaction(db, async (tx) => {
    await tx
      .update(userAccount)
      .set({ lockedUntil: null, failedLogins: 0, updatedAt: new Date() })
      .where(eq(userAccount.id, id));
    await recordAudit(tx, actor, {
      action: 'security.unlock',
      entityType: 'user',
      entityId: id,
      before: { lockedUntil: before.lockedUntil, failedLogins: before.failedLogins },
      regionCode: before.scopeCode,
    });
  });
}
