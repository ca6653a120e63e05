import { date, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../db/columns';

/** Days that differ from the Monday–Friday rule: public holidays and make-up working days (调休). */
export const calendarDay = pgTable('calendar_day', {
  date: date('date').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  ...timestamps,
});
