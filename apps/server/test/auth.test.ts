import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/platform/db/sql';
import { ADMIN_PASSWORD, call, DEMO_PASSWORD, login, testServer, type Session } from './app';
import { auditRowsOf, expectError, expectOk, HAN } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
const db = () => server.database.db;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

const tryLogin = (username: string, password: string, lang?: string) =>
  server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers: lang ? { 'accept-language': lang } : {},
  });

async function userId(username: string): Promise<string> {
  const [u] = await rows<{ id: string }>(
    db(),
    sql`select id::text as id from user_account where username = ${username}`,
  );
  return u!.id;
}

/** Makes every session of the user look idle for `minutes`, as if nobody had used it since. */
async function idleFor(username: string, minutes: number) {
  await db().execute(
    sql`update session set last_seen_at = now() - make_interval(mins => ${minutes})
        where user_id = (select id from user_account where username = ${username})`,
  );
}

// The first-run administrators log in once here with the shipped password; the forced change is tested on them.
let sec: Session;

describe('forced first password change', () => {
  let sys: Session;
  it('logs a first-run administrator in with mustChangePassword', async () => {
    const res = await tryLogin('sysadmin', ADMIN_PASSWORD);
    sys = expectOk(res);
    expect(expectOk(res).user.roles).toEqual(['sysadmin']);
    expect(expectOk(res).mustChangePassword).toBe(true);
  });

  it('refuses business routes with HTTP_PASSWORD_CHANGE_REQUIRED but answers /auth/me', async () => {
    const users = await call(server.app, sys, 'GET', '/api/v1/users');
    expect(expectError(users, 403, 'HTTP_PASSWORD_CHANGE_REQUIRED').message).toMatch(HAN);
    expectError(
      await call(server.app, sys, 'GET', '/api/v1/regions/610300000000'),
      403,
      'HTTP_PASSWORD_CHANGE_REQUIRED',
    );
    const me = expectOk(await call(server.app, sys, 'GET', '/api/v1/auth/me'));
    expect(me.user.username).toBe('sysadmin');
    expect(me.user.mustChangePassword).toBe(true);
  });

  it('refuses weak new passwords naming the rule', async () => {
    const change = (newPassword: string, lang?: string) =>
      call(
        server.app,
        sys,
        'POST',
        '/api/v1/auth/password',
        { currentPassword: ADMIN_PASSWORD, newPassword },
        lang,
      );
    const short = expectError(await change('Ab#1xyz'), 400, 'AUTH_WEAK_PASSWORD_TOO_SHORT');
    expect(short.message).toContain('8');
    expect(short.message).toMatch(HAN);
    const shortEn = expectError(await change('Ab#1xyz', 'en-US'), 400, 'AUTH_WEAK_PASSWORD_TOO_SHORT');
    expect(shortEn.message).toBe('The password needs at least 8 characters');
    // Lower case and digits only: two classes of the three required.
    const classes = expectError(
      await change('abcdefgh1234', 'en-US'),
      400,
      'AUTH_WEAK_PASSWORD_TOO_FEW_CLASSES',
    );
    expect(classes.message).toContain('at least 3 of');
    expectError(await change('Xx-sysadmin-1'), 400, 'AUTH_WEAK_PASSWORD_CONTAINS_USERNAME');
    expectError(await change(ADMIN_PASSWORD), 400, 'AUTH_SAME_PASSWORD');
    const wrong = await call(server.app, sys, 'POST', '/api/v1/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'Strong#Pass99',
    });
    expectError(wrong, 400, 'AUTH_WRONG_CURRENT_PASSWORD');
    // Nothing was changed by the refused attempts: the route is still closed.
    expectError(await call(server.app, sys, 'GET', '/api/v1/users'), 403, 'HTTP_PASSWORD_CHANGE_REQUIRED');
  });

  it('opens the business routes after the change, on the same session', async () => {
    expectOk(
      await call(server.app, sys, 'POST', '/api/v1/auth/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'Strong#Pass99',
      }),
    );
    const users = expectOk(await call(server.app, sys, 'GET', '/api/v1/users'));
    expect(users.items.length).toBeGreaterThan(0);
    expect(expectOk(await call(server.app, sys, 'GET', '/api/v1/auth/me')).user.mustChangePassword).toBe(
      false,
    );
    // The old password is gone; the new one logs in without a forced change.
    expectError(await tryLogin('sysadmin', ADMIN_PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
    const again = expectOk(await tryLogin('sysadmin', 'Strong#Pass99'));
    expect(again.mustChangePassword).toBe(false);
  });

  it('ends the other sessions of the user when the password changes', async () => {
    const first = await login(server.app, 'secadmin', ADMIN_PASSWORD);
    const second = await login(server.app, 'secadmin', ADMIN_PASSWORD);
    expectOk(
      await call(server.app, second, 'POST', '/api/v1/auth/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'Secure#Pass77',
      }),
    );
    expectError(await call(server.app, first, 'GET', '/api/v1/auth/me'), 401, 'HTTP_UNAUTHENTICATED');
    expectOk(await call(server.app, second, 'GET', '/api/v1/security/policy'));
    sec = second;
  });
});

