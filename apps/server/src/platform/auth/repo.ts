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

/** A session with its user, roles, permissions and the policy in force, in one query (every request runs it). */
export async function sessionPrincipal(db: Db, id: string) {
  const [r] = await rows<{
    s_id: string;
    s_user_id: string;
    s_csrf_token: string;
    s_last_seen_at: string;
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    scope_code: string;
    status: string;
    must_change_password: boolean;
    password_changed_at: string;
    failed_logins: number;
    locked_until: string | null;
    last_login_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    roles: string[];
    permissions: string[];
    idle_timeout_minutes: number | null;
    password_max_age_days: number | null;
  }>(
    db,
    // Raw rows carry timestamps as the drivers' text; to_json gives ISO 8601 that Date reads on both drivers.
    sql`select s.id as s_id, s.user_id as s_user_id, s.csrf_token as s_csrf_token,
          to_json(s.last_seen_at) #>> '{}' as s_last_seen_at,
          u.id, u.username, u.display_name, u.password_hash, u.scope_code, u.status, u.must_change_password,
          to_json(u.password_changed_at) #>> '{}' as password_changed_at, u.failed_logins,
          to_json(u.locked_until) #>> '{}' as locked_until, to_json(u.last_login_at) #>> '{}' as last_login_at,
          u.version, to_json(u.created_at) #>> '{}' as created_at, to_json(u.updated_at) #>> '{}' as updated_at,
          coalesce((select array_agg(ur.role_code order by ur.role_code) from user_role ur where ur.user_id = u.id),
            '{}') as roles,
          coalesce((select array_agg(distinct rp.permission order by rp.permission)
            from user_role ur join role_permission rp on rp.role_code = ur.role_code where ur.user_id = u.id), '{}')
            as permissions,
          p.idle_timeout_minutes, p.password_max_age_days
        from session s
        join user_account u on u.id = s.user_id
        left join lateral (select idle_timeout_minutes, password_max_age_days from security_policy
          where valid_from <= now() order by valid_from desc, id desc limit 1) p on true
        where s.id = ${id}`,
  );
  if (!r) return undefined;
  const user: UserRow = {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    scopeCode: r.scope_code,
    status: r.status,
    mustChangePassword: r.must_change_password,
    passwordChangedAt: new Date(r.password_changed_at),
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
    lastLoginAt: r.last_login_at === null ? null : new Date(r.last_login_at),
    version: r.version,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
  return {
    session: {
      id: r.s_id,
      userId: r.s_user_id,
      csrfToken: r.s_csrf_token,
      lastSeenAt: new Date(r.s_last_seen_at),
    },
    user,
    roles: r.roles,
    permissions: r.permissions,
    idleTimeoutMinutes: r.idle_timeout_minutes ?? DEFAULT_POLICY.idleTimeoutMinutes,
    passwordMaxAgeDays: r.password_max_age_days ?? DEFAULT_POLICY.passwordMaxAgeDays,
  };
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
