import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { inTransaction, one, rows } from '../src/platform/db/sql';
import type { Db } from '../src/platform/db/client';
import { recordAudit } from '../src/platform/audit/service';
import { sealAudit } from '../src/platform/audit/sealer';
import { verifyAudit, type VerifyResult } from '../src/platform/audit/verify';
import { CHAIN_COLUMNS, rowHash, type ChainRow } from '../src/platform/audit/chain';
import { SYSTEM_ACTOR } from '../src/platform/access/actor';
import { call, testServer, type Session } from './app';
import { adminsOf, auditRowsOf, createUserAs, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
let auditor: Session;
const db = () => server.database.db;
beforeAll(async () => {
  server = await testServer();
  ({ sys, audit: auditor } = await adminsOf(server.app));
});
afterAll(() => server.close());

class Rollback extends Error {}

/**
 * Runs `attack` as someone with rights on the database would (in a transaction that is rolled back
 * afterwards, so each scenario starts from the intact chain) and returns what verification finds.
 */
async function afterTampering(attack: (tx: Db) => Promise<void>): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await inTransaction(db(), async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await attack(tx);
    result = await verifyAudit(tx);
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return result!;
}

async function head() {
  return (await one<{ seq: number; id: string }>(
    db(),
    sql`select seq, id::text as id from audit_log where seq is not null order by seq desc limit 1`,
  ))!;
}

async function rowAt(seq: number) {
  return (await one<{ id: string; action: string }>(
    db(),
    sql`select id::text as id, action from audit_log where seq = ${seq}`,
  ))!;
}

describe('audit rows are written with the change', () => {
  it('records a user creation as user.create with the after image and no password or hash', async () => {
    const u = await createUserAs(server.app, sys, {
      username: 'audited.user',
      roles: ['county_staff'],
      scopeCode: '610302000000',
      initialPassword: 'Initial#Pass1',
    });
    const created = (await auditRowsOf(db(), 'user.create')).filter((r) => r.entity_id === u.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      actor_name: 'sysadmin',
      entity_type: 'user',
      outcome: 'success',
      region_code: '610302000000',
      before: null,
      after: {
        id: u.id,
        username: 'audited.user',
        roles: ['county_staff'],
        scopeCode: '610302000000',
        scopeName: '渭滨区',
      },
    });
    const text = JSON.stringify(created[0]);
    expect(text).not.toContain('Initial#Pass1');
    expect(text).not.toMatch(/\$argon2/);
    const [hash] = await rows<{ h: string }>(
      db(),
      sql`select password_hash as h from user_account where id = ${u.id}`,
    );
    expect(text).not.toContain(hash!.h);
  });

  it('records an update with before and after images', async () => {
    const list = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?q=audited.user'));
    const u = list.items[0];
    expectOk(
      await call(server.app, sys, 'PATCH', `/api/v1/users/${u.id}`, {
        displayName: '改名后',
        version: u.version,
      }),
    );
    const [row] = (await auditRowsOf(db(), 'user.update')).filter((r) => r.entity_id === u.id);
    expect(row!.before).toMatchObject({ displayName: 'audited.user', version: 1 });
    expect(row!.after).toMatchObject({ displayName: '改名后', version: 2 });
  });

  it('writes no audit row when the change is refused, and none survives a rolled-back transaction', async () => {
    const before = await one<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'user.create'`,
    );
    const res = await call(server.app, sys, 'POST', '/api/v1/users', {
      username: 'audited.user',
      displayName: 'dup',
      roles: ['county_staff'],
      scopeCode: '610302000000',
      initialPassword: 'Initial#Pass1',
    });
    expectError(res, 409, 'AUTH_USERNAME_TAKEN');
    await expect(
      inTransaction(db(), async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'user.create',
          entityType: 'user',
          entityId: 'rolled-back',
        });
        await tx.execute(sql`select 1/0`);
      }),
    ).rejects.toThrow();
    const after = await one<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where action = 'user.create'`,
    );
    expect(after!.n).toBe(before!.n);
  });

  it('lets the audit administrator read and filter the log, newest first, with a cursor', async () => {
    const page1 = expectOk(await call(server.app, auditor, 'GET', '/api/v1/audit?action=user.&limit=2'));
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((r: { action: string }) => r.action.startsWith('user.'))).toBe(true);
    expect(Number(page1.items[0].id)).toBeGreaterThan(Number(page1.items[1].id));
    const page2 = expectOk(
      await call(server.app, auditor, 'GET', `/api/v1/audit?action=user.&limit=2&cursor=${page1.nextCursor}`),
    );
    expect(Number(page2.items[0].id)).toBeLessThan(Number(page1.items[1].id));
    const mine = expectOk(
      await call(server.app, auditor, 'GET', '/api/v1/audit?actor=sysadmin&entityType=user&outcome=success'),
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(
      mine.items.every(
        (r: { actorName: string; outcome: string }) => r.actorName === 'sysadmin' && r.outcome === 'success',
      ),
    ).toBe(true);
  });
});

