import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { JobView } from '@minzheng/contracts';
import type { Db } from '../db/client';
import { inTransaction, one } from '../db/sql';
import type { Actor } from '../access/actor';
import { scopeFilter } from '../access/scope';
import { recordAudit } from '../audit/service';
import { job } from './schema';
import { jobHandler } from './registry';
import { JobErrors } from './errors';
import { HttpErrors } from '../http/errors';

export type JobRow = typeof job.$inferSelect;

/** A running job whose heartbeat is older than this is taken to have crashed and is resumed. */
export const STALE_AFTER_SECONDS = 30;

export function toJobView(j: JobRow): JobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as JobView['status'],
    done: j.done,
    total: j.total,
    message: j.message,
    result: j.result ?? null,
    error: j.error,
    attempts: j.attempts,
    createdBy: j.createdByName,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/** Queues a job; the same idempotency key returns the job already queued instead of a second one. */
export async function enqueueJob(
  db: Db,
  actor: Actor,
  kind: string,
  payload: Record<string, unknown> = {},
  idempotencyKey?: string,
): Promise<JobRow> {
  const handler = jobHandler(kind);
  if (!handler) throw JobErrors.UNKNOWN_KIND({ kind });
  if (actor.id && !actor.permissions.has(handler.permission))
    throw HttpErrors.FORBIDDEN({ permission: handler.permission });
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(job)
      .values({
        kind,
        payload,
        idempotencyKey: idempotencyKey ?? null,
        createdBy: actor.id,
        createdByName: actor.name,
        regionCode: actor.scopeCode || null,
      })
      .onConflictDoNothing({ target: job.idempotencyKey })
      .returning();
    if (!row) {
      const [existing] = await tx.select().from(job).where(eq(job.idempotencyKey, idempotencyKey!));
      return existing!;
    }
    await recordAudit(tx, actor, {
      action: 'job.start',
      entityType: 'job',
      entityId: row.id,
      after: { kind, payload },
    });
    return row;
  });
}

/**
 * Claims the oldest queued job, or a running one whose worker stopped sending heartbeats. SKIP LOCKED lets
 * any number of workers claim concurrently without waiting on each other.
 */
export async function claimJob(db: Db, worker: string): Promise<JobRow | undefined> {
  return one<JobRow>(
    db,
    sql`update job set status = 'running', worker = ${worker}, heartbeat_at = now(), attempts = attempts + 1,
          started_at = coalesce(started_at, now()), updated_at = now()
        where id = (
          select id from job
          where status = 'queued'
             or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}))
          order by created_at
          for update skip locked
          limit 1)
        returning id, kind, status, payload, checkpoint, done, total, message, result, error, attempts, worker,
          heartbeat_at as "heartbeatAt", idempotency_key as "idempotencyKey", created_by as "createdBy",
          created_by_name as "createdByName", region_code as "regionCode", started_at as "startedAt",
          finished_at as "finishedAt", created_at as "createdAt", updated_at as "updatedAt"`,
  );
}

export async function reportProgress(
  db: Db,
  id: string,
  worker: string,
  done: number,
  total: number | null,
  message: string | undefined,
  checkpoint: unknown,
) {
  await db
    .update(job)
    .set({
      done,
      total,
      message: message ?? null,
      heartbeatAt: new Date(),
      updatedAt: new Date(),
      ...(checkpoint !== undefined && { checkpoint }),
    })
    .where(and(eq(job.id, id), eq(job.worker, worker)));
}

export async function heartbeat(db: Db, id: string, worker: string) {
  await db
    .update(job)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(job.id, id), eq(job.worker, worker), eq(job.status, 'running')));
}

export async function finishJob(
  db: Db,
  id: string,
  worker: string,
  outcome: { result?: unknown; error?: string },
) {
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(job)
      .set({
        status: outcome.error ? 'failed' : 'succeeded',
        result: outcome.result ?? null,
        error: outcome.error ?? null,
        finishedAt: new Date(),
        updatedAt: new Date(),
        heartbeatAt: new Date(),
      })
      .where(and(eq(job.id, id), eq(job.worker, worker)))
      .returning();
    if (row)
      await recordAudit(
        tx,
        {
          id: row.createdBy,
          name: row.createdByName ?? 'system',
          scopeCode: '',
          roles: [],
          permissions: new Set(),
          address: null,
        },
        {
          action: 'job.finish',
          entityType: 'job',
          entityId: id,
          outcome: outcome.error ? 'failure' : 'success',
          after: { kind: row.kind, result: row.result, error: row.error },
        },
      );
  });
}

/** Keyset cursor "<created_at to the microsecond>_<id>": jobs created in the same millisecond are not skipped. */
const JOB_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;

/** Jobs visible to the actor: their own, and every job in scope for those who may read the audit. */
export async function listJobs(db: Db, actor: Actor, cursor: string | undefined, limit: number) {
  const at = cursor ? JOB_CURSOR.exec(cursor) : null;
  if (cursor && !at) throw HttpErrors.BAD_REQUEST({ reason: 'cursor' });
  const all = actor.permissions.has('audit.read') || actor.permissions.has('user.manage');
  const where = and(
    all
      ? or(scopeFilter(job.regionCode, actor.scopeCode), sql`${job.regionCode} is null`)
      : eq(job.createdBy, actor.id!),
    at ? sql`(${job.createdAt}, ${job.id}) < (${at[1]}::timestamptz, ${at[2]}::uuid)` : undefined,
  );
  const list = await db
    .select({
      row: job,
      key: sql<string>`to_char(${job.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${job.id}`,
    })
    .from(job)
    .where(where)
    .orderBy(desc(job.createdAt), desc(job.id))
    .limit(limit + 1);
  const pageRows = list.slice(0, limit);
  return {
    items: pageRows.map((r) => toJobView(r.row)),
    nextCursor: list.length > limit ? pageRows[pageRows.length - 1]!.key : null,
  };
}

export async function getJob(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(job).where(eq(job.id, id));
  if (!row) throw JobErrors.NOT_FOUND();
  const mine = row.createdBy === actor.id;
  const admin = actor.permissions.has('audit.read') || actor.permissions.has('user.manage');
  if (!mine && !admin) throw JobErrors.NOT_FOUND();
  return row;
}
