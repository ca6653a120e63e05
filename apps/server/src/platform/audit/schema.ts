import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../db/columns';

/**
 * Append-only (a trigger refuses UPDATE and DELETE, except the one-time sealing of seq/prev_hash/hash).
 * Rows are written unsealed inside the business transaction; the sealer chains them in commit order.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    seq: bigint('seq', { mode: 'number' }).unique(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    address: text('address'),
    outcome: text('outcome').notNull(),
    regionCode: text('region_code'),
    ...timestamps,
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorName),
  ],
);

/** The chain head after each sealing pass: truncating the newest rows then shows as a missing head. */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  ...timestamps,
});
