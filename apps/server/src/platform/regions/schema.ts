import { date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../db/columns';

/**
 * One row per division code. A code that ceased (凤翔县 610322) keeps its row with `valid_to` and the
 * `successor_code` that replaced it, so records can be named as of any date.
 */
export const division = pgTable(
  'division',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    successorCode: text('successor_code'),
    ...timestamps,
  },
  (t) => [index('division_parent_idx').on(t.parentCode), index('division_name_idx').on(t.name)],
);

/** A re-coding of one division and everything under it (撤县设区 and the like). */
export const divisionChange = pgTable('division_change', {
  id: uuid('id').primaryKey().defaultRandom(),
  fromCode: text('from_code').notNull(),
  toCode: text('to_code').notNull(),
  newName: text('new_name').notNull(),
  effectiveDate: date('effective_date').notNull(),
  reason: text('reason').notNull(),
  recoded: jsonb('recoded').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  ...timestamps,
});
