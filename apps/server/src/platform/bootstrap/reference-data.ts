import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { array, inTransaction } from '../db/sql';
import { readCsv } from '../assets';
import { roleDefinitions } from '../access/catalogue';
import { role, rolePermission, securityPolicy } from '../auth/schema';
import { DEFAULT_POLICY } from '../auth/repo';
import { loadCalendar } from '../calendar/service';
import type { DayKind } from '../calendar/rules';
import { loadDivisions } from '../regions/seed';

/** Built-in roles follow the code: permissions added or dropped by a release reach the database here. */
export async function syncRoles(db: Db) {
  await inTransaction(db, async (tx) => {
    for (const r of roleDefinitions()) {
      await tx
        .insert(role)
        .values({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, adminKind: r.adminKind })
        .onConflictDoUpdate({
          target: role.code,
          set: { nameZh: r.nameZh, nameEn: r.nameEn, adminKind: r.adminKind },
        });
      await tx.execute(
        sql`delete from role_permission where role_code = ${r.code} and permission <> all(${array(r.permissions)}::text[])`,
      );
      await tx
        .insert(rolePermission)
        .values(r.permissions.map((permission) => ({ roleCode: r.code, permission })))
        .onConflictDoNothing();
    }
  });
}

export async function ensurePolicy(db: Db) {
  const r = (await db.execute(sql`select count(*)::int as n from security_policy`)) as unknown as {
    rows: { n: number }[];
  };
  if ((r.rows[0]?.n ?? 0) === 0)
    await db.insert(securityPolicy).values({ ...DEFAULT_POLICY, validFrom: new Date(0) });
}

/** Everything the product needs before its first request, idempotent at every start. */
export async function loadReferenceData(db: Db, opts: { divisions?: 'current' | 'before-2021' } = {}) {
  await syncRoles(db);
  await ensurePolicy(db);
  const days = readCsv('data/cn-public-holidays.csv').map((r) => ({
    date: r.date!,
    kind: r.kind as DayKind,
    name: r.name!,
  }));
  await loadCalendar(db, days);
  await loadDivisions(db, { stage: opts.divisions ?? 'current' });
}
