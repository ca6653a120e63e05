import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rows } from '../db/sql';
import { role, rolePermission, securityPolicy, session, userAccount, userRole } from './schema';

export type UserRow = typeof userAccount.$inferSelect;
export type PolicyRow = typeof securityPolicy.$inferSelect;

export const DEFAULT_POLICY = {
  minPasswordLength: 8,
  minCharClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  passwordMaxAgeDays: 90,
};

export async function currentPolicy(db: Db): Promise<PolicyRow> {
  const [row] = await db
    .select()
    .from(securityPolicy)
    .where(lte(securityPolicy.validFrom, sql`now()`))
    .orderBy(desc(securityPolicy.validFrom), desc(securityPolicy.id))
    .limit(1);
  if (row) return row;
  return {
    id: 0,
    validFrom: new Date(0),
    createdBy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...DEFAULT_POLICY,
  };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(userAccount).where(eq(userAccount.username, username));
  return u;
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(userAccount).where(eq(userAccount.id, id));
  return u;
}

export async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const list = await db
    .select({ userId: userRole.userId, roleCode: userRole.roleCode })
    .from(userRole)
    .where(inArray(userRole.userId, userIds))
    .orderBy(userRole.roleCode);
  for (const r of list) out.set(r.userId, [...(out.get(r.userId) ?? []), r.roleCode]);
  return out;
}

export async function permissionsOf(db: Db, roleCodes: string[]): Promise<string[]> {
  if (roleCodes.length === 0) return [];
  const list = await db
    .selectDistinct({ p: rolePermission.permission })
    .from(rolePermission)
    .where(inArray(rolePermission.roleCode, roleCodes));
  return list.map((r) => r.p).sort();
}

export async function allRoles(db: Db) {
  const list = await db.select().from(role).orderBy(role.code);
  const perms = await db.select().from(rolePermission);
  return list.map((r) => ({
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    adminKind: r.adminKind as 'system' | 'security' | 'audit' | null,
    permissions: perms
      .filter((p) => p.roleCode === r.code)
      .map((p) => p.permission)
      .sort(),
  }));
}

export async function replaceRoles(tx: Db, userId: string, roles: string[]) {
  await tx.delete(userRole).where(eq(userRole.userId, userId));
  if (roles.length > 0) await tx.insert(userRole).values(roles.map((roleCode) => ({ userId, roleCode })));
}

/** A session with its user, roles, permissions and the policy in force, in one query. */
export async function sessionPrincipal(db: Db, id: string) {
  const policy = (column: string) =>
    sql.raw(
      `(select ${column} from security_policy where valid_from <= now() order by valid_from desc, id desc limit 1)`,
    );
  const [row] = await db
    .select({
      session,
      user: userAccount,
      roles: sql<string[]>`coalesce((select array_agg(ur.role_code order by ur.role_code) from user_role ur
        where ur.user_id = ${userAccount.id}), '{}')`,
      permissions: sql<string[]>`coalesce((select array_agg(distinct rp.permission order by rp.permission)
        from user_role ur join role_permission rp on rp.role_code = ur.role_code where ur.user_id = ${userAccount.id}), '{}')`,
      idleTimeoutMinutes: sql<number>`coalesce(${policy('idle_timeout_minutes')}, ${DEFAULT_POLICY.idleTimeoutMinutes})`,
      passwordMaxAgeDays: sql<number>`coalesce(${policy('password_max_age_days')}, ${DEFAULT_POLICY.passwordMaxAgeDays})`,
    })
    .from(session)
    .innerJoin(userAccount, eq(userAccount.id, session.userId))
    .where(eq(session.id, id));
  return row;
}

export async function deleteSessionsOf(tx: Db, userId: string, exceptId?: string) {
  await tx
    .delete(session)
    .where(
      exceptId
        ? and(eq(session.userId, userId), sql`${session.id} <> ${exceptId}`)
        : eq(session.userId, userId),
    );
}

/** Optimistic update: returns undefined when the row's version moved on. */
export async function updateUserVersioned(tx: Db, id: string, expected: number, set: Partial<UserRow>) {
  const [u] = await tx
    .update(userAccount)
    .set({ ...set, version: sql`${userAccount.version} + 1`, updatedAt: new Date() })
    .where(and(eq(userAccount.id, id), eq(userAccount.version, expected)))
    .returning();
  return u;
}

export async function countUsers(db: Db): Promise<number> {
  const r = await rows<{ n: number }>(db, sql`select count(*)::int as n from user_account`);
  return r[0]?.n ?? 0;
}
