import type { Db } from '../db/client';
import { SYSTEM_ACTOR } from '../access/actor';
import { generatePassword } from '../auth/tokens';
import { findUserByUsername } from '../auth/repo';
import { createUser } from '../auth/users-service';

const CITY = '610300000000';
const SYSTEM = { ...SYSTEM_ACTOR, scopeCode: CITY };

export interface CreatedAccount {
  username: string;
  password: string;
  role: string;
  scopeName: string;
  forcedChange: boolean;
}

/**
 * First run: the three separated administrators (MLPS level 3). Their password comes from
 * MINZHENG_ADMIN_PASSWORD or is generated; it is shown once and must be changed at the first login.
 */
export async function ensureAdministrators(db: Db, adminPassword: string | null): Promise<CreatedAccount[]> {
  const admins = [
    { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin' },
    { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
    { username: 'auditadmin', displayName: '审计管理员', role: 'auditadmin' },
  ];
  const created: CreatedAccount[] = [];
  for (const a of admins) {
    if (await findUserByUsername(db, a.username)) continue;
    const password = adminPassword ?? generatePassword();
    await createUser(
      db,
      SYSTEM,
      { ...a, roles: [a.role], scopeCode: CITY, initialPassword: password },
      { mustChangePassword: true },
    );
    created.push({ username: a.username, password, role: a.role, scopeName: '宝鸡市', forcedChange: true });
  }
  return created;
}

/** Demo accounts, one per level, on the embedded database only; their passwords are printed at every start. */
export const DEMO_ACCOUNTS = [
  {
    username: 'city',
    displayName: '市局 王科长',
    roles: ['city_staff'],
    scopeCode: CITY,
    scopeName: '宝鸡市',
  },
  {
    username: 'county',
    displayName: '渭滨区民政局 李干事',
    roles: ['county_staff'],
    scopeCode: '610302000000',
    scopeName: '渭滨区',
  },
  {
    username: 'township',
    displayName: '金陵街道 张干事',
    roles: ['township_staff'],
    scopeCode: '610302001000',
    scopeName: '渭滨区金陵街道',
  },
  {
    username: 'village',
    displayName: '社区工作者 赵敏',
    roles: ['village_worker'],
    scopeCode: '610302001001',
    scopeName: '金陵街道新建路东段社区',
  },
] as const;
export const DEMO_PASSWORD = 'Demo@2026';

export async function ensureDemoAccounts(db: Db) {
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByUsername(db, a.username)) continue;
    await createUser(
      db,
      SYSTEM,
      {
        username: a.username,
        displayName: a.displayName,
        roles: [...a.roles],
        scopeCode: a.scopeCode,
        initialPassword: DEMO_PASSWORD,
      },
      { mustChangePassword: false },
    );
  }
}
