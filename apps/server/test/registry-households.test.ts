import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../src/modules/registry/id-number';
import { call, login, testServer, type Session } from './app';
import { auditRowsOf, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let city: Session;
let county: Session;
let township: Session;
let village: Session;
beforeAll(async () => {
  server = await testServer();
  [city, county, township, village] = await Promise.all([
    login(server.app, 'city'),
    login(server.app, 'county'),
    login(server.app, 'township'),
    login(server.app, 'village'),
  ]);
});
afterAll(() => server.close());

const V1 = '610302001001'; // 金陵街道 新建路东段社区 (the village user's scope)
const V2 = '610302001002'; // 金陵街道 新开路社区
const CHENCANG = '610304001001'; // 陈仓区

let seq = 1;
/** A fresh valid ID number born on `birth` (YYYYMMDD), male or female. */
function idFor(birth: string, sex: '1' | '2', address = '610302'): string {
  const n = seq++ * 2 + (sex === '1' ? 1 : 0);
  const first17 = `${address}${birth}${String(n).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Issue = { field: string; message: string };

const post = (s: Session, url: string, body: unknown) => call(server.app, s, 'POST', url, body);
const get = (s: Session, url: string) => call(server.app, s, 'GET', url);
const person = async (s: Session, name: string, birth: string, sex: '1' | '2', region = V1): Promise<Json> =>
  expectOk(await post(s, '/api/v1/persons', { name, idNumber: idFor(birth, sex), hukouRegionCode: region }));
const noIdPerson = async (s: Session, name: string, birthDate: string, region = V1): Promise<Json> =>
  expectOk(
    await post(s, '/api/v1/persons', {
      name,
      noIdReason: '未办理',
      sex: '1',
      birthDate,
      hukouRegionCode: region,
    }),
  );
const household = async (
  s: Session,
  headPersonId: string,
  members: { personId: string; relation: string }[],
  regionCode = V1,
): Promise<Json> =>
  expectOk(
    await post(s, '/api/v1/households', {
      headPersonId,
      address: '金陵街道新建路 1 号',
      regionCode,
      urbanRural: 'urban',
      members,
    }),
  );
const leave = (s: Session, h: Json, personId: string, version = h.version) =>
  post(s, `/api/v1/households/${h.id}/members/${personId}/leave`, {
    leftOn: '2026-02-01',
    reason: '婚嫁迁出',
    version,
  });
const memberOf = (h: Json, personId: string) => h.members.find((m: Json) => m.personId === personId);

describe('households', () => {
  let head: Json, wife: Json, son: Json, daughter: Json, h: Json;
  beforeAll(async () => {
    head = await person(village, '户主甲', '19600101', '1');
    wife = await person(village, '配偶乙', '19620202', '2');
    son = await person(village, '儿子丙', '19850303', '1');
    daughter = await person(village, '女儿丁', '19880404', '2');
    h = await household(village, head.id, [
      { personId: wife.id, relation: '10' },
      { personId: son.id, relation: '20' },
      { personId: daughter.id, relation: '30' },
    ]);
  });

  it('are created with the head and members by their GB/T 4761 relation', async () => {
    expect(h).toMatchObject({
      headPersonId: head.id,
      headName: '户主甲',
      regionCode: V1,
      urbanRural: 'urban',
      version: 1,
    });
    expect(h.number).toMatch(/^HH-610302-\d{7}$/);
    expect(h.regionName).toMatch(/新建路东段社区/);
    expect(h.members.map((m: Json) => [m.name, m.relation, m.leftOn])).toEqual([
      ['户主甲', '02', null],
      ['配偶乙', '10', null],
      ['儿子丙', '20', null],
      ['女儿丁', '30', null],
    ]);
    expect(memberOf(h, son.id).idNumberMasked).toMatch(/^610302\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(h)).not.toMatch(/\d{17}[\dX]/); // no plain ID number in the household view
    expect(expectOk(await get(village, `/api/v1/persons/${son.id}`)).householdId).toBe(h.id);
    expect(expectOk(await get(township, `/api/v1/households/${h.id}`))).toEqual(h);
    const audit = (await auditRowsOf(server.app.ctx.db, 'household.create')).filter(
      (r) => r.entity_id === h.id,
    );
    expect(audit).toHaveLength(1);
  });

  it('refuse a relation outside GB/T 4761, and a second head', async () => {
    const a = await person(village, '关系甲', '19700101', '1');
    const b = await person(village, '关系乙', '19700102', '1');
    for (const relation of ['2', '00', '02', '98', 'ab']) {
      const err = expectError(
        await post(village, '/api/v1/households', {
          headPersonId: a.id,
          address: '测试地址',
          regionCode: V1,
          urbanRural: 'urban',
          members: [{ personId: b.id, relation }],
        }),
        400,
        'HTTP_VALIDATION',
      );
      expect(
        (err.details as Issue[]).map((i) => i.field),
        relation,
      ).toEqual(['members.0.relation']);
    }
    expect(expectOk(await get(village, `/api/v1/persons/${a.id}`)).householdId).toBeNull();
  });

  it('keep a leaving member in the history, with date and reason', async () => {
    const after = expectOk(await leave(village, h, daughter.id));
    expect(after.version).toBe(h.version + 1);
    expect(after.members).toHaveLength(4);
    expect(memberOf(after, daughter.id)).toMatchObject({
      leftOn: '2026-02-01',
      leaveReason: '婚嫁迁出',
      relation: '30',
    });
    expect(memberOf(after, son.id).leftOn).toBeNull();
    expect(expectOk(await get(village, `/api/v1/persons/${daughter.id}`)).householdId).toBeNull();
    const audit = (await auditRowsOf(server.app.ctx.db, 'household.member-leave')).filter(
      (r) => r.entity_id === h.id,
    );
    expect(audit).toHaveLength(1);
    // Leaving twice: she is no longer a current member.
    expectError(await leave(village, after, daughter.id), 404, 'REGISTRY_NOT_MEMBER');
    h = expectOk(await get(village, `/api/v1/households/${h.id}`));
  });

  it('refuse a stale version on leave (409) and change nothing', async () => {
    expectError(await leave(village, h, son.id, h.version - 1), 409, 'HTTP_STALE_VERSION');
    const now = expectOk(await get(village, `/api/v1/households/${h.id}`));
    expect(memberOf(now, son.id).leftOn).toBeNull();
    expect(now.version).toBe(h.version);
  });

  it('do not let the head leave (409)', async () => {
    expectError(await leave(village, h, head.id), 409, 'REGISTRY_HEAD_CANNOT_LEAVE');
  });

  it('hold a person in one household at a time (409); after leaving, one may join another', async () => {
    const other = await person(village, '邻居戊', '19700505', '1');
    expectError(
      await post(village, '/api/v1/households', {
        headPersonId: other.id,
        address: '金陵街道新建路 2 号',
        regionCode: V1,
        urbanRural: 'urban',
        members: [{ personId: son.id, relation: '99' }],
      }),
      409,
      'REGISTRY_ALREADY_MEMBER',
    );
    // Nothing was created: the neighbour can still head a household.
    expect(expectOk(await get(village, `/api/v1/persons/${other.id}`)).householdId).toBeNull();
    expectError(
      await post(village, '/api/v1/households', {
        headPersonId: wife.id,
        address: '金陵街道新建路 3 号',
        regionCode: V1,
        urbanRural: 'urban',
      }),
      409,
      'REGISTRY_ALREADY_MEMBER',
    );
    const h2 = await household(village, other.id, [{ personId: daughter.id, relation: '10' }]);
    expectError(
      await post(village, `/api/v1/households/${h2.id}/members`, { personId: son.id, relation: '70' }),
      409,
      'REGISTRY_ALREADY_MEMBER',
    );
    expect(expectOk(await get(village, `/api/v1/persons/${daughter.id}`)).householdId).toBe(h2.id);
    // The first household still shows her, as a former member.
    const first = expectOk(await get(village, `/api/v1/households/${h.id}`));
    expect(memberOf(first, daughter.id).leftOn).toBe('2026-02-01');
  });

  it('add a member who belongs nowhere', async () => {
    const baby = await noIdPerson(village, '孙子己', '2025-10-01');
    const after = expectOk(
      await post(village, `/api/v1/households/${h.id}/members`, {
        personId: baby.id,
        relation: '41',
        joinedOn: '2025-10-20',
        reason: '出生',
      }),
    );
    expect(memberOf(after, baby.id)).toMatchObject({
      relation: '41',
      joinedOn: '2025-10-20',
      joinReason: '出生',
    });
    expect(after.version).toBe(h.version + 1);
    h = after;
  });

  it('are invisible out of scope', async () => {
    const chen = await person(city, '陈仓户主', '19700606', '1', CHENCANG);
    const far = await household(city, chen.id, [], CHENCANG);
    expectError(await get(county, `/api/v1/households/${far.id}`), 404, 'REGISTRY_HOUSEHOLD_NOT_FOUND');
    expectError(await leave(county, far, chen.id), 404, 'REGISTRY_HOUSEHOLD_NOT_FOUND');
    const v2 = await person(township, '新开路户主', '19700707', '1', V2);
    const near = await household(township, v2.id, [], V2);
    expectError(await get(village, `/api/v1/households/${near.id}`), 404, 'REGISTRY_HOUSEHOLD_NOT_FOUND');
  });
});

describe('likely duplicates and merge', () => {
  let naA: Json, naB: Json, zhang: Json, zhang2: Json, pengV1: Json, pengV2: Json, chenA: Json, chenB: Json;
  let hh: Json;
  const dups = async (s: Session) =>
    (expectOk(await get(s, '/api/v1/persons/duplicates')) as Json[]).map((d) => ({
      kind: d.kind,
      ids: [d.a.id, d.b.id].sort(),
    }));
  const pair = (kind: string, a: Json, b: Json) => ({ kind, ids: [a.id, b.id].sort() });

  beforeAll(async () => {
    naA = await person(village, '李娜', '19850505', '2');
    naB = await person(township, '李娜', '19850505', '2', V2); // another ID, another village
    zhang = await person(village, '张三', '19900909', '1');
    zhang2 = await noIdPerson(village, '章三', '1990-09-09'); // pinyin-equal, same birth, same village
    pengV1 = await person(village, '彭磊', '19910101', '1');
    pengV2 = await person(township, '蓬磊', '19910101', '1', V2); // pinyin-equal, other village: not listed
    chenA = await person(city, '王强', '19800808', '1', CHENCANG);
    chenB = await person(city, '王强', '19800808', '1', CHENCANG);
    // 李娜 (B) lives in a household the merge must hand over to the survivor.
    const husband = await person(township, '赵刚', '19840404', '1', V2);
    hh = await household(township, husband.id, [{ personId: naB.id, relation: '12' }], V2);
  });

  it('lists same name + birth date with different IDs, and pinyin-equal names born the same day in one village', async () => {
    const found = await dups(county);
    expect(found).toContainEqual(pair('same-name-birth', naA, naB));
    expect(found).toContainEqual(pair('same-pinyin-birth-village', zhang, zhang2));
    const flat = found.flatMap((d) => d.ids);
    expect(flat).not.toContain(pengV1.id);
    expect(flat).not.toContain(pengV2.id);
    // 陈仓区 is outside the county user's scope; the city sees it.
    expect(flat).not.toContain(chenA.id);
    expect(await dups(city)).toContainEqual(pair('same-name-birth', chenA, chenB));
  });

  it('are for county and city staff only', async () => {
    expectError(await get(township, '/api/v1/persons/duplicates'), 403, 'HTTP_FORBIDDEN');
    expectError(await get(village, '/api/v1/persons/duplicates'), 403, 'HTTP_FORBIDDEN');
    expectError(
      await post(township, '/api/v1/persons/merge', { keepId: naA.id, dropId: naB.id, reason: '重复登记' }),
      403,
      'HTTP_FORBIDDEN',
    );
  });

  it('merge keeps both records: the dropped one is marked, leaves search, and hands over its household', async () => {
    const kept = expectOk(
      await post(county, '/api/v1/persons/merge', { keepId: naA.id, dropId: naB.id, reason: '重复登记' }),
    );
    expect(kept).toMatchObject({ id: naA.id, mergedInto: null, householdId: hh.id });
    const dropped = expectOk(await get(county, `/api/v1/persons/${naB.id}`));
    expect(dropped).toMatchObject({ mergedInto: naA.id, householdId: null, version: naB.version + 1 });
    const found = expectOk(await get(county, `/api/v1/persons?q=${encodeURIComponent('李娜')}`)).items;
    expect(found.map((p: Json) => p.id)).toEqual([naA.id]);
    const byPinyin = expectOk(await get(county, '/api/v1/persons?q=lina')).items.map((p: Json) => p.id);
    expect(byPinyin).toContain(naA.id);
    expect(byPinyin).not.toContain(naB.id);
    // The household lists the survivor in the dropped record's place, with its relation.
    const house = expectOk(await get(county, `/api/v1/households/${hh.id}`));
    expect(memberOf(house, naA.id)).toMatchObject({ relation: '12', leftOn: null });
    expect(memberOf(house, naB.id)).toBeUndefined();
    // The pair leaves the duplicates list.
    expect((await dups(county)).flatMap((d) => d.ids)).not.toContain(naB.id);

    const audit = (await auditRowsOf(server.app.ctx.db, 'person.merge')).filter(
      (r) => r.entity_id === naA.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: county.user.id,
      entity_type: 'person',
      after: { mergedInto: naA.id, dropped: naB.id, reason: '重复登记' },
    });
    expect(audit[0]!.before).toMatchObject({ keep: { id: naA.id }, drop: { id: naB.id } });
  });

  it('refuses merging a record into itself (400) and merging a merged record (409)', async () => {
    expectError(
      await post(county, '/api/v1/persons/merge', { keepId: naA.id, dropId: naA.id, reason: '重复登记' }),
      400,
      'REGISTRY_MERGE_SAME',
    );
    expectError(
      await post(county, '/api/v1/persons/merge', { keepId: naA.id, dropId: naB.id, reason: '重复登记' }),
      409,
      'REGISTRY_MERGED',
    );
    expectError(
      await post(county, '/api/v1/persons/merge', { keepId: naB.id, dropId: zhang.id, reason: '重复登记' }),
      409,
      'REGISTRY_MERGED',
    );
    expectError(
      await call(server.app, county, 'PATCH', `/api/v1/persons/${naB.id}`, { name: '李娜二', version: 2 }),
      409,
      'REGISTRY_MERGED',
    );
  });

  it('refuses merging two people who each live in a household (409), changing nothing', async () => {
    const h1 = await household(village, zhang.id, []);
    const h2 = await household(village, zhang2.id, []);
    expectError(
      await post(county, '/api/v1/persons/merge', {
        keepId: zhang.id,
        dropId: zhang2.id,
        reason: '重复登记',
      }),
      409,
      'REGISTRY_ALREADY_MEMBER',
    );
    expect(expectOk(await get(county, `/api/v1/persons/${zhang2.id}`))).toMatchObject({
      mergedInto: null,
      householdId: h2.id,
    });
    expect(expectOk(await get(county, `/api/v1/households/${h1.id}`)).members).toHaveLength(1);
  });

  it('cannot reach out of scope', async () => {
    expectError(
      await post(county, '/api/v1/persons/merge', { keepId: chenA.id, dropId: chenB.id, reason: '重复登记' }),
      404,
      'REGISTRY_PERSON_NOT_FOUND',
    );
    expect(
      expectOk(
        await post(city, '/api/v1/persons/merge', { keepId: chenA.id, dropId: chenB.id, reason: '重复登记' }),
      ).id,
    ).toBe(chenA.id);
  });
});
