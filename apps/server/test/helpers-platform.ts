import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client';
import { rows } from '../src/platform/db/sql';
import type { Actor } from '../src/platform/access/actor';
import { call, login, loginAdmin, type Session } from './app';

/** The three administrators, each logged in once per server (their first-run password can be changed once). */
export async function adminsOf(app: FastifyInstance) {
  return {
    sys: await loginAdmin(app, 'sysadmin'),
    sec: await loginAdmin(app, 'secadmin'),
    audit: await loginAdmin(app, 'auditadmin'),
  };
}

/** Asserts a 4xx/5xx answer in the error envelope and returns its body. */
export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  if (res.statusCode !== status)
    throw new Error(`expected ${status} ${code}, got ${res.statusCode} ${res.body}`);
  const body = res.json() as { error: { code: string; message: string; details?: unknown } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

// Tests read answers loosely; the contracts already type-check the server side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectOk<T = any>(res: LightMyRequestResponse): T {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export const HAN = /\p{Script=Han}/u;

export interface AuditRow {
  id: number;
  seq: number | null;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
  region_code: string | null;
}

/** Audit rows of one action, oldest first, straight from the table. */
export function auditRowsOf(db: Db, action: string): Promise<AuditRow[]> {
  return rows<AuditRow>(
    db,
    sql`select id, seq, actor_id::text as actor_id, actor_name, action, entity_type, entity_id, before, after, outcome, region_code
        from audit_log where action = ${action} order by id`,
  );
}

/** Creates a user as `admin` (a sysadmin session) and returns the view. */
export async function createUserAs(
  app: FastifyInstance,
  admin: Session,
  input: {
    username: string;
    roles: string[];
    scopeCode: string;
    displayName?: string;
    initialPassword?: string;
  },
) {
  const res = await call(app, admin, 'POST', '/api/v1/users', {
    displayName: input.displayName ?? input.username,
    initialPassword: input.initialPassword ?? 'Initial#Pass1',
    ...input,
  });
  return expectOk<{ id: string; version: number; scopeCode: string; roles: string[] }>(res);
}

/** Logs a freshly created user in and does the forced first password change. */
export async function firstLogin(
  app: FastifyInstance,
  username: string,
  initial = 'Initial#Pass1',
  next = 'Second#Pass2',
) {
  const first = await login(app, username, initial);
  expectOk(
    await call(app, first, 'POST', '/api/v1/auth/password', { currentPassword: initial, newPassword: next }),
  );
  return first;
}

/** An actor built by hand, for engine tests that need permissions no built-in role has. */
export function actor(name: string, scopeCode: string, permissions: string[]): Actor {
  return {
    id: randomUUID(),
    name,
    scopeCode,
    permissions: new Set(permissions),
    roles: [],
    address: '127.0.0.1',
  };
}
