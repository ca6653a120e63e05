import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { readCsv } from '../assets';
import { one } from '../db/sql';
import { SYSTEM_ACTOR } from '../access/actor';
import { division } from './schema';
import { changeDivision } from './service';

export const FENGXIANG_CHANGE = {
  fromCode: '610322000000',
  toCode: '610305000000',
  newName: '凤翔区',
  effectiveDate: '2021-01-29',
  reason: '国务院批复撤销凤翔县，设立宝鸡市凤翔区 / State Council approval: 凤翔县 becomes 凤翔区',
};

/**
 * Loads the Baoji division tree (NBS 2023 codes) when the table is empty. The tree is loaded as it stood
 * before 2021 (凤翔县 610322) and, for the `current` stage, the real division change is then applied, so the
 * history the product keeps is the history that happened.
 */
export async function loadDivisions(
  db: Db,
  opts: { stage: 'current' | 'before-2021' } = { stage: 'current' },
) {
  const existing = await one<{ n: number }>(db, sql`select count(*)::int as n from division`);
  if ((existing?.n ?? 0) > 0) return 0;
  const list = readCsv('data/baoji-divisions-2023.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    level: r.level!,
    parentCode: r.parent_code || null,
  }));
  const before2021 = (c: string | null) => (c && c.startsWith('610305') ? '610322' + c.slice(6) : c);
  const rowsToLoad = list.map((r) => ({
    ...r,
    code: before2021(r.code)!,
    parentCode: before2021(r.parentCode),
    name: r.code === '610305000000' ? '凤翔县' : r.name,
  }));
  for (let i = 0; i < rowsToLoad.length; i += 500)
    await db.insert(division).values(rowsToLoad.slice(i, i + 500));
  if (opts.stage === 'current') {
    await changeDivision(db, { ...SYSTEM_ACTOR, scopeCode: '610000000000' }, FENGXIANG_CHANGE);
  }
  return list.length;
}
