import type { PersonView } from '@minzheng/contracts';
import type { Db } from '../../platform/db/client';
import type { Actor } from '../../platform/access/actor';
import { fieldErrors, type FieldProblem } from '../../platform/http/errors';
import { businessToday } from '../../platform/calendar/today';
import { nameOf } from '../../platform/regions/service';
import { divisionAsOf } from '../../platform/regions/repo';
import { RegistryErrors } from './errors';
import { currentHouseholds, findPerson } from './repo';
import { toPersonView, type PersonRow } from './views';

/** Reading a person for the services: scope check, view with names, region checks. */
export async function view(db: Db, p: PersonRow): Promise<PersonView> {
  const hh = await currentHouseholds(db, [p.id]);
  return toPersonView(p, {
    hukouRegionName: await nameOf(db, p.hukouRegionCode),
    householdId: hh.get(p.id) ?? null,
  });
}

export async function getInScope(db: Db, actor: Actor, id: string): Promise<PersonRow> {
  const p = await findPerson(db, id, actor.scopeCode);
  if (!p) throw RegistryErrors.PERSON_NOT_FOUND();
  return p;
}

/** Region codes on a record name a current division (a grid code: its village). */
export async function assertDivisions(db: Db, codes: Record<string, string | null | undefined>) {
  const issues: FieldProblem[] = [];
  for (const [field, code] of Object.entries(codes)) {
    if (!code) continue;
    const d = await divisionAsOf(db, code.slice(0, 12), businessToday());
    if (d?.code !== code.slice(0, 12))
      issues.push({ field, zh: `区划 ${code} 不存在或已撤销`, en: `no current division ${code}` });
  }
  if (issues.length > 0) throw fieldErrors(issues);
}
