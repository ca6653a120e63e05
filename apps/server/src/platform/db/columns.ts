import { integer, timestamp } from 'drizzle-orm/pg-core';

/** created_at / updated_at that every table carries. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic-concurrency version of a mutable business row: a stale update answers 409. */
export const version = { version: integer('version').notNull().default(1) };
