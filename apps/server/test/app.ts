import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/platform/config';
import { createServer, type Server } from '../src/platform/server';
import { DEMO_PASSWORD } from '../src/platform/bootstrap/accounts';
import type { Database } from '../src/platform/db/client';
import { freshDatabase } from './db';
import { modulePlugins } from '../src/modules';

export const ADMIN_PASSWORD = 'Admin#Initial1';
export { DEMO_PASSWORD };

/** The whole server on a fresh database, driven through `inject` (no sockets). */
export async function testServer(
  opts: { database?: Database } = {},
): Promise<Server & { database: Database }> {
  const database = opts.database ?? (await freshDatabase());
  // The key file goes to a throwaway folder, never into the repository.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-keys-'));
  const config = loadConfig(
    {},
    {
      dataDir,
      demo: true,
      adminPassword: ADMIN_PASSWORD,
      worker: false,
      logLevel: 'silent',
      auditSealIntervalMs: 3_600_000,
    },
  );
  const server = await createServer(config, modulePlugins, { database });
  return {
    ...server,
    close: async () => {
      await server.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  token: string;
  csrfToken: string;
  user: { id: string; permissions: string[]; scopeCode: string };
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An administrator logged in with the first-run password changed, as after a real first login. */
export async function loginAdmin(app: FastifyInstance, username: 'sysadmin' | 'secadmin' | 'auditadmin') {
  const first = await login(app, username, ADMIN_PASSWORD);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: { authorization: `Bearer ${first.token}` },
    payload: { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed#Pass2' },
  });
  if (res.statusCode !== 200 && res.statusCode !== 400) throw new Error(res.body);
  return login(app, username, 'Changed#Pass2');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as an API client (bearer token) in the given language. */
export function call(
  app: FastifyInstance,
  s: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
  lang = 'zh-CN',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    payload: payload as never,
    headers: { 'accept-language': lang, ...(s ? { authorization: `Bearer ${s.token}` } : {}) },
  });
}