describe('the append-only hash chain', () => {
  it('seals every row and verifies the chain', async () => {
    const sealed = await sealAudit(db());
    expect(sealed).toBeGreaterThan(10);
    const [unsealed] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_log where seq is null`,
    );
    expect(unsealed!.n).toBe(0);
    const result = await verifyAudit(db());
    expect(result.ok).toBe(true);
    expect(result.problem).toBeNull();
    const [count] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from audit_log`);
    expect(result.checked).toBe(count!.n);
    // A second pass has nothing to do; verification still passes.
    expect(await sealAudit(db())).toBe(0);
    expect((await verifyAudit(db())).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the trigger is in place', async () => {
    const h = await head();
    await expect(
      db().execute(sql`update audit_log set action = 'forged' where seq = ${h.seq}`),
    ).rejects.toThrow();
    await expect(
      db().execute(sql`update audit_log set seq = null, hash = null where seq = ${h.seq}`),
    ).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_log where seq = ${h.seq}`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
    // Unsealed rows cannot be rewritten either, only sealed once.
    await inTransaction(db(), (tx) => recordAudit(tx, SYSTEM_ACTOR, { action: 'test.unsealed' }));
    await expect(
      db().execute(sql`update audit_log set action = 'forged' where action = 'test.unsealed'`),
    ).rejects.toThrow();
    expect((await rowAt(h.seq)).action).not.toBe('forged');
    await sealAudit(db());
    expect((await verifyAudit(db())).ok).toBe(true);
  });

  it('names the altered row when one row was changed', async () => {
    const h = await head();
    const target = Math.floor(h.seq / 2);
    const victim = await rowAt(target);
    const result = await afterTampering(async (tx) => {
      await tx.execute(sql`update audit_log set action = 'user.read' where seq = ${target}`);
    });
    expect(result).toEqual({
      ok: false,
      checked: target - 1,
      problem: { seq: target, id: victim.id, reason: 'altered' },
    });
  });

  it('names a changed before/after image or actor too', async () => {
    const target = 3;
    const victim = await rowAt(target);
    const altered = await afterTampering(async (tx) => {
      await tx.execute(sql`update audit_log set actor_name = 'someone-else' where seq = ${target}`);
    });
    expect(altered.problem).toEqual({ seq: target, id: victim.id, reason: 'altered' });
    const overwritten = await afterTampering(async (tx) => {
      await tx.execute(sql`update audit_log set hash = repeat('f', 64) where seq = ${target}`);
    });
    expect(overwritten.problem).toEqual({ seq: target, id: victim.id, reason: 'altered' });
  });

  it('catches an attacker who re-hashes the whole chain after his change, by the sealed checkpoint', async () => {
    const h = await head();
    const result = await afterTampering(async (tx) => {
      await tx.execute(sql`update audit_log set action = 'user.read' where seq = 4`);
      const chain = await rows<ChainRow>(
        tx,
        sql`select ${sql.raw(CHAIN_COLUMNS)} from audit_log where seq >= 4 order by seq`,
      );
      let prev = chain[0]!.prev_hash!;
      for (const r of chain) {
        const hash = rowHash(prev, r);
        await tx.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
        prev = hash;
      }
    });
    expect(result).toEqual({
      ok: false,
      checked: h.seq,
      problem: { seq: h.seq, id: null, reason: 'head-missing' },
    });
  });

  it('names the place where a row in the middle was deleted', async () => {
    const h = await head();
    const target = Math.floor(h.seq / 2);
    const result = await afterTampering(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${target}`);
    });
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({ seq: target, id: null, reason: 'missing' });
    expect(result.checked).toBe(target - 1);
  });

  it('reports a broken link when the rows after a deletion were renumbered', async () => {
    const h = await head();
    const target = Math.floor(h.seq / 2);
    const next = await rowAt(target + 1);
    const result = await afterTampering(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${target}`);
      // (through negative numbers: the unique seq is checked row by row)
      await tx.execute(sql`update audit_log set seq = -seq where seq > ${target}`);
      await tx.execute(sql`update audit_log set seq = -seq - 1 where seq < 0`);
    });
    expect(result.problem).toEqual({ seq: target, id: next.id, reason: 'broken-link' });
  });

  it('reports head-missing when the newest rows were deleted', async () => {
    const h = await head();
    const result = await afterTampering(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq > ${h.seq - 3}`);
    });
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({ seq: h.seq, id: null, reason: 'head-missing' });
    expect(result.checked).toBe(h.seq - 3);
  });

  it('left the chain intact after the rolled-back attacks', async () => {
    expect((await verifyAudit(db())).ok).toBe(true);
  });
});

describe('verification as a job', () => {
  it('runs audit.verify for the audit administrator and reports ok', async () => {
    const before = await one<{ n: number }>(db(), sql`select count(*)::int as n from audit_log`);
    const queued = expectOk(await call(server.app, auditor, 'POST', '/api/v1/audit/verify'));
    expect(queued).toMatchObject({ kind: 'audit.verify', status: 'queued', createdBy: 'auditadmin' });
    // This server runs without a worker (MINZHENG_WORKER=0): the job waits for a worker process.
    await new Promise((r) => setTimeout(r, 150));
    expect(expectOk(await call(server.app, auditor, 'GET', `/api/v1/jobs/${queued.id}`)).status).toBe(
      'queued',
    );
    expect(await server.worker.drain()).toBe(1);
    const job = expectOk(await call(server.app, auditor, 'GET', `/api/v1/jobs/${queued.id}`));
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ ok: true, problem: null });
    expect(job.result.checked).toBeGreaterThan(before!.n);
    expect(job.done).toBe(job.result.checked);
    expect(job.total).toBe(job.result.checked);
    expect(job.attempts).toBe(1);
  });

  it('reports the tampered row once an attacker committed a change', async () => {
    await sealAudit(db());
    const target = 5;
    const victim = await rowAt(target);
    await inTransaction(db(), async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`update audit_log set after = '{"forged":true}'::jsonb where seq = ${target}`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    const queued = expectOk(await call(server.app, auditor, 'POST', '/api/v1/audit/verify'));
    await server.worker.drain();
    const job = expectOk(await call(server.app, auditor, 'GET', `/api/v1/jobs/${queued.id}`));
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({
      ok: false,
      checked: target - 1,
      problem: { seq: target, id: victim.id, reason: 'altered' },
    });
  });
});
