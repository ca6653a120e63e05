import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';

/** Runs raw SQL and returns its rows; the row type is the caller's promise. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** A transaction owned by a use case; everything written inside commits or rolls back together. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}

/**
 * A JS array as ONE array parameter (drizzle's sql template would otherwise expand it into a list).
 * Use with a cast: sql`... = any(${array(ids)}::uuid[])`.
 */
export function array(values: readonly unknown[]): SQL {
  return sql`${sql.param(values)}`;
}
