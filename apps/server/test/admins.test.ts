import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/platform/db/sql';
import { call, login, testServer, type Session } from './app';
import { adminsOf, auditRowsOf, createUserAs, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
let sec: Session;
let auditor: Session;
const db = () => server.database.db;
beforeAll(async () => {
  server = await testServer();
  ({ sys, sec, audit: auditor } = await adminsOf(server.app));
});
afterAll(() => server.close());

const policyBody = {
  minPasswordLength: 10,
  minCharClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  passwordMaxAgeDays: 90,
};
const userBody = (username: string, roles: string[] = ['county_staff'], scopeCode = '610302000000') => ({
  username,
  displayName: username,
  roles,
  scopeCode,
  initialPassword: 'Initial#Pass1',
});

describe('separation of the three administrators', () => {
  const refusals: Array<[string, () => Session, 'GET' | 'POST' | 'PUT', string, unknown, string]> = [
    ['sysadmin', () => sys, 'GET', '/api/v1/security/policy', undefined, 'security.policy'],
    ['sysadmin', () => sys, 'PUT', '/api/v1/security/policy', policyBody, 'security.policy'],
    ['sysadmin', () => sys, 'GET', '/api/v1/security/locked-users', undefined, 'security.unlock'],
    ['sysadmin', () => sys, 'GET', '/api/v1/security/sessions', undefined, 'security.sessions'],
    ['sysadmin', () => sys, 'GET', '/api/v1/audit', undefined, 'audit.read'],
    ['sysadmin', () => sys, 'POST', '/api/v1/audit/verify', undefined, 'audit.read'],
    ['secadmin', () => sec, 'POST', '/api/v1/users', userBody('by.secadmin'), 'user.manage'],
    ['secadmin', () => sec, 'GET', '/api/v1/users', undefined, 'user.read'],
    ['secadmin', () => sec, 'GET', '/api/v1/audit', undefined, 'audit.read'],
    [
      'secadmin',
      () => sec,
      'PUT',
      '/api/v1/calendar/2027-01-01',
      { kind: 'holiday', name: '元旦' },
      'calendar.manage',
    ],
    ['auditadmin', () => auditor, 'POST', '/api/v1/users', userBody('by.auditadmin'), 'user.manage'],
    ['auditadmin', () => auditor, 'PUT', '/api/v1/security/policy', policyBody, 'security.policy'],
    ['auditadmin', () => auditor, 'GET', '/api/v1/security/sessions', undefined, 'security.sessions'],
    [
      'auditadmin',
      () => auditor,
      'POST',
      '/api/v1/regions/changes',
      {
        fromCode: '610322000000',
        toCode: '610306000000',
        newName: 'x',
        effectiveDate: '2030-01-01',
        reason: 'x',
      },
      'region.manage',
    ],
  ];

  it.each(refusals)(
    '%s: %s %s is refused with 403 HTTP_FORBIDDEN and audited',
    async (name, who, method, url, payload, permission) => {
      const before = (await auditRowsOf(db(), 'access.denied')).length;
      const res = await call(server.app, who(), method as 'GET', url, payload);
      const err = expectError(res, 403, 'HTTP_FORBIDDEN');
      expect(err.message).toContain(permission);
      const denied = await auditRowsOf(db(), 'access.denied');
      expect(denied).toHaveLength(before + 1);
      expect(denied.at(-1)).toMatchObject({
        actor_name: name,
        outcome: 'denied',
        entity_type: 'route',
        entity_id: `${method} ${url.replace(/2027-01-01$/, ':date')}`,
        after: { permission },
      });
    },
  );

  it('wrote nothing for the refused changes', async () => {
    const [n] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from user_account where username like 'by.%'`,
    );
    expect(n!.n).toBe(0);
    const [p] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from security_policy`);
    expect(p!.n).toBe(1);
  });

  it('lets each administrator do their own work', async () => {
    expect(
      expectOk(await call(server.app, sys, 'POST', '/api/v1/users', userBody('by.sysadmin'))).username,
    ).toBe('by.sysadmin');
    expect(
      expectOk(await call(server.app, sec, 'PUT', '/api/v1/security/policy', policyBody)).minPasswordLength,
    ).toBe(10);
    const audit = expectOk(
      await call(server.app, auditor, 'GET', '/api/v1/audit?action=access.denied&limit=500'),
    );
    expect(audit.items).toHaveLength(refusals.length);
    expect(new Set(audit.items.map((r: { actorName: string }) => r.actorName))).toEqual(
      new Set(['sysadmin', 'secadmin', 'auditadmin']),
    );
  });

  it('refuses business staff the administrators\u2019 routes', async () => {
    const county = await login(server.app, 'county');
    expectError(await call(server.app, county, 'GET', '/api/v1/users'), 403, 'HTTP_FORBIDDEN');
    expectError(await call(server.app, county, 'GET', '/api/v1/audit'), 403, 'HTTP_FORBIDDEN');
    expectError(await call(server.app, county, 'GET', '/api/v1/security/policy'), 403, 'HTTP_FORBIDDEN');
  });
});

