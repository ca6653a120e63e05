import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/platform/db/sql';
import { businessToday } from '../src/platform/calendar/today';
import { sealAudit } from '../src/platform/audit/sealer';
import { call, login, testServer, DEMO_PASSWORD, type Session } from './app';
import { adminsOf, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
const db = () => server.database.db;
beforeAll(async () => {
  server = await testServer();
  ({ sys } = await adminsOf(server.app));
});
afterAll(() => server.close());

async function userId(username: string): Promise<{ id: string; version: number }> {
  const [u] = await rows<{ id: string; version: number }>(
    db(),
    sql`select id, version from user_account where username = ${username}`,
  );
  return u!;
}

describe('the system administrator cannot take over the other two administrators', () => {
  it('refuses resetting, disabling or re-roling the security and audit administrators', async () => {
    for (const name of ['secadmin', 'auditadmin']) {
      const u = await userId(name);
      expectError(
        await call(server.app, sys, 'POST', `/api/v1/users/${u.id}/password`, {
          newPassword: 'Taken#Over2026',
          version: u.version,
        }),
        403,
        'AUTH_ADMIN_PROTECTED',
      );
      expectError(
        await call(server.app, sys, 'PATCH', `/api/v1/users/${u.id}`, {
          status: 'disabled',
          version: u.version,
        }),
        403,
        'AUTH_ADMIN_PROTECTED',
      );
    }
  });

  it('refuses granting the security or audit administrator role', async () => {
    const body = (username: string, role: string) => ({
      username,
      displayName: username,
      roles: [role],
      scopeCode: '610300000000',
      initialPassword: 'Initial#Pass1',
    });
    expectError(
      await call(server.app, sys, 'POST', '/api/v1/users', body('sec2', 'secadmin')),
      403,
      'AUTH_ADMIN_PROTECTED',
    );
    expectError(
      await call(server.app, sys, 'POST', '/api/v1/users', body('aud2', 'auditadmin')),
      403,
      'AUTH_ADMIN_PROTECTED',
    );
    const county = await userId('county');
    expectError(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${county.id}`, {
        roles: ['auditadmin'],
        version: county.version,
      }),
      403,
      'AUTH_ADMIN_PROTECTED',
    );
  });
});

describe('lockout', () => {
  it('starts a new count once a lock has run out', async () => {
    for (let i = 0; i < 5; i++)
      await call(server.app, null, 'POST', '/api/v1/auth/login', {
        username: 'township',
        password: 'Wrong#1x',
      });
    expectError(
      await call(server.app, null, 'POST', '/api/v1/auth/login', {
        username: 'township',
        password: DEMO_PASSWORD,
      }),
      423,
      'AUTH_LOCKED',
    );
    await db().execute(
      sql`update user_account set locked_until = now() - interval '1 minute' where username = 'township'`,
    );
    // One mistake after the lock ran out is one failure, not a new lock.
    expectError(
      await call(server.app, null, 'POST', '/api/v1/auth/login', {
        username: 'township',
        password: 'Wrong#1x',
      }),
      401,
      'AUTH_INVALID_CREDENTIALS',
    );
    const s = await login(server.app, 'township');
    expect(s.user.scopeCode).toBe('610302001000');
  });
});

describe('history tables are append-only', () => {
  it('refuses changing workflow transitions and audit checkpoints', async () => {
    expect(await sealAudit(db())).toBeGreaterThan(0);
    await expect(db().execute(sql`update audit_checkpoint set hash = 'x'`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_checkpoint`)).rejects.toThrow();
    await expect(db().execute(sql`update workflow_transition set action = 'x'`)).resolves.toBeDefined(); // no rows yet
    await expect(db().execute(sql`truncate workflow_transition cascade`)).rejects.toThrow();
  });
});

describe('business dates', () => {
  it('uses the bureau time zone: 01:00 in Beijing is already the new day', () => {
    expect(businessToday(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(businessToday(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });
});

describe('roles are readable by every logged-in user', () => {
  it('lets a village worker read role names', async () => {
    const v = await login(server.app, 'village');
    const roles = expectOk<{ code: string; nameZh: string }[]>(
      await call(server.app, v, 'GET', '/api/v1/roles'),
    );
    expect(roles.find((r) => r.code === 'village_worker')?.nameZh).toBe('村（社区）工作人员');
  });
});
