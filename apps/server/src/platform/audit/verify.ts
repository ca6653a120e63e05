import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { one, rows } from '../db/sql';
import { CHAIN_COLUMNS, GENESIS, rowHash, type ChainRow } from './chain';

export interface VerifyProblem {
  seq: number;
  id: string | null;
  reason: 'altered' | 'missing' | 'broken-link' | 'head-missing';
}
export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem: VerifyProblem | null;
}

export interface VerifyProgress {
  checked: number;
  total: number;
}

/**
 * Walks the chain in seq order and recomputes every hash. The first row that was altered, or the place
 * where rows were deleted, is named; the newest checkpoint proves the newest rows were not cut off.
 */
export async function verifyAudit(
  db: Db,
  onProgress?: (p: VerifyProgress) => Promise<void> | void,
  batch = 5000,
): Promise<VerifyResult> {
  const count = await one<{ n: number; max: number | null }>(
    db,
    sql`select count(*)::int as n, max(seq)::bigint as max from audit_log where seq is not null`,
  );
  const total = count?.n ?? 0;
  let expectedSeq = 1;
  let prev = GENESIS;
  let checked = 0;
  for (;;) {
    const page = await rows<ChainRow>(
      db,
      sql`select ${sql.raw(CHAIN_COLUMNS)} from audit_log
          where seq >= ${expectedSeq} order by seq limit ${batch}`,
    );
    for (const r of page) {
      if (r.seq !== expectedSeq)
        return { ok: false, checked, problem: { seq: expectedSeq, id: null, reason: 'missing' } };
      if (r.prev_hash !== prev)
        return { ok: false, checked, problem: { seq: r.seq, id: r.id, reason: 'broken-link' } };
      if (rowHash(prev, r) !== r.hash)
        return { ok: false, checked, problem: { seq: r.seq, id: r.id, reason: 'altered' } };
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
    await onProgress?.({ checked, total });
    if (page.length < batch) break;
  }
  const head = await one<{ seq: number; hash: string }>(
    db,
    sql`select seq, hash from audit_checkpoint order by seq desc limit 1`,
  );
  if (head && (head.seq > expectedSeq - 1 || (head.seq === expectedSeq - 1 && head.hash !== prev)))
    return { ok: false, checked, problem: { seq: head.seq, id: null, reason: 'head-missing' } };
  return { ok: true, checked, problem: null };
}
