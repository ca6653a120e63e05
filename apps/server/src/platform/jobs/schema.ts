import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../db/columns';

export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    payload: jsonb('payload').notNull().default({}),
    /** What a resumed run needs to continue where a crashed one stopped. */
    checkpoint: jsonb('checkpoint'),
    done: bigint('done', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }),
    message: text('message'),
    result: jsonb('result'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    worker: text('worker'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').unique(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    regionCode: text('region_code'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('job_status_idx').on(t.status, t.createdAt)],
);