describe('administrator roles stand alone', () => {
  it.each([[['auditadmin', 'county_staff']], [['sysadmin', 'secadmin']], [['county_staff', 'secadmin']]])(
    'refuses to create a user with roles %j (AUTH_ROLE_MIX)',
    async (roles) => {
      const res = await call(
        server.app,
        sys,
        'POST',
        '/api/v1/users',
        userBody('mixed.roles', roles, '610300000000'),
      );
      expectError(res, 400, 'AUTH_ROLE_MIX');
    },
  );

  it('refuses to add a business role to an administrator, and an administrator role to staff', async () => {
    const staff = await createUserAs(server.app, sys, {
      username: 'staff.one',
      roles: ['city_staff'],
      scopeCode: '610300000000',
    });
    const res = await call(server.app, sys, 'PATCH', `/api/v1/users/${staff.id}`, {
      roles: ['city_staff', 'auditadmin'],
      version: staff.version,
    });
    expectError(res, 400, 'AUTH_ROLE_MIX');
    const [roles] = await rows<{ roles: string[] }>(
      db(),
      sql`select array_agg(role_code order by role_code) as roles from user_role where user_id = ${staff.id}`,
    );
    expect(roles!.roles).toEqual(['city_staff']);
    // Several business roles together are fine.
    const ok = expectOk(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${staff.id}`, {
        roles: ['city_staff', 'county_staff'],
        version: staff.version,
      }),
    );
    expect(ok.roles).toEqual(['city_staff', 'county_staff']);
  });

  it('refuses an unknown role naming it', async () => {
    const err = expectError(
      await call(server.app, sys, 'POST', '/api/v1/users', userBody('ghost.role', ['superuser']), 'en-US'),
      400,
      'AUTH_UNKNOWN_ROLE',
    );
    expect(err.message).toBe('Unknown role superuser');
  });
});

describe('the system administrator cannot change his own access', () => {
  it('refuses his own roles, scope and status with AUTH_SELF_CHANGE', async () => {
    const me = expectOk(await call(server.app, sys, 'GET', '/api/v1/auth/me')).user;
    const list = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?q=sysadmin'));
    const self = list.items.find((u: { id: string }) => u.id === me.id);
    for (const change of [{ roles: ['city_staff'] }, { scopeCode: '610302000000' }, { status: 'disabled' }]) {
      const res = await call(server.app, sys, 'PATCH', `/api/v1/users/${me.id}`, {
        ...change,
        version: self.version,
      });
      expectError(res, 403, 'AUTH_SELF_CHANGE');
    }
    // His display name is his own business.
    const renamed = expectOk(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${me.id}`, {
        displayName: '系统管理员（值班）',
        version: self.version,
      }),
    );
    expect(renamed).toMatchObject({
      displayName: '系统管理员（值班）',
      roles: ['sysadmin'],
      status: 'active',
      version: self.version + 1,
    });
  });
});

describe('optimistic versions', () => {
  it('answers a stale PATCH with 409 HTTP_STALE_VERSION and keeps the first change', async () => {
    const u = await createUserAs(server.app, sys, {
      username: 'versioned',
      roles: ['county_staff'],
      scopeCode: '610302000000',
    });
    expect(u.version).toBe(1);
    const first = expectOk(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${u.id}`, { displayName: '第一次', version: 1 }),
    );
    expect(first.version).toBe(2);
    const stale = await call(server.app, sys, 'PATCH', `/api/v1/users/${u.id}`, {
      displayName: '第二次',
      version: 1,
    });
    expect(expectError(stale, 409, 'HTTP_STALE_VERSION').message).toBe('记录已被他人修改，请刷新后重试');
    const [row] = await rows<{ display_name: string; version: number }>(
      db(),
      sql`select display_name, version from user_account where id = ${u.id}`,
    );
    expect(row).toEqual({ display_name: '第一次', version: 2 });
    // A stale role change does not half-apply either.
    expectError(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${u.id}`, {
        roles: ['township_staff'],
        version: 1,
      }),
      409,
      'HTTP_STALE_VERSION',
    );
    const [r] = await rows<{ role_code: string }>(
      db(),
      sql`select role_code from user_role where user_id = ${u.id}`,
    );
    expect(r!.role_code).toBe('county_staff');
    // A stale password reset too.
    expectError(
      await call(server.app, sys, 'POST', `/api/v1/users/${u.id}/password`, {
        newPassword: 'Reset#Pass123',
        version: 1,
      }),
      409,
      'HTTP_STALE_VERSION',
    );
  });

  it('ends the sessions of a user whose access changed', async () => {
    const u = await createUserAs(server.app, sys, {
      username: 'moved.user',
      roles: ['county_staff'],
      scopeCode: '610302000000',
      initialPassword: 'Initial#Pass1',
    });
    const s = await login(server.app, 'moved.user', 'Initial#Pass1');
    expectOk(await call(server.app, s, 'GET', '/api/v1/auth/me'));
    expectOk(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${u.id}`, {
        scopeCode: '610303000000',
        version: u.version,
      }),
    );
    expectError(await call(server.app, s, 'GET', '/api/v1/auth/me'), 401, 'HTTP_UNAUTHENTICATED');
  });
});
