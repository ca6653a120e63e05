import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { one, rows } from '../src/platform/db/sql';
import { loadDivisions, FENGXIANG_CHANGE } from '../src/platform/regions/seed';
import { changeDivision } from '../src/platform/regions/service';
import { registerRegionColumn } from '../src/platform/regions/recode-registry';
import { SYSTEM_ACTOR } from '../src/platform/access/actor';
import { call, login, testServer, type Session } from './app';
import { freshDatabase } from './db';
import { adminsOf, auditRowsOf, createUserAs, expectError, expectOk, firstLogin } from './helpers-platform';

type Division = {
  code: string;
  name: string;
  level: string;
  validTo: string | null;
  successorCode: string | null;
};

describe('the seeded divisions carry the 凤翔 change of 2021', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let s: Session;
  beforeAll(async () => {
    server = await testServer();
    s = await login(server.app, 'city');
  });
  afterAll(() => server.close());
  const get = async (url: string) => expectOk(await call(server.app, s, 'GET', url));

  it('names 城关镇 as it was in 2020: code 610322100000 under 凤翔县', async () => {
    const then = await get('/api/v1/regions/610305100000?asOf=2020-06-01');
    expect(then).toMatchObject({
      code: '610322100000',
      name: '城关镇',
      validTo: '2021-01-28',
      successorCode: '610305100000',
    });
    const path = await get('/api/v1/regions/610305100000/path?asOf=2020-06-01');
    expect(path.map((d: Division) => d.name).join('/')).toBe('宝鸡市/凤翔县/城关镇');
    expect(path.map((d: Division) => d.code)).toEqual(['610300000000', '610322000000', '610322100000']);
  });

  it('names it today under 凤翔区 610305', async () => {
    const now = await get('/api/v1/regions/610305100000');
    expect(now).toMatchObject({ code: '610305100000', name: '城关镇', validTo: null, successorCode: null });
    const path = await get('/api/v1/regions/610305100000/path');
    expect(path.map((d: Division) => d.name).join('/')).toBe('宝鸡市/凤翔区/城关镇');
    // The old code still resolves, to today's division.
    expect((await get('/api/v1/regions/610322100000')).code).toBe('610305100000');
  });

  it('switches on the effective date', async () => {
    expect((await get('/api/v1/regions/610305000000?asOf=2021-01-28')).name).toBe('凤翔县');
    expect((await get('/api/v1/regions/610305000000?asOf=2021-01-29')).name).toBe('凤翔区');
    const counties2020 = await get('/api/v1/regions/610300000000/children?asOf=2020-06-01');
    const codes2020 = counties2020.map((d: Division) => d.code);
    expect(codes2020).toContain('610322000000');
    expect(codes2020).not.toContain('610305000000');
    expect(counties2020).toHaveLength(12);
  });

  it('lists the change', async () => {
    const changes = await get('/api/v1/regions/changes');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      fromCode: '610322000000',
      toCode: '610305000000',
      newName: '凤翔区',
      effectiveDate: '2021-01-29',
    });
  });
});

