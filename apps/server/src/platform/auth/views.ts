import type { SessionUser, UserView } from '@minzheng/contracts';
import type { Db } from '../db/client';
import { levelOf } from '../access/scope';
import { nameOf } from '../regions/service';
import type { UserRow } from './repo';

export async function toUserView(db: Db, u: UserRow, roles: string[]): Promise<UserView> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles,
    scopeCode: u.scopeCode,
    scopeName: await nameOf(db, u.scopeCode),
    status: u.status as UserView['status'],
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function toSessionUser(
  db: Db,
  u: UserRow,
  roles: string[],
  permissions: string[],
  mustChangePassword: boolean,
): Promise<SessionUser> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles,
    permissions,
    scopeCode: u.scopeCode,
    scopeName: await nameOf(db, u.scopeCode),
    scopeLevel: levelOf(u.scopeCode),
    mustChangePassword,
  };
}