describe('login failures and lockout', () => {
  it('answers a wrong password with 401 AUTH_INVALID_CREDENTIALS in Chinese, or English when asked', async () => {
    const zh = expectError(await tryLogin('county', 'wrong-password'), 401, 'AUTH_INVALID_CREDENTIALS');
    expect(zh.message).toBe('用户名或密码错误');
    const en = expectError(
      await tryLogin('county', 'wrong-password', 'en-US'),
      401,
      'AUTH_INVALID_CREDENTIALS',
    );
    expect(en.message).toBe('Wrong username or password');
    // An unknown username gets exactly the same answer: usernames cannot be probed.
    const unknown = expectError(
      await tryLogin('no-such-user', 'wrong-password'),
      401,
      'AUTH_INVALID_CREDENTIALS',
    );
    expect(unknown.message).toBe(zh.message);
  });

  it('counts only failures in a row: a successful login resets the count', async () => {
    for (let i = 0; i < 4; i++) expectError(await tryLogin('city', 'bad'), 401, 'AUTH_INVALID_CREDENTIALS');
    await login(server.app, 'city');
    for (let i = 0; i < 4; i++) expectError(await tryLogin('city', 'bad'), 401, 'AUTH_INVALID_CREDENTIALS');
    await login(server.app, 'city');
  });

  it('locks the account at the fifth failure in a row, refusing even the right password', async () => {
    for (let i = 0; i < 4; i++)
      expectError(await tryLogin('village', 'bad'), 401, 'AUTH_INVALID_CREDENTIALS');
    const fifth = expectError(await tryLogin('village', 'bad'), 423, 'AUTH_LOCKED');
    expect(fifth.message).toContain('15');
    expectError(await tryLogin('village', DEMO_PASSWORD), 423, 'AUTH_LOCKED');
    const en = expectError(await tryLogin('village', DEMO_PASSWORD, 'en-US'), 423, 'AUTH_LOCKED');
    expect(en.message).toMatch(/locked/);
    const locked = expectOk(await call(server.app, sec, 'GET', '/api/v1/security/locked-users'));
    expect(locked.map((u: { username: string }) => u.username)).toEqual(['village']);
  });

  it("lets the account in again after the security administrator's unlock", async () => {
    const id = await userId('village');
    expectOk(await call(server.app, sec, 'POST', `/api/v1/security/users/${id}/unlock`));
    const s = await login(server.app, 'village');
    expect(s.user.scopeCode).toBe('610302001001');
    expect(expectOk(await call(server.app, sec, 'GET', '/api/v1/security/locked-users'))).toEqual([]);
    const [unlock] = await auditRowsOf(db(), 'security.unlock');
    expect(unlock).toMatchObject({ actor_name: 'secadmin', entity_id: id, outcome: 'success' });
    expect(unlock!.before).toMatchObject({ failedLogins: 5 });
  });

  it('records every failed login in the audit log with outcome failure', async () => {
    const logins = await auditRowsOf(db(), 'auth.login');
    const villageId = await userId('village');
    const villageFailures = logins.filter((r) => r.entity_id === villageId && r.outcome === 'failure');
    expect(villageFailures).toHaveLength(5);
    expect(villageFailures.at(-1)!.after).toEqual({ reason: 'wrong-password', lockedNow: true });
    // The two right-password attempts while locked are recorded as denied.
    expect(logins.filter((r) => r.entity_id === villageId && r.outcome === 'denied')).toHaveLength(2);
    const unknown = logins.filter((r) => r.actor_name === 'no-such-user');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      outcome: 'failure',
      actor_id: null,
      after: { reason: 'unknown-user', lockedNow: false },
    });
  });
});

