import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { inTransaction, one, rows } from '../src/platform/db/sql';
import type { Actor } from '../src/platform/access/actor';
import { registerJob } from '../src/platform/jobs/registry';
import { claimJob, enqueueJob, finishJob, reportProgress } from '../src/platform/jobs/queue';
import { JobWorker } from '../src/platform/jobs/worker';
import { AppError } from '../src/platform/http/errors';
import { call, login, testServer, type Session } from './app';
import { onPostgres } from './db';
import { actor, adminsOf, auditRowsOf, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
let clerk: Actor;
const db = () => server.database.db;

/** What each run of `test.count` saw, so a test can tell a resumed run from a fresh one. */
const runs: Array<{ jobId: string; checkpoint: unknown }> = [];

// Counts items 0…total-1 in batches, checkpointing after each batch; resumes after the last checkpoint.
registerJob('test.count', {
  permission: 'job.read',
  async run(ctx) {
    runs.push({ jobId: ctx.jobId, checkpoint: ctx.checkpoint });
    const total = Number(ctx.payload.total ?? 10);
    const from = (ctx.checkpoint as { next?: number } | null)?.next ?? 0;
    const processed: number[] = [];
    for (let n = from; n < total; n++) {
      processed.push(n);
      await ctx.progress(n + 1, total, `${n + 1} / ${total}`, { next: n + 1 });
    }
    return { resumedFrom: from, processed };
  },
});
registerJob('test.fail', {
  permission: 'job.read',
  async run(ctx) {
    await ctx.progress(1, 3, 'one done');
    throw new Error('the source file is unreadable');
  },
});
registerJob('test.privileged', { permission: 'audit.read', run: async () => 'secret' });

beforeAll(async () => {
  server = await testServer();
  ({ sys } = await adminsOf(server.app));
  const county = await login(server.app, 'county');
  clerk = { ...actor('county', '610302000000', ['job.read']), id: county.user.id };
});
afterAll(() => server.close());

const jobRow = async (id: string) =>
  (await one<{
    status: string;
    attempts: number;
    worker: string | null;
    checkpoint: unknown;
    done: number;
    total: number | null;
    result: unknown;
    error: string | null;
  }>(
    db(),
    sql`select status, attempts, worker, checkpoint, done, total, result, error from job where id = ${id}`,
  ))!;
const countJobs = async () => (await one<{ n: number }>(db(), sql`select count(*)::int as n from job`))!.n;
/** Finishes whatever earlier tests left queued, so each test starts from an empty queue. */
const settle = () => new JobWorker(db()).drain();

describe('queueing', () => {
  it('gives one job for two requests with the same idempotency key', async () => {
    const before = await countJobs();
    const a = await enqueueJob(db(), clerk, 'test.count', { total: 3 }, 'payroll-2026-03');
    const b = await enqueueJob(db(), clerk, 'test.count', { total: 3 }, 'payroll-2026-03');
    expect(b.id).toBe(a.id);
    expect(await countJobs()).toBe(before + 1);
    expect((await auditRowsOf(db(), 'job.start')).filter((r) => r.entity_id === a.id)).toHaveLength(1);
    // Without a key every request is its own job.
    const c = await enqueueJob(db(), clerk, 'test.count', { total: 3 });
    const d = await enqueueJob(db(), clerk, 'test.count', { total: 3 });
    expect(new Set([a.id, c.id, d.id]).size).toBe(3);
    await settle();
    // The key still answers with the finished job, never a second run.
    const again = await enqueueJob(db(), clerk, 'test.count', { total: 3 }, 'payroll-2026-03');
    expect(again).toMatchObject({ id: a.id, status: 'succeeded' });
    expect(await new JobWorker(db()).drain()).toBe(0);
  });

  it('refuses an unknown kind and a kind the actor may not start', async () => {
    await expect(enqueueJob(db(), clerk, 'test.nothing')).rejects.toMatchObject({
      code: 'JOB_UNKNOWN_KIND',
      status: 400,
    });
    const e = await enqueueJob(db(), clerk, 'test.privileged').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'HTTP_FORBIDDEN', status: 403 });
  });
});

describe('running', () => {
  it('reports progress and a checkpoint, and the result, visible through the API', async () => {
    const j = await enqueueJob(db(), clerk, 'test.count', { total: 4 });
    expect(await new JobWorker(db()).drain()).toBe(1);
    const row = await jobRow(j.id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      done: 4,
      total: 4,
      checkpoint: { next: 4 },
    });
    expect(row.result).toEqual({ resumedFrom: 0, processed: [0, 1, 2, 3] });
    const county = await login(server.app, 'county');
    const view = expectOk(await call(server.app, county, 'GET', `/api/v1/jobs/${j.id}`));
    expect(view).toMatchObject({
      status: 'succeeded',
      done: 4,
      total: 4,
      message: '4 / 4',
      createdBy: 'county',
    });
    expect(view.finishedAt).not.toBeNull();
    const listed = expectOk(await call(server.app, county, 'GET', '/api/v1/jobs'));
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(j.id);
    // Another staff member does not see the county's job; the system administrator does.
    const township = await login(server.app, 'township');
    expectError(await call(server.app, township, 'GET', `/api/v1/jobs/${j.id}`), 404, 'JOB_NOT_FOUND');
    expectOk(await call(server.app, sys, 'GET', `/api/v1/jobs/${j.id}`));
  });

  it('records a failing job as failed with its message, and audits the outcome', async () => {
    const j = await enqueueJob(db(), clerk, 'test.fail');
    await new JobWorker(db()).drain();
    expect(await jobRow(j.id)).toMatchObject({
      status: 'failed',
      error: 'the source file is unreadable',
      done: 1,
      total: 3,
    });
    const [finish] = (await auditRowsOf(db(), 'job.finish')).filter((r) => r.entity_id === j.id);
    expect(finish).toMatchObject({
      outcome: 'failure',
      actor_name: 'county',
      after: { kind: 'test.fail', error: 'the source file is unreadable' },
    });
  });
});