describe('re-coding a division (撤县设区) as the system administrator', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let sys: Session;
  let fengxiang: Session;
  let subtree: number;
  let userIds: string[];
  const db = () => server.database.db;
  const snapshot = async () =>
    (await one<{ n: number; h: string }>(
      db(),
      sql`select count(*)::int as n, md5(string_agg(code || name || coalesce(valid_to::text, '-') || coalesce(successor_code, '-'), ',' order by code)) as h
          from division`,
    ))!;
  const scopesOf = async () =>
    (
      await rows<{ scope_code: string }>(
        db(),
        sql`select scope_code from user_account where username like 'fx.%' order by username`,
      )
    ).map((r) => r.scope_code);

  beforeAll(async () => {
    // The tree as it stood before 2021: 凤翔县 610322 is current and nothing has been re-coded yet.
    const database = await freshDatabase();
    await database.db.execute(sql`delete from division_change`);
    await database.db.execute(sql`delete from division`);
    await loadDivisions(database.db, { stage: 'before-2021' });
    server = await testServer({ database });
    ({ sys } = await adminsOf(server.app));
    const a = await createUserAs(server.app, sys, {
      username: 'fx.chengguan',
      roles: ['township_staff'],
      scopeCode: '610322100000',
    });
    const b = await createUserAs(server.app, sys, {
      username: 'fx.county',
      roles: ['county_staff'],
      scopeCode: '610322000000',
    });
    userIds = [a.id, b.id];
    fengxiang = await firstLogin(server.app, 'fx.chengguan');
    // A live case in a village of 凤翔县, which must follow the new code.
    await db().execute(
      sql`insert into workflow_instance (case_type, entity_id, state, region_code) values ('test.case', 'fx-1', 'open', '610322100001')`,
    );
    subtree = (await one<{ n: number }>(
      db(),
      sql`select count(*)::int as n from division where code like '610322%'`,
    ))!.n;
  });
  afterAll(() => server.close());

  it('starts from 凤翔县 with no 610305 codes', async () => {
    expect(subtree).toBeGreaterThan(100);
    expect(
      (await one<{ n: number }>(
        db(),
        sql`select count(*)::int as n from division where code like '610305%'`,
      ))!.n,
    ).toBe(0);
    expect(expectOk(await call(server.app, fengxiang, 'GET', '/api/v1/auth/me')).user.scopeName).toBe(
      '城关镇',
    );
  });

  it('changes nothing when a step fails mid-way', async () => {
    // A table of live records whose rows cannot take the new code: the re-coding fails after the division
    // rows were already written, inside the same transaction.
    await db().execute(
      sql`create table recode_probe (region_code text check (region_code not like '610305%'), updated_at timestamptz)`,
    );
    await db().execute(sql`insert into recode_probe values ('610322100000', now())`);
    registerRegionColumn('recode_probe', 'region_code');
    const before = await snapshot();
    const auditBefore = (await auditRowsOf(db(), 'region.change')).length;
    await expect(
      changeDivision(db(), { ...SYSTEM_ACTOR, scopeCode: '610300000000' }, FENGXIANG_CHANGE),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect(await scopesOf()).toEqual(['610322100000', '610322000000']);
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from division_change`))!.n).toBe(0);
    expect((await auditRowsOf(db(), 'region.change')).length).toBe(auditBefore);
    await db().execute(sql`delete from recode_probe`);
  });

  it('answers 409 REGION_CODE_TAKEN when the new code exists, changing nothing', async () => {
    const before = await snapshot();
    const res = await call(server.app, sys, 'POST', '/api/v1/regions/changes', {
      ...FENGXIANG_CHANGE,
      toCode: '610304000000',
    });
    expectError(res, 409, 'REGION_CODE_TAKEN');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses codes of different levels or parents', async () => {
    const township = await call(server.app, sys, 'POST', '/api/v1/regions/changes', {
      ...FENGXIANG_CHANGE,
      toCode: '610305100000',
    });
    expectError(township, 400, 'REGION_LEVEL_MISMATCH');
    const otherCity = await call(server.app, sys, 'POST', '/api/v1/regions/changes', {
      ...FENGXIANG_CHANGE,
      toCode: '610405000000',
    });
    expectError(otherCity, 400, 'REGION_LEVEL_MISMATCH');
    expectError(
      await call(server.app, sys, 'POST', '/api/v1/regions/changes', {
        ...FENGXIANG_CHANGE,
        fromCode: '610399000000',
      }),
      404,
      'REGION_NOT_FOUND',
    );
  });

  it('re-codes the county, its subtree and the live records in one step', async () => {
    const res = expectOk(await call(server.app, sys, 'POST', '/api/v1/regions/changes', FENGXIANG_CHANGE));
    expect(res.divisionsRecoded).toBe(subtree);
    expect(res.recordsRecoded).toMatchObject({
      'user_account.scope_code': 2,
      'workflow_instance.region_code': 1,
      'job.region_code': 0,
      'recode_probe.region_code': 0,
    });
    expect(await scopesOf()).toEqual(['610305100000', '610305000000']);
    const [wf] = await rows<{ region_code: string }>(
      db(),
      sql`select region_code from workflow_instance where entity_id = 'fx-1'`,
    );
    expect(wf!.region_code).toBe('610305100001');
    // The new subtree mirrors the old one, valid from the effective date; the old rows closed the day before.
    const counts = (await one<{ fresh: number; closed: number }>(
      db(),
      sql`select count(*) filter (where code like '610305%' and valid_from = '2021-01-29' and valid_to is null)::int as fresh,
                 count(*) filter (where code like '610322%' and valid_to = '2021-01-28' and successor_code = '610305' || substr(code, 7))::int as closed
          from division`,
    ))!;
    expect(counts).toEqual({ fresh: subtree, closed: subtree });
  });

  it('moves the users of 凤翔县 to the new codes without a new login', async () => {
    const me = expectOk(await call(server.app, fengxiang, 'GET', '/api/v1/auth/me')).user;
    expect(me).toMatchObject({ scopeCode: '610305100000', scopeName: '城关镇', scopeLevel: 'township' });
    const path = expectOk(await call(server.app, fengxiang, 'GET', '/api/v1/regions/610305100000/path'));
    expect(path.map((d: Division) => d.name).join('/')).toBe('宝鸡市/凤翔区/城关镇');
    const list = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?q=fx.'));
    expect(list.items.map((u: { id: string; scopeCode: string }) => [u.id, u.scopeCode])).toEqual([
      [userIds[0], '610305100000'],
      [userIds[1], '610305000000'],
    ]);
  });

  it('still shows 凤翔县 as of 2020', async () => {
    const then = expectOk(await call(server.app, sys, 'GET', '/api/v1/regions/610305000000?asOf=2020-06-01'));
    expect(then).toMatchObject({ code: '610322000000', name: '凤翔县' });
    const path = expectOk(
      await call(server.app, sys, 'GET', '/api/v1/regions/610305100000/path?asOf=2020-06-01'),
    );
    expect(path.map((d: Division) => d.name).join('/')).toBe('宝鸡市/凤翔县/城关镇');
    const now = expectOk(await call(server.app, sys, 'GET', '/api/v1/regions/610322000000'));
    expect(now).toMatchObject({ code: '610305000000', name: '凤翔区' });
  });

  it('records the change and its audit row', async () => {
    const changes = expectOk(await call(server.app, sys, 'GET', '/api/v1/regions/changes'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      fromCode: '610322000000',
      toCode: '610305000000',
      actorName: 'sysadmin',
    });
    const [audit] = (await auditRowsOf(db(), 'region.change')).filter((r) => r.actor_name === 'sysadmin');
    expect(audit).toMatchObject({
      entity_id: '610322000000',
      before: { name: '凤翔县' },
      after: { code: '610305000000', name: '凤翔区' },
    });
  });

  it('answers a second identical change with 409, changing nothing', async () => {
    const before = await snapshot();
    const res = await call(server.app, sys, 'POST', '/api/v1/regions/changes', FENGXIANG_CHANGE);
    expectError(res, 409, 'REGION_NOT_CURRENT');
    expect(await snapshot()).toEqual(before);
    expect((await one<{ n: number }>(db(), sql`select count(*)::int as n from division_change`))!.n).toBe(1);
  });

  it('is refused to business staff', async () => {
    const county = await login(server.app, 'county');
    const res = await call(server.app, county, 'POST', '/api/v1/regions/changes', {
      ...FENGXIANG_CHANGE,
      fromCode: '610302000000',
      toCode: '610306000000',
    });
    expectError(res, 403, 'HTTP_FORBIDDEN');
  });
});
