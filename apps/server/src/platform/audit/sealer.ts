import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { array, inTransaction, one, rows } from '../db/sql';
import { CHAIN_COLUMNS, GENESIS, rowHash, type ChainRow } from './chain';

const SEAL_LOCK = 7_361_002;

/**
 * Chains unsealed audit rows in the order their transactions became visible. Writers never wait on the
 * chain head: only this pass, guarded by an advisory lock so one server seals at a time, touches it.
 * Returns how many rows it sealed.
 */
export async function sealAudit(db: Db, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await inTransaction(db, async (tx) => {
      const lock = await one<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`);
      if (!lock?.ok) return 0;
      const head = await one<{ seq: number; hash: string }>(
        tx,
        sql`select seq, hash from audit_log where seq is not null order by seq desc limit 1`,
      );
      const pending = await rows<ChainRow>(
        tx,
        sql`select ${sql.raw(CHAIN_COLUMNS)} from audit_log where seq is null order by id limit ${batch}`,
      );
      if (pending.length === 0) return 0;
      let seq = head?.seq ?? 0;
      let prev = head?.hash ?? GENESIS;
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of pending) {
        seq += 1;
        const hash = rowHash(prev, r);
        ids.push(r.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.execute(sql`
        update audit_log a set seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
        from unnest(${array(ids)}::bigint[], ${array(seqs)}::bigint[], ${array(prevs)}::text[], ${array(hashes)}::text[])
          as s(id, seq, prev_hash, hash)
        where a.id = s.id`);
      await tx.execute(sql`insert into audit_checkpoint (seq, hash) values (${seq}, ${prev})`);
      return pending.length;
    });
    total += sealed;
    if (sealed < batch) return total;
  }
}