describe('the job list', () => {
  it('pages with a keyset cursor without skipping jobs created in the same millisecond', async () => {
    const county = await login(server.app, 'county');
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push((await enqueueJob(db(), clerk, 'test.count', { total: 1 })).id);
    // Three jobs within one millisecond and a fourth with exactly the same time (one transaction's now()).
    const times = [
      '2020-01-01T00:00:00.100000Z',
      '2020-01-01T00:00:00.123200Z',
      '2020-01-01T00:00:00.123456Z',
      '2020-01-01T00:00:00.123456Z',
    ];
    for (const [n, at] of times.entries())
      await db().execute(sql`update job set created_at = ${at}::timestamptz where id = ${ids[n]!}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/jobs?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = expectOk(await call(server.app, county, 'GET', url));
      seen.push(...page.items.map((j: { id: string }) => j.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 100);
    const old = seen.filter((id) => ids.includes(id));
    expect(old).toHaveLength(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(old.slice(2)).toEqual([ids[1], ids[0]]);
    await settle();
  });
});

describe('a crashed worker', () => {
  it('leaves a job that another worker resumes from its checkpoint', async () => {
    await settle();
    const j = await enqueueJob(db(), clerk, 'test.count', { total: 10 });
    // Worker "dead" claims it, gets through 4 items, checkpoints, and dies without a word.
    const claimed = await claimJob(db(), 'worker-dead');
    expect(claimed!.id).toBe(j.id);
    await reportProgress(db(), j.id, 'worker-dead', 4, 10, '4 / 10', { next: 4 });
    // While its heartbeat is fresh, nobody else takes the job.
    expect(await new JobWorker(db()).drain()).toBe(0);
    expect(await jobRow(j.id)).toMatchObject({ status: 'running', worker: 'worker-dead' });
    // A minute of silence marks it as crashed.
    await db().execute(sql`update job set heartbeat_at = now() - interval '1 minute' where id = ${j.id}`);
    const rescuer = new JobWorker(db());
    const runsBefore = runs.length;
    expect(await rescuer.drain()).toBe(1);
    expect(runs.slice(runsBefore)).toEqual([{ jobId: j.id, checkpoint: { next: 4 } }]);
    const row = await jobRow(j.id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      worker: rescuer.id,
      done: 10,
      checkpoint: { next: 10 },
    });
    expect(row.result).toEqual({ resumedFrom: 4, processed: [4, 5, 6, 7, 8, 9] });
  });

  it('cannot overwrite the job when the dead worker wakes up late', async () => {
    const [j] = await rows<{ id: string }>(
      db(),
      sql`select id::text as id from job where worker <> 'worker-dead' and attempts = 2`,
    );
    await reportProgress(db(), j!.id, 'worker-dead', 5, 10, 'late', { next: 5 });
    await finishJob(db(), j!.id, 'worker-dead', { error: 'late failure' });
    expect(await jobRow(j!.id)).toMatchObject({
      status: 'succeeded',
      error: null,
      done: 10,
      checkpoint: { next: 10 },
    });
  });
});

describe('concurrent claims (SKIP LOCKED)', () => {
  it('never hands the same job to two workers', async () => {
    await settle();
    const ids = new Set<string>();
    for (let n = 0; n < 8; n++) ids.add((await enqueueJob(db(), clerk, 'test.count', { total: 1 })).id);
    const claims = await Promise.all(Array.from({ length: 12 }, (_, n) => claimJob(db(), `racer-${n}`)));
    const got = claims.filter((c) => c !== undefined).map((c) => c!.id);
    expect(got).toHaveLength(8);
    expect(new Set(got)).toEqual(ids);
    const [row] = await rows<{ n: number; workers: number }>(
      db(),
      sql`select count(*)::int as n, count(distinct worker)::int as workers from job where id::text = any(${sql.param([...ids])}::text[]) and attempts = 1`,
    );
    expect(row).toEqual({ n: 8, workers: 8 });
  });

  it.runIf(onPostgres)('skips a job locked by another transaction instead of waiting for it', async () => {
    await db().execute(sql`update job set status = 'cancelled' where status in ('queued', 'running')`);
    const first = await enqueueJob(db(), clerk, 'test.count', { total: 1 });
    const second = await enqueueJob(db(), clerk, 'test.count', { total: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const locked = new Promise<void>((r) => (holding = r));
    // One transaction holds the oldest job's row lock (as a claim in progress would)…
    const holder = inTransaction(db(), async (tx) => {
      await tx.execute(sql`select id from job where id = ${first.id} for update`);
      holding();
      await held;
    });
    await locked;
    // …and a claim on another connection takes the next job at once.
    const claimed = await claimJob(db(), 'racer-parallel');
    expect(claimed!.id).toBe(second.id);
    release();
    await holder;
    const afterwards = await claimJob(db(), 'racer-after');
    expect(afterwards!.id).toBe(first.id);
  });
});
