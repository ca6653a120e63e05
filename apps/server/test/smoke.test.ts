import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, testServer } from './app';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe('health and login', () => {
  it('reports the database kind', async () => {
    const res = await call(server.app, null, 'GET', '/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });
  it('logs a county user in', async () => {
    const s = await login(server.app, 'county');
    expect(s.user.scopeCode).toBe('610302000000');
  });
});
