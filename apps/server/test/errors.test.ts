import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/platform/config';
import { buildHttp } from '../src/platform/http/app';
import { call, login, testServer, type Session } from './app';
import { adminsOf, expectError, expectOk, HAN } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
let auditor: Session;
let county: Session;
beforeAll(async () => {
  server = await testServer();
  ({ sys, audit: auditor } = await adminsOf(server.app));
  county = await login(server.app, 'county');
});
afterAll(() => server.close());

const goodUser = {
  username: 'valid.user',
  displayName: '张三',
  roles: ['county_staff'],
  scopeCode: '610302000000',
  initialPassword: 'Initial#Pass1',
};
type Issue = { field: string; message: string };

describe('validation errors', () => {
  it('answer 400 HTTP_VALIDATION naming the field, in Chinese by default', async () => {
    const res = await call(server.app, sys, 'POST', '/api/v1/users', { ...goodUser, username: 'A b' });
    const err = expectError(res, 400, 'HTTP_VALIDATION');
    expect(err.message).toMatch(/^输入有误：username: /);
    expect(err.details).toEqual([{ field: 'username', message: expect.stringMatching(HAN) }]);
  });

  it('answer in English with accept-language en-US', async () => {
    const res = await call(
      server.app,
      sys,
      'POST',
      '/api/v1/users',
      { ...goodUser, displayName: 'x'.repeat(65) },
      'en-US',
    );
    const err = expectError(res, 400, 'HTTP_VALIDATION');
    expect(err.message).toBe('Invalid input: displayName: length must be at most 64');
    expect(err.details).toEqual([{ field: 'displayName', message: 'length must be at most 64' }]);
    const zh = expectError(
      await call(server.app, sys, 'POST', '/api/v1/users', { ...goodUser, displayName: 'x'.repeat(65) }),
      400,
      'HTTP_VALIDATION',
    );
    expect(zh.details).toEqual([{ field: 'displayName', message: '长度至多为 64' }]);
  });

  it('name every missing field as required', async () => {
    const { displayName: _d, scopeCode: _s, ...rest } = goodUser;
    const err = expectError(
      await call(server.app, sys, 'POST', '/api/v1/users', rest, 'en-US'),
      400,
      'HTTP_VALIDATION',
    );
    expect(err.details).toEqual(
      expect.arrayContaining([
        { field: 'displayName', message: 'required' },
        { field: 'scopeCode', message: 'required' },
      ]),
    );
    const zh = expectError(
      await call(server.app, sys, 'POST', '/api/v1/users', rest),
      400,
      'HTTP_VALIDATION',
    );
    expect((zh.details as Issue[]).find((i) => i.field === 'displayName')!.message).toBe('必填');
  });

  it('name nested fields with their path', async () => {
    const err = expectError(
      await call(
        server.app,
        sys,
        'POST',
        '/api/v1/users',
        { ...goodUser, roles: ['county_staff', ''] },
        'en-US',
      ),
      400,
      'HTTP_VALIDATION',
    );
    expect((err.details as Issue[])[0]!.field).toBe('roles.1');
  });

  it('name query and path parameters', async () => {
    const q = expectError(
      await call(
        server.app,
        county,
        'GET',
        '/api/v1/calendar/working-days?from=2025-02-30&days=3',
        undefined,
        'en-US',
      ),
      400,
      'HTTP_VALIDATION',
    );
    expect((q.details as Issue[]).map((i) => i.field)).toEqual(['from']);
    const p = expectError(
      await call(server.app, sys, 'PATCH', '/api/v1/users/not-a-uuid', { version: 1 }, 'en-US'),
      400,
      'HTTP_VALIDATION',
    );
    expect((p.details as Issue[]).map((i) => i.field)).toEqual(['id']);
    expect((p.details as Issue[])[0]!.message).toContain('uuid');
  });

  const probes: Array<[string, 'GET' | 'POST' | 'PUT' | 'PATCH', string, unknown, () => Session]> = [
    ['a number for a string', 'POST', '/api/v1/users', { ...goodUser, displayName: 12 }, () => sys],
    ['a string for an array', 'POST', '/api/v1/users', { ...goodUser, roles: 'county_staff' }, () => sys],
    [
      'an object for a string',
      'POST',
      '/api/v1/auth/login',
      { username: { $ne: '' }, password: 'x' },
      () => county,
    ],
    [
      'a 10 000-character username',
      'POST',
      '/api/v1/auth/login',
      { username: 'u'.repeat(10_000), password: 'x' },
      () => county,
    ],
    [
      'a 300-character password',
      'POST',
      '/api/v1/auth/password',
      { currentPassword: 'x', newPassword: 'p'.repeat(300) },
      () => county,
    ],
    ['a body that is an array', 'POST', '/api/v1/users', [goodUser], () => sys],
    [
      'a float version',
      'PATCH',
      '/api/v1/users/00000000-0000-4000-8000-000000000000',
      { version: 1.5 },
      () => sys,
    ],
    [
      'a string version',
      'PATCH',
      '/api/v1/users/00000000-0000-4000-8000-000000000000',
      { version: '1' },
      () => sys,
    ],
    ['a bad region code in the path', 'GET', '/api/v1/regions/61030200000X', undefined, () => county],
    ['a too short region code', 'GET', '/api/v1/regions/6103/children', undefined, () => county],
    [
      'a bad date in the query',
      'GET',
      '/api/v1/regions/610302000000?asOf=2020-13-01',
      undefined,
      () => county,
    ],
    [
      'a non-date in the query',
      'GET',
      '/api/v1/regions/610302000000?asOf=yesterday',
      undefined,
      () => county,
    ],
    ['a year out of range', 'GET', '/api/v1/calendar?year=1066', undefined, () => county],
    ['a non-number year', 'GET', '/api/v1/calendar?year=abc', undefined, () => county],
    ['a missing query parameter', 'GET', '/api/v1/calendar', undefined, () => county],
    [
      'a huge day count',
      'GET',
      '/api/v1/calendar/working-days?from=2025-09-30&days=99999',
      undefined,
      () => county,
    ],
    ['an empty search', 'GET', '/api/v1/regions?q=', undefined, () => county],
    ['a 41-character search', 'GET', `/api/v1/regions?q=${'镇'.repeat(41)}`, undefined, () => county],
    ['a list limit of 0', 'GET', '/api/v1/users?limit=0', undefined, () => sys],
    ['an unknown enum value', 'GET', '/api/v1/audit?outcome=maybe', undefined, () => auditor],
    ['a bad audit date', 'GET', '/api/v1/audit?from=2025-02-30', undefined, () => auditor],
    ['a bad calendar kind', 'PUT', '/api/v1/calendar/2027-01-01', { kind: 'party', name: 'x' }, () => sys],
    [
      'a bad date in the path',
      'PUT',
      '/api/v1/calendar/2027-02-30',
      { kind: 'holiday', name: 'x' },
      () => sys,
    ],
    ['a bad job id', 'GET', '/api/v1/jobs/123', undefined, () => county],
    ['a too short session id', 'DELETE' as 'GET', '/api/v1/security/sessions/abc', undefined, () => sys],
    ['a policy below the floor', 'PUT', '/api/v1/security/policy', { minPasswordLength: 4 }, () => sys],
  ];

  it.each(probes)('answer %s with a 4xx envelope, never a 500', async (_what, method, url, payload, who) => {
    const res = await call(server.app, who(), method, url, payload);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^[A-Z]+_[A-Z_]+$/);
    expect(body.error.message).toMatch(HAN);
  });

  it('answer a bad list cursor with 400, never a 500', async () => {
    for (const [url, who] of [
      ['/api/v1/audit?cursor=abc', auditor],
      ['/api/v1/jobs?cursor=abc', county],
      ['/api/v1/jobs?cursor=not-a-date', sys],
      ['/api/v1/users?cursor=%00', sys],
    ] as const) {
      const res = await call(server.app, who, 'GET', url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.json().error.code).toMatch(/^HTTP_/);
    }
  });

  it('answer text with a NUL character with 400, never a 500', async () => {
    const res = await call(server.app, null, 'POST', '/api/v1/auth/login', {
      username: 'coun\u0000ty',
      password: 'x',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('malformed requests', () => {
  it('answers malformed JSON with a 400 envelope', async () => {
    for (const payload of ['{"username": "county", ', '{username: county}', 'null x']) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'accept-language': 'en-US' },
        payload,
      });
      const err = expectError(res, 400, 'HTTP_BAD_REQUEST');
      expect(err.message).toMatch(/^Malformed request/);
    }
  });

  it('answers an unsupported content type with a 4xx envelope', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=county',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toMatch(/^HTTP_/);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'county', password: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expectError(res, 413, 'HTTP_PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with a 404 JSON envelope in the caller’s language', async () => {
    const zh = await call(server.app, county, 'GET', '/api/v1/no-such-thing');
    expect(zh.headers['content-type']).toMatch(/application\/json/);
    expect(expectError(zh, 404, 'HTTP_NOT_FOUND').message).toBe('没有这个地址');
    const en = await call(server.app, null, 'DELETE', '/api/v1/regions', undefined, 'en-US');
    expect(expectError(en, 404, 'HTTP_NOT_FOUND').message).toBe('No such route');
  });

  it('answers a malformed URL with a 400 envelope', async () => {
    const res = await call(server.app, county, 'GET', '/api/v1/regions/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('HTTP_BAD_REQUEST');
  });

  it('answers two simultaneous creations of one username with 200 and 409, never a 500', async () => {
    const body = { ...goodUser, username: 'twin.user' };
    const [a, b] = await Promise.all([
      call(server.app, sys, 'POST', '/api/v1/users', body),
      call(server.app, sys, 'POST', '/api/v1/users', body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toMatch(
      /^(AUTH_USERNAME_TAKEN|HTTP_CONFLICT)$/,
    );
  });

  it('refuses and audits a caller without the right before looking at the input', async () => {
    const sec = await login(server.app, 'secadmin', 'Changed#Pass2');
    const res = await call(server.app, sec, 'POST', '/api/v1/users', { nonsense: true });
    expectError(res, 403, 'HTTP_FORBIDDEN');
    const denied = expectOk(
      await call(server.app, auditor, 'GET', '/api/v1/audit?action=access.denied&actor=secadmin'),
    );
    expect(denied.items[0]).toMatchObject({ entityId: 'POST /api/v1/users', outcome: 'denied' });
  });

  it('answers a request without a session with 401, before looking at the input', async () => {
    const res = await call(server.app, null, 'POST', '/api/v1/users', { nonsense: true }, 'en-US');
    expect(expectError(res, 401, 'HTTP_UNAUTHENTICATED').message).toBe('Please log in');
    expectError(
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: 'Bearer forged-token' },
      }),
      401,
      'HTTP_UNAUTHENTICATED',
    );
  });
});

describe('every API route declares a permission', () => {
  const build = (plugin: (app: FastifyInstance) => Promise<void>) =>
    buildHttp({
      ctx: {
        config: loadConfig({}, { logLevel: 'silent' }),
        database: server.database,
        db: server.database.db,
        version: 'test',
        keyring: server.app.ctx.keyring,
      },
      logLevel: 'silent',
      plugins: [plugin],
    });

  it('makes start-up fail for an /api route without one', async () => {
    await expect(
      build(async (app) => {
        app.get('/api/v1/forgotten', async () => ({ ok: true }));
      }),
    ).rejects.toThrow('route GET /api/v1/forgotten declares no permission');
    await expect(
      build(async (app) => {
        app.post('/api/v1/forgotten', { config: {} }, async () => ({ ok: true }));
      }),
    ).rejects.toThrow(/declares no permission/);
  });

  it('starts with every route declaring one, and guards a declared route', async () => {
    const app = await build(async (a) => {
      a.get('/api/v1/guarded', { config: { permission: 'user.manage' } }, async () => ({ ok: true }));
    });
    const res = await app.inject({ method: 'GET', url: '/api/v1/guarded' });
    expectError(res, 401, 'HTTP_UNAUTHENTICATED');
    const asCounty = await app.inject({
      method: 'GET',
      url: '/api/v1/guarded',
      headers: { authorization: `Bearer ${county.token}` },
    });
    expectError(asCounty, 403, 'HTTP_FORBIDDEN');
    const asSys = await app.inject({
      method: 'GET',
      url: '/api/v1/guarded',
      headers: { authorization: `Bearer ${sys.token}` },
    });
    expect(asSys.json()).toEqual({ ok: true });
    await app.close();
  });
});
