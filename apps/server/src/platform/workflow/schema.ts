import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, version } from '../db/columns';

export const workflowInstance = pgTable(
  'workflow_instance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseType: text('case_type').notNull(),
    entityId: text('entity_id').notNull(),
    state: text('state').notNull(),
    regionCode: text('region_code').notNull(),
    assigneeId: uuid('assignee_id'),
    /** Deadline of the current state, from the working-day calendar. */
    dueDate: date('due_date'),
    /** Deadline of the whole case. */
    caseDueDate: date('case_due_date'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...version,
    ...timestamps,
  },
  (t) => [
    unique('workflow_instance_entity_uq').on(t.caseType, t.entityId),
    index('workflow_instance_queue_idx').on(t.caseType, t.state, t.regionCode),
  ],
);

/** Immutable history: one row per action taken. */
export const workflowTransition = pgTable(
  'workflow_transition',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => workflowInstance.id),
    step: integer('step').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    comment: text('comment'),
    data: jsonb('data'),
    dueDate: date('due_date'),
    ...timestamps,
  },
  (t) => [unique('workflow_transition_step_uq').on(t.instanceId, t.step)],
);
