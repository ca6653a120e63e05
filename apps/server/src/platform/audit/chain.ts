import { createHash } from 'node:crypto';

/** The audit row as text, exactly as the database renders it, so the hash does not depend on drivers. */
export interface ChainRow {
  id: string;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  address: string | null;
  outcome: string;
  region_code: string | null;
}

export const GENESIS = '0'.repeat(64);

export function rowHash(prevHash: string, r: ChainRow): string {
  const content = JSON.stringify([
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.entity_type,
    r.entity_id,
    r.before,
    r.after,
    r.address,
    r.outcome,
    r.region_code,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** SELECT list that renders a row for hashing (UTC, microseconds, canonical jsonb text). */
export const CHAIN_COLUMNS = `id::text as id, seq, prev_hash, hash,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  actor_id::text as actor_id, actor_name, action, entity_type, entity_id,
  before::text as before, after::text as after, address, outcome, region_code`;
