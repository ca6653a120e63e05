import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { array, inTransaction, rows } from '../db/sql';
import type { Keyring } from './keyring';
import { encryptedColumns } from './registry';

export interface RotationProgress {
  column: string;
  done: number;
}

/**
 * Re-encrypts every registered encrypted column under the keyring's current key and recomputes its blind
 * index, in batches (each its own transaction, so an interrupted rotation resumes where it stopped: rows
 * already under the current key are skipped). Look-ups keep working meanwhile: they match the blind index
 * under every key in the ring.
 */
export async function rotateKeys(
  db: Db,
  keyring: Keyring,
  onProgress?: (p: RotationProgress) => void,
  batch = 2000,
) {
  const counts: Record<string, number> = {};
  const prefix = `${keyring.currentId}:`;
  for (const c of encryptedColumns()) {
    const name = `${c.table}.${c.column}`;
    counts[name] = 0;
    for (;;) {
      const list = await rows<{ id: string; value: string }>(
        db,
        sql`select id::text as id, ${sql.raw(c.column)} as value from ${sql.raw(c.table)}
            where ${sql.raw(c.column)} is not null and ${sql.raw(c.column)} not like ${prefix + '%'}
            order by id limit ${batch}`,
      );
      if (list.length === 0) break;
      const plain = list.map((r) => keyring.decrypt(r.value));
      const enc = plain.map((p) => keyring.encrypt(p));
      const idx = plain.map((p) => keyring.blindIndex(p));
      await inTransaction(db, async (tx) => {
        await tx.execute(
          sql`update ${sql.raw(c.table)} t set ${sql.raw(c.column)} = s.enc
              ${c.indexColumn ? sql`, ${sql.raw(c.indexColumn)} = s.idx` : sql``}
              from unnest(${array(list.map((r) => r.id))}::text[], ${array(enc)}::text[], ${array(idx)}::text[]) as s(id, enc, idx)
              where t.id::text = s.id`,
        );
      });
      counts[name] += list.length;
      onProgress?.({ column: name, done: counts[name] });
    }
  }
  return counts;
}

/** Key ids still used by some row (after a finished rotation: only the current one). */
export async function keysInUse(db: Db): Promise<string[]> {
  const used = new Set<string>();
  for (const c of encryptedColumns()) {
    const list = await rows<{ k: string }>(
      db,
      sql`select distinct split_part(${sql.raw(c.column)}, ':', 1) as k from ${sql.raw(c.table)} where ${sql.raw(c.column)} is not null`,
    );
    for (const r of list) used.add(r.k);
  }
  return [...used];
}