describe('idle sessions', () => {
  it('refuses a session idle longer than 30 minutes with 401 HTTP_SESSION_EXPIRED, and ends it', async () => {
    const s = await login(server.app, 'county');
    expectOk(await call(server.app, s, 'GET', '/api/v1/auth/me'));
    await idleFor('county', 31);
    const res = expectError(await call(server.app, s, 'GET', '/api/v1/auth/me'), 401, 'HTTP_SESSION_EXPIRED');
    expect(res.message).toMatch(HAN);
    // The session is gone: the next request is simply unauthenticated.
    expectError(await call(server.app, s, 'GET', '/api/v1/auth/me'), 401, 'HTTP_UNAUTHENTICATED');
    const expired = await auditRowsOf(db(), 'auth.session-expired');
    expect(expired.map((r) => r.actor_id)).toContain(await userId('county'));
  });

  it('keeps a session idle for less than the policy, and a request refreshes it', async () => {
    const s = await login(server.app, 'county');
    await idleFor('county', 29);
    expectOk(await call(server.app, s, 'GET', '/api/v1/regions/610302000000'));
    const [row] = await rows<{ idle: number }>(
      db(),
      sql`select extract(epoch from now() - max(last_seen_at))::int as idle from session
          where user_id = (select id from user_account where username = 'county')`,
    );
    expect(row!.idle).toBeLessThan(60);
  });

  it("applies the security administrator's shorter idle timeout", async () => {
    const policy = expectOk(await call(server.app, sec, 'GET', '/api/v1/security/policy'));
    expect(policy.idleTimeoutMinutes).toBe(30);
    const { validFrom: _validFrom, ...rest } = policy;
    const updated = expectOk(
      await call(server.app, sec, 'PUT', '/api/v1/security/policy', { ...rest, idleTimeoutMinutes: 10 }),
    );
    expect(updated.idleTimeoutMinutes).toBe(10);

    const s = await login(server.app, 'township');
    expect(s.user.scopeCode).toBe('610302001000');
    expect((s as Session & { idleTimeoutMinutes: number }).idleTimeoutMinutes).toBe(10);
    await idleFor('township', 9);
    expectOk(await call(server.app, s, 'GET', '/api/v1/auth/me'));
    await idleFor('township', 11);
    expectError(await call(server.app, s, 'GET', '/api/v1/auth/me'), 401, 'HTTP_SESSION_EXPIRED');

    const [change] = await auditRowsOf(db(), 'security.policy');
    expect(change).toMatchObject({
      actor_name: 'secadmin',
      before: { idleTimeoutMinutes: 30 },
      after: { idleTimeoutMinutes: 10 },
    });
  });

  it('refuses a policy below the floor of the rules', async () => {
    const policy = expectOk(await call(server.app, sec, 'GET', '/api/v1/security/policy'));
    const { validFrom: _validFrom, ...rest } = policy;
    const res = await call(
      server.app,
      sec,
      'PUT',
      '/api/v1/security/policy',
      { ...rest, idleTimeoutMinutes: 1 },
      'en-US',
    );
    const err = expectError(res, 400, 'HTTP_VALIDATION');
    expect(err.details).toEqual([{ field: 'idleTimeoutMinutes', message: 'value must be at least 5' }]);
  });
});

describe('cookie sessions and CSRF', () => {
  let token: string;
  let csrf: string;
  it('sets an httpOnly SameSite=Strict cookie at login', async () => {
    const res = await tryLogin('sysadmin', 'Strong#Pass99');
    const body = expectOk(res);
    const cookie = res.cookies.find((c) => c.name === 'mz_session');
    expect(cookie).toBeDefined();
    expect(cookie!.value).toBe(body.token);
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('strict');
    expect(cookie!.path).toBe('/');
    token = cookie!.value;
    csrf = body.csrfToken;
  });

  const newUser = (username: string) => ({
    username,
    displayName: username,
    roles: ['county_staff'],
    scopeCode: '610302000000',
    initialPassword: 'Initial#Pass1',
  });
  const withCookie = (headers: Record<string, string>, payload: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      cookies: { mz_session: token },
      headers,
      payload: payload as never,
    });

  it('reads with the cookie alone', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      cookies: { mz_session: token },
    });
    expectOk(res);
  });

  it('refuses a change sent with the cookie but no or a wrong x-csrf-token, writing nothing', async () => {
    expectError(await withCookie({}, newUser('csrf.one')), 403, 'HTTP_CSRF');
    expectError(
      await withCookie(
        { 'x-csrf-token': csrf.slice(0, -1) + (csrf.endsWith('A') ? 'B' : 'A') },
        newUser('csrf.one'),
      ),
      403,
      'HTTP_CSRF',
    );
    expectError(await withCookie({ 'x-csrf-token': '' }, newUser('csrf.one')), 403, 'HTTP_CSRF');
    const [n] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from user_account where username = 'csrf.one'`,
    );
    expect(n!.n).toBe(0);
  });

  it('accepts the change with the right x-csrf-token', async () => {
    const created = expectOk(await withCookie({ 'x-csrf-token': csrf }, newUser('csrf.one')));
    expect(created.username).toBe('csrf.one');
  });

  it("refuses another session's CSRF token", async () => {
    const other = expectOk(await tryLogin('sysadmin', 'Strong#Pass99'));
    expect(other.csrfToken).not.toBe(csrf);
    expectError(await withCookie({ 'x-csrf-token': other.csrfToken }, newUser('csrf.two')), 403, 'HTTP_CSRF');
  });

  it('needs no CSRF token for bearer requests', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${token}` },
      payload: newUser('csrf.three'),
    });
    expect(expectOk(res).username).toBe('csrf.three');
  });

  it('logs out with the cookie and the token, clearing the cookie and ending the session', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { mz_session: token },
      headers: { 'x-csrf-token': csrf },
    });
    expectOk(res);
    const cleared = res.cookies.find((c) => c.name === 'mz_session');
    expect(cleared?.value ?? '').toBe('');
    const after = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { mz_session: token },
    });
    expectError(after, 401, 'HTTP_UNAUTHENTICATED');
  });
});

