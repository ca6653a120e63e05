import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { array, one, rows } from '../db/sql';
import { significantPrefix } from '../access/scope';

export interface DivisionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_code: string | null;
  has_children: boolean;
}

const validOn = (alias: string, asOf: string) =>
  sql`(${sql.raw(alias)}.valid_from is null or ${sql.raw(alias)}.valid_from <= ${asOf}::date)
      and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to >= ${asOf}::date)`;

const hasChildren = (asOf: string) =>
  sql`exists (select 1 from division c where c.parent_code = d.code and ${validOn('c', asOf)}) as has_children`;

/**
 * Rows a scope may see: the scope and everything under it, plus its ancestors for navigation. A code that
 * ceased is visible when its successor is.
 */
export function visibleTo(scopeCode: string, alias = 'd'): SQL {
  const prefix = significantPrefix(scopeCode);
  const a = sql.raw(alias);
  // Ancestors by their significant digits (2/4/6/9/12): stripping trailing zeros would take 马营镇 610302100
  // for an ancestor of 石鼓镇 610302101.
  const ancestors = [2, 4, 6, 9, 12]
    .filter((n) => n < prefix.length)
    .map((n) => prefix.slice(0, n).padEnd(12, '0'));
  return sql`(${a}.code like ${prefix + '%'} or ${a}.successor_code like ${prefix + '%'}
     or ${a}.code = any(${array(ancestors)}::text[]))`;
}

/** The division named by `code` as it was on `asOf`, following re-codings backwards and forwards. */
export async function divisionAsOf(db: Db, code: string, asOf: string): Promise<DivisionRow | undefined> {
  // The common case — the code itself was valid that day — needs no walk along successors.
  const direct = await one<DivisionRow>(
    db,
    sql`select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successor_code, ${hasChildren(asOf)}
        from division d where d.code = ${code} and ${validOn('d', asOf)}`,
  );
  if (direct) return direct;
  return one<DivisionRow>(
    db,
    sql`with recursive back as (
          select code, successor_code, 0 as depth from division where code = ${code}
          union all
          select p.code, p.successor_code, b.depth + 1 from division p join back b on p.successor_code = b.code
          where b.depth < 10
        ), fwd as (
          select code, successor_code, 0 as depth from division where code = ${code}
          union all
          select n.code, n.successor_code, f.depth + 1 from division n join fwd f on n.code = f.successor_code
          where f.depth < 10
        ), chain as (select code, depth from back union select code, depth from fwd)
        select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successor_code,
               ${hasChildren(asOf)}
        from chain join division d using (code)
        where ${validOn('d', asOf)}
        order by chain.depth limit 1`,
  );
}

export async function childrenOf(
  db: Db,
  code: string,
  asOf: string,
  scopeCode: string,
): Promise<DivisionRow[]> {
  return rows<DivisionRow>(
    db,
    sql`select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successor_code, ${hasChildren(asOf)}
        from division d
        where d.parent_code = ${code} and ${validOn('d', asOf)} and ${visibleTo(scopeCode)}
        order by d.code`,
  );
}

export async function pathTo(db: Db, code: string, asOf: string): Promise<DivisionRow[]> {
  const list = await rows<DivisionRow & { depth: number }>(
    db,
    sql`with recursive up as (
          select d.*, 0 as depth from division d where d.code = ${code}
          union all
          select p.*, u.depth + 1 from division p join up u on p.code = u.parent_code where u.depth < 8
        )
        select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successor_code,
               ${hasChildren(asOf)}, d.depth
        from up d order by d.depth desc`,
  );
  return list.map(({ depth: _depth, ...r }) => r);
}

export async function searchDivisions(db: Db, q: string, scopeCode: string, limit: number, asOf: string) {
  const prefix = significantPrefix(scopeCode);
  const isCode = /^\d+$/.test(q);
  return rows<DivisionRow>(
    db,
    sql`select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successor_code, ${hasChildren(asOf)}
        from division d
        where d.code like ${prefix + '%'} and ${validOn('d', asOf)}
          and ${isCode ? sql`d.code like ${q + '%'}` : sql`strpos(d.name, ${q}) > 0`}
        order by length(rtrim(d.code, '0')), d.code
        limit ${limit}`,
  );
}