describe('account states', () => {
  it('lets a locked account in again once the lockout time has passed', async () => {
    for (let i = 0; i < 5; i++) await tryLogin('township', 'bad');
    expectError(await tryLogin('township', DEMO_PASSWORD), 423, 'AUTH_LOCKED');
    await db().execute(
      sql`update user_account set locked_until = now() - interval '1 second' where username = 'township'`,
    );
    const s = await login(server.app, 'township');
    expect(s.user.scopeCode).toBe('610302001000');
    const [u] = await rows<{ failed_logins: number }>(
      db(),
      sql`select failed_logins from user_account where username = 'township'`,
    );
    expect(u!.failed_logins).toBe(0);
  });

  it('forces a change of a password older than the policy allows', async () => {
    await db().execute(
      sql`update user_account set password_changed_at = now() - interval '91 days' where username = 'city'`,
    );
    const s = await login(server.app, 'city');
    expect((s as Session & { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    expectError(
      await call(server.app, s, 'GET', '/api/v1/regions/610300000000'),
      403,
      'HTTP_PASSWORD_CHANGE_REQUIRED',
    );
    expectOk(
      await call(server.app, s, 'POST', '/api/v1/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'Renewed#2026',
      }),
    );
    expectOk(await call(server.app, s, 'GET', '/api/v1/regions/610300000000'));
  });

  it('tells the holder of the right password that the account is disabled, without counting a failure', async () => {
    await db().execute(sql`update user_account set status = 'disabled' where username = 'village'`);
    expectError(await tryLogin('village', 'Wrong#Pass1'), 401, 'AUTH_INVALID_CREDENTIALS');
    const err = expectError(await tryLogin('village', DEMO_PASSWORD), 403, 'AUTH_DISABLED');
    expect(err.message).toBe('账号已停用');
    const [row] = await rows<{ failed_logins: number }>(
      db(),
      sql`select failed_logins from user_account where username = 'village'`,
    );
    expect(row!.failed_logins).toBe(1);
    await db().execute(
      sql`update user_account set status = 'active', failed_logins = 0 where username = 'village'`,
    );
  });

  it('ends a session revoked by the security administrator', async () => {
    const victim = await login(server.app, 'county');
    const sessions = expectOk(await call(server.app, sec, 'GET', '/api/v1/security/sessions'));
    const mine = sessions.filter((x: { username: string }) => x.username === 'county');
    expect(mine.length).toBeGreaterThan(0);
    // Sessions are named by a short id, never by the token.
    expect(JSON.stringify(sessions)).not.toContain(victim.token);
    for (const x of mine)
      expectOk(await call(server.app, sec, 'DELETE', `/api/v1/security/sessions/${x.id}`));
    expectError(await call(server.app, victim, 'GET', '/api/v1/auth/me'), 401, 'HTTP_UNAUTHENTICATED');
    expectError(
      await call(server.app, sec, 'DELETE', `/api/v1/security/sessions/${mine[0].id}`),
      404,
      'AUTH_SESSION_NOT_FOUND',
    );
  });

  it('makes a password reset by the system administrator a one-time password', async () => {
    const sys = await login(server.app, 'sysadmin', 'Strong#Pass99');
    const list = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?q=county'));
    const u = list.items.find((x: { username: string }) => x.username === 'county');
    const s = await login(server.app, 'county');
    const reset = expectOk(
      await call(server.app, sys, 'POST', `/api/v1/users/${u.id}/password`, {
        newPassword: 'Temp#Pass123',
        version: u.version,
      }),
    );
    expect(reset).toMatchObject({ mustChangePassword: true, version: u.version + 1 });
    expectError(await call(server.app, s, 'GET', '/api/v1/auth/me'), 401, 'HTTP_UNAUTHENTICATED');
    expectError(await tryLogin('county', DEMO_PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
    const fresh = await login(server.app, 'county', 'Temp#Pass123');
    expectError(
      await call(server.app, fresh, 'GET', '/api/v1/regions/610302000000'),
      403,
      'HTTP_PASSWORD_CHANGE_REQUIRED',
    );
    const weak = await call(server.app, sys, 'POST', `/api/v1/users/${u.id}/password`, {
      newPassword: 'short',
      version: reset.version,
    });
    expectError(weak, 400, 'AUTH_WEAK_PASSWORD_TOO_SHORT');
  });
});
