import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/platform/db/sql';
import { createKeyring } from '../src/platform/crypto/keyring';
import { checkCharacter } from '../src/modules/registry/id-number';
import { namePinyin } from '../src/modules/registry/names';
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
const JINGER = '610302002001'; // 经二路街道, another township of 渭滨区
const CHENCANG = '610304001001'; // 陈仓区, another county

/** A valid 18-character ID number: address code, birth date, sequence (odd = male) and its check character. */
function idFor(address: string, birth: string, seq: number): string {
  const first17 = `${address}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Person = any;
type Issue = { field: string; message: string };

const post = (s: Session, url: string, body: unknown) => call(server.app, s, 'POST', url, body);
const get = (s: Session, url: string) => call(server.app, s, 'GET', url);
const createPerson = async (s: Session, body: Record<string, unknown>): Promise<Person> =>
  expectOk(await post(s, '/api/v1/persons', { hukouRegionCode: V1, ...body }));
const search = async (s: Session, query: Record<string, string>): Promise<Person[]> =>
  expectOk(await get(s, `/api/v1/persons?${new URLSearchParams({ limit: '200', ...query })}`)).items;
const namesFound = async (s: Session, q: string) => (await search(s, { q })).map((p) => p.name).sort();

describe('ID number rules on registration', () => {
  it('derives sex and birth date from 11010519491231002x (lower-case x normalised to X)', async () => {
    const p = await createPerson(village, { name: '王秀英', idNumber: '11010519491231002x' });
    expect(p).toMatchObject({
      sex: '2',
      birthDate: '1949-12-31',
      idNumberMasked: '110105********002X',
      hukouRegionCode: V1,
      livingStatus: 'alive',
      noIdReason: null,
    });
    expect(p.hukouRegionName).toMatch(/新建路东段社区/);
  });

  it('accepts 440524188001010014 (male, born 1880)', async () => {
    const p = await createPerson(city, { name: '陈老汉', idNumber: '440524188001010014' });
    expect(p).toMatchObject({ sex: '1', birthDate: '1880-01-01' });
  });

  it('refuses a wrong check character and a birth date 19800231', async () => {
    expectError(
      await post(village, '/api/v1/persons', {
        name: '错码',
        idNumber: '110105194912310021',
        hukouRegionCode: V1,
      }),
      400,
      'REGISTRY_ID_CHECK_CHARACTER',
    );
    expectError(
      await post(village, '/api/v1/persons', {
        name: '错日',
        idNumber: idFor('610302', '19800231', 1),
        hukouRegionCode: V1,
      }),
      400,
      'REGISTRY_ID_BIRTH_DATE',
    );
    expectError(
      await post(village, '/api/v1/persons', { name: '短号', idNumber: '6103021980', hukouRegionCode: V1 }),
      400,
      'REGISTRY_ID_FORMAT',
    );
  });

  it('upgrades a legacy 15-digit number to 18 characters', async () => {
    const p = await createPerson(village, { name: '刘旧号', idNumber: '610302800101123' });
    expect(p).toMatchObject({ idNumberMasked: '610302********1238', birthDate: '1980-01-01', sex: '1' });
  });

  it('accepts the address code 610322 of 凤翔县, which is no longer a current division', async () => {
    const p = await createPerson(city, {
      name: '凤翔人',
      idNumber: idFor('610322', '19700101', 1),
      hukouRegionCode: '610305100001',
    });
    expect(p.idNumberMasked).toBe('610322********0017');
  });

  it('cross-checks an entered sex and birth date against the ID number', async () => {
    const idNumber = idFor('610302', '19900101', 123); // male
    expectError(
      await post(village, '/api/v1/persons', { name: '错性', idNumber, sex: '2', hukouRegionCode: V1 }),
      400,
      'REGISTRY_SEX_MISMATCH',
    );
    expectError(
      await post(village, '/api/v1/persons', {
        name: '错生',
        idNumber,
        birthDate: '1990-01-02',
        hukouRegionCode: V1,
      }),
      400,
      'REGISTRY_BIRTH_MISMATCH',
    );
    const p = await createPerson(village, { name: '对的', idNumber, sex: '1', birthDate: '1990-01-01' });
    expect(p.sex).toBe('1');
  });

  it('registers a person without an ID number when a reason, sex and birth date are given', async () => {
    const p = await createPerson(village, {
      name: '小宝',
      noIdReason: '新生儿尚未落户',
      sex: '2',
      birthDate: '2025-11-30',
    });
    expect(p).toMatchObject({ idNumberMasked: null, noIdReason: '新生儿尚未落户', sex: '2' });
    expectError(
      await post(village, '/api/v1/persons', {
        name: '无号',
        sex: '1',
        birthDate: '2025-11-30',
        hukouRegionCode: V1,
      }),
      400,
      'REGISTRY_ID_OR_REASON',
    );
    expectError(
      await post(village, '/api/v1/persons', {
        name: '无号',
        noIdReason: '新生儿',
        sex: '1',
        hukouRegionCode: V1,
      }),
      400,
      'REGISTRY_NO_ID_NEEDS_BIRTH',
    );
    expectError(
      await post(village, '/api/v1/persons', {
        name: '无号',
        noIdReason: '新生儿',
        birthDate: '2025-11-30',
        hukouRegionCode: V1,
      }),
      400,
      'REGISTRY_NO_ID_NEEDS_BIRTH',
    );
  });

  it('answers bad input with 400 naming the field', async () => {
    const base = { name: '格式', noIdReason: '测试', sex: '1', birthDate: '1990-01-01', hukouRegionCode: V1 };
    const fieldsOf = async (body: unknown) =>
      (
        (expectError(await post(village, '/api/v1/persons', body), 400, 'HTTP_VALIDATION').details ??
          []) as Issue[]
      ).map((i) => i.field);
    expect(await fieldsOf({ ...base, phone: '1381234' })).toEqual(['phone']);
    expect(await fieldsOf({ ...base, phone: '23812341234' })).toEqual(['phone']);
    expect(await fieldsOf({ ...base, hukouRegionCode: '6103020010' })).toEqual(['hukouRegionCode']);
    expect(await fieldsOf({ ...base, residenceRegionCode: '61030200100X' })).toEqual(['residenceRegionCode']);
    expect(await fieldsOf({ ...base, sex: '3' })).toEqual(['sex']);
    expect(await fieldsOf({ ...base, birthDate: '1990-02-30' })).toEqual(['birthDate']);
    expect(await fieldsOf({ ...base, name: ' ' })).toEqual(['name']);
  });

  it('refuses a region code that names no division, naming the field', async () => {
    const base = { name: '无区划', noIdReason: '测试', sex: '1', birthDate: '1990-01-01' };
    for (const [field, code] of [
      ['hukouRegionCode', '610302001999'],
      ['residenceRegionCode', '610302999000'],
    ] as const) {
      const err = expectError(
        await post(city, '/api/v1/persons', { hukouRegionCode: V1, ...base, [field]: code }),
        400,
        'HTTP_VALIDATION',
      );
      expect((err.details as Issue[]).map((i) => i.field)).toEqual([field]);
    }
  });

  it('refuses to register outside the user’s scope', async () => {
    expectError(
      await post(village, '/api/v1/persons', {
        name: '外村',
        noIdReason: '测试',
        sex: '1',
        birthDate: '1990-01-01',
        hukouRegionCode: V2,
      }),
      403,
      'HTTP_FORBIDDEN',
    );
  });
});

describe('one ID number is one person', () => {
  it('refuses a second registration with 409 naming the first person, whatever form the number takes', async () => {
    const idNumber = idFor('610302', '19750607', 456);
    const first = await createPerson(village, { name: '吴一', idNumber });
    const again = expectError(
      await post(township, '/api/v1/persons', { name: '吴一', idNumber, hukouRegionCode: V2 }),
      409,
      'REGISTRY_DUPLICATE_ID',
    );
    expect(again.details).toEqual({ personId: first.id });
    // The 15-digit form of a number registered in 18 characters is the same number.
    const legacy = await createPerson(village, { name: '吴二', idNumber: idFor('610302', '19760708', 11) });
    const short = '610302760708011';
    expect(
      expectError(
        await post(village, '/api/v1/persons', { name: '吴二', idNumber: short, hukouRegionCode: V1 }),
        409,
        'REGISTRY_DUPLICATE_ID',
      ).details,
    ).toEqual({ personId: legacy.id });
    // And a lower-case x is the same as X.
    const x = await createPerson(village, { name: '吴三', idNumber: '61030219850313123X' });
    expect(
      expectError(
        await post(village, '/api/v1/persons', {
          name: '吴三',
          idNumber: '61030219850313123x',
          hukouRegionCode: V1,
        }),
        409,
        'REGISTRY_DUPLICATE_ID',
      ).details,
    ).toEqual({ personId: x.id });
  });
});

describe('sensitive data', () => {
  const PLAIN_ID = '61030219850305123X';
  const PLAIN_PHONE = '13812341234';
  let p: Person;
  beforeAll(async () => {
    p = await createPerson(village, { name: '秦密', idNumber: PLAIN_ID, phone: PLAIN_PHONE });
  });

  it('are encrypted at rest: the person table holds no plain ID number or phone', async () => {
    const db = server.app.ctx.db;
    const all = await rows<Record<string, unknown>>(db, sql`select * from person`);
    const text = JSON.stringify(all);
    expect(text).not.toContain(PLAIN_ID);
    expect(text).not.toContain(PLAIN_PHONE);
    expect(text).not.toContain('61030219850305'); // not even the unmasked first 14
    // Neither does the audit log.
    const audit = JSON.stringify(await rows(db, sql`select * from audit_log`));
    expect(audit).not.toContain(PLAIN_ID);
    expect(audit).not.toContain(PLAIN_PHONE);

    const [row] = await rows<{
      id_number_enc: string;
      id_number_index: string;
      id_number_masked: string;
      phone_enc: string;
      phone_index: string;
      phone_masked: string;
    }>(db, sql`select * from person where id = ${p.id}`);
    expect(row!.id_number_index).not.toBe(PLAIN_ID);
    expect(row!.id_number_index).toBe(server.app.ctx.keyring.blindIndex(PLAIN_ID));
    expect(row!.id_number_masked).toBe('610302********123X');
    expect(row!.phone_masked).toBe('138****1234');
    // The product's keyring decrypts; another keyring cannot.
    const ring = server.app.ctx.keyring;
    expect(ring.decrypt(row!.id_number_enc)).toBe(PLAIN_ID);
    expect(ring.decrypt(row!.phone_enc)).toBe(PLAIN_PHONE);
    const other = createKeyring(randomBytes(32));
    expect(() => other.decrypt(row!.id_number_enc)).toThrow();
    expect(() => other.decrypt(row!.phone_enc)).toThrow();
    expect(other.blindIndex(PLAIN_ID)).not.toBe(row!.id_number_index);
  });

  it('are masked in lists and on the person page, never plain', async () => {
    for (const s of [city, county, township, village]) {
      const list = await get(s, `/api/v1/persons?q=${encodeURIComponent('秦密')}`);
      const one = await get(s, `/api/v1/persons/${p.id}`);
      const byId = await get(s, `/api/v1/persons?q=${PLAIN_ID}`);
      for (const res of [list, one, byId]) {
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(PLAIN_ID);
        expect(res.body).not.toContain(PLAIN_PHONE);
      }
      expect(expectOk(list).items).toEqual([
        expect.objectContaining({ idNumberMasked: '610302********123X', phoneMasked: '138****1234' }),
      ]);
      expect(expectOk(one)).toMatchObject({
        idNumberMasked: '610302********123X',
        phoneMasked: '138****1234',
      });
    }
  });

  it('show the plain value to township staff on request, audited with field, reason and actor', async () => {
    const res = expectOk(
      await post(township, `/api/v1/persons/${p.id}/reveal`, {
        field: 'idNumber',
        reason: '核对低保申请材料',
      }),
    );
    expect(res).toEqual({ field: 'idNumber', value: PLAIN_ID });
    expect(
      expectOk(await post(city, `/api/v1/persons/${p.id}/reveal`, { field: 'phone', reason: '电话回访' })),
    ).toEqual({ field: 'phone', value: PLAIN_PHONE });

    const audit = (await auditRowsOf(server.app.ctx.db, 'person.reveal')).filter((r) => r.entity_id === p.id);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor_id: township.user.id,
      entity_type: 'person',
      outcome: 'success',
      after: { field: 'idNumber', reason: '核对低保申请材料' },
      region_code: V1,
    });
    expect(audit[0]!.actor_name).toBeTruthy();
    expect(audit[1]).toMatchObject({ actor_id: city.user.id, after: { field: 'phone', reason: '电话回访' } });
    expect(JSON.stringify(audit)).not.toContain(PLAIN_ID);
  });

  it('stay hidden from village workers (403) and from users of other places (404)', async () => {
    expectError(
      await post(village, `/api/v1/persons/${p.id}/reveal`, { field: 'idNumber', reason: '核对' }),
      403,
      'HTTP_FORBIDDEN',
    );
    const other = await createPerson(city, {
      name: '外县人',
      idNumber: idFor('610304', '19800101', 33),
      hukouRegionCode: CHENCANG,
    });
    expectError(
      await post(township, `/api/v1/persons/${other.id}/reveal`, { field: 'idNumber', reason: '核对' }),
      404,
      'REGISTRY_PERSON_NOT_FOUND',
    );
    const count = (await auditRowsOf(server.app.ctx.db, 'person.reveal')).filter(
      (r) => r.entity_id === other.id && r.outcome === 'success',
    );
    expect(count).toEqual([]);
  });
});

describe('scope of search', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const people: [string, Record<string, unknown>][] = [
      ['郜金一', { hukouRegionCode: V1 }],
      ['郜金二', { hukouRegionCode: V2 }],
      ['郜经二', { hukouRegionCode: JINGER }],
      ['郜陈仓', { hukouRegionCode: CHENCANG }],
      ['郜住金', { hukouRegionCode: CHENCANG, residenceRegionCode: V2 }],
    ];
    for (const [name, where] of people)
      ids[name] = (
        await createPerson(city, { name, noIdReason: '测试', sex: '1', birthDate: '1960-01-01', ...where })
      ).id;
  });

  it('finds for the county user only people registered or residing in 渭滨区', async () => {
    expect(await namesFound(county, '郜')).toEqual(['郜住金', '郜经二', '郜金一', '郜金二'].sort());
    expect(await namesFound(city, '郜')).toHaveLength(5);
  });

  it('does not find for the township user people of another township; the village user sees its village', async () => {
    expect(await namesFound(township, '郜')).toEqual(['郜住金', '郜金一', '郜金二'].sort());
    expect(await namesFound(village, '郜')).toEqual(['郜金一']);
    expect(await namesFound(township, 'gao')).toEqual(['郜住金', '郜金一', '郜金二'].sort());
  });

  it('answers 404 for the page of a person out of scope', async () => {
    expectError(await get(county, `/api/v1/persons/${ids['郜陈仓']}`), 404, 'REGISTRY_PERSON_NOT_FOUND');
    expectError(await get(township, `/api/v1/persons/${ids['郜经二']}`), 404, 'REGISTRY_PERSON_NOT_FOUND');
    expectError(await get(village, `/api/v1/persons/${ids['郜金二']}`), 404, 'REGISTRY_PERSON_NOT_FOUND');
    expect(expectOk(await get(county, `/api/v1/persons/${ids['郜住金']}`)).name).toBe('郜住金');
    expect(expectOk(await get(city, `/api/v1/persons/${ids['郜陈仓']}`)).name).toBe('郜陈仓');
  });

  it('returns nothing for a region filter outside the scope', async () => {
    expect(await search(township, { region: '610304000000' })).toEqual([]);
    expect((await search(county, { q: '郜', region: '610302001000' })).map((p) => p.name).sort()).toEqual(
      ['郜金一', '郜金二'].sort(),
    );
  });
});

describe('search', () => {
  beforeAll(async () => {
    const people: [string, string][] = [
      ['张三', '19910101'],
      ['章三', '19910101'],
      ['张三丰', '19910102'],
      ['单明', '19910103'],
      ['商明', '19910104'],
      ['曾明', '19910105'],
      ['仇明', '19910106'],
    ];
    let seq = 201;
    for (const [name, birth] of people)
      await createPerson(village, { name, idNumber: idFor('610302', birth, seq++) });
  });

  it('finds by ID number exactly, and by its 15-digit form', async () => {
    const found = await search(village, { q: idFor('610302', '19910103', 204) });
    expect(found.map((p) => p.name)).toEqual(['单明']);
    // 刘旧号 was registered with 610302800101123; both forms find him.
    expect((await search(village, { q: '610302198001011238' })).map((p) => p.name)).toEqual(['刘旧号']);
    expect((await search(village, { q: '610302800101123' })).map((p) => p.name)).toEqual(['刘旧号']);
    // A near miss finds nobody: the look-up is exact.
    expect(await search(village, { q: '610302198001011246' })).toEqual([]);
    expect(await search(city, { q: '61030219800101123' })).toEqual([]);
  });

  it('finds by Chinese name prefix', async () => {
    expect(await namesFound(village, '张三')).toEqual(['张三', '张三丰'].sort());
    expect(await namesFound(village, '张')).toEqual(['张三', '张三丰'].sort());
    expect(await namesFound(village, '三')).toEqual([]);
  });

  it('finds by pinyin: full, prefix and initials, surnames read as surnames', async () => {
    expect(await namesFound(village, 'zhangsan')).toEqual(['张三', '张三丰', '章三'].sort());
    expect(await namesFound(village, 'Zhang San')).toEqual(['张三', '张三丰', '章三'].sort());
    expect(await namesFound(village, 'zs')).toEqual(['张三', '张三丰', '章三'].sort());
    expect(await namesFound(village, 'zsf')).toEqual(['张三丰']);
    const shan = await namesFound(village, 'shan');
    expect(shan).toContain('单明');
    expect(shan).toContain('商明'); // shang starts with shan
    expect(await namesFound(village, 'dan')).not.toContain('单明');
    expect(await namesFound(village, 'zeng')).toEqual(['曾明']);
    expect(await namesFound(village, 'ceng')).toEqual([]);
    expect(await namesFound(village, 'qiuming')).toEqual(['仇明']);
  });

  it('takes LIKE wildcards literally', async () => {
    expect(await search(village, { q: '%' })).toEqual([]);
    expect(await search(village, { q: '张_' })).toEqual([]);
  });
});

describe('keyset pagination', () => {
  const REGION = '610302001006';
  const NAMES = [
    '阿强',
    '白雪',
    '蔡文',
    '邓超',
    '鄂伦',
    '方明',
    '郭靖',
    '黄蓉',
    '姬发',
    '康宁',
    '李四',
    '马云',
    '马云飞',
    '欧阳修',
    '潘安',
    '钱进',
    '任我行',
    '孙权',
    '唐僧',
    '王五',
    '夏雨',
    '杨过',
    '张飞',
    '章子',
    '赵云',
  ];

  beforeAll(async () => {
    // Created in an order unrelated to the pinyin order.
    for (const [i, name] of [...NAMES].reverse().entries())
      await createPerson(city, {
        name,
        noIdReason: '测试',
        sex: i % 2 ? '1' : '2',
        birthDate: '1970-01-01',
        hukouRegionCode: REGION,
      });
  });

  it('pages through everyone with limit 10: no duplicates, nobody missing, in pinyin order', async () => {
    const seen: Person[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { region: REGION, limit: '10', ...(cursor ? { cursor } : {}) };
      const page = expectOk(await get(township, `/api/v1/persons?${new URLSearchParams(query)}`));
      sizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(seen.map((p) => p.id)).size).toBe(25);
    const byPinyin = [...NAMES].sort((a, b) => {
      const [x, y] = [namePinyin(a).sortKey, namePinyin(b).sortKey];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    expect(seen.map((p) => p.name)).toEqual(byPinyin);
    expect(seen[0].name).toBe('阿强');
    expect(seen.at(-1).name).toBe('赵云');
    // The hand-written list is already in pinyin order.
    expect(byPinyin).toEqual(NAMES);
  });

  it('refuses a malformed cursor', async () => {
    expectError(await get(township, '/api/v1/persons?cursor=not-a-cursor'), 400, 'HTTP_BAD_REQUEST');
  });
});

describe('update', () => {
  it('re-derives the pinyin, keeps the ID number, and cross-checks sex and birth date', async () => {
    const idNumber = idFor('610302', '19820202', 77);
    const p = await createPerson(village, { name: '改名前', idNumber });
    const patch = (body: Record<string, unknown>) =>
      call(server.app, village, 'PATCH', `/api/v1/persons/${p.id}`, body);
    const after = expectOk(await patch({ name: '韩梅梅', phone: '13900001111', version: p.version }));
    expect(after).toMatchObject({
      name: '韩梅梅',
      namePinyin: 'hanmeimei',
      idNumberMasked: p.idNumberMasked,
      phoneMasked: '139****1111',
      version: p.version + 1,
    });
    expect((await search(village, { q: idNumber })).map((x) => x.id)).toEqual([p.id]);
    expect((await search(village, { q: 'hmm' })).map((x) => x.id)).toEqual([p.id]);
    expectError(await patch({ sex: '2', version: after.version }), 400, 'REGISTRY_SEX_MISMATCH');
    expectError(
      await patch({ birthDate: '1982-02-03', version: after.version }),
      400,
      'REGISTRY_BIRTH_MISMATCH',
    );
    const err = expectError(
      await patch({ residenceRegionCode: '610302999000', version: after.version }),
      400,
      'HTTP_VALIDATION',
    );
    expect((err.details as Issue[]).map((i) => i.field)).toEqual(['residenceRegionCode']);
    expectError(await patch({ hukouRegionCode: V2, version: after.version }), 403, 'HTTP_FORBIDDEN');
    expectError(await patch({ name: '再改', version: p.version }), 409, 'HTTP_STALE_VERSION');
  });
});

describe('death', () => {
  it('is recorded once, with date and source', async () => {
    const p = await createPerson(village, { name: '殁者', idNumber: idFor('610302', '19300101', 1) });
    const dead = expectOk(
      await post(village, `/api/v1/persons/${p.id}/death`, {
        deathDate: '2026-01-15',
        source: '火化信息',
        version: p.version,
      }),
    );
    expect(dead).toMatchObject({
      livingStatus: 'deceased',
      deathDate: '2026-01-15',
      deathSource: '火化信息',
      version: p.version + 1,
    });
    expectError(
      await post(village, `/api/v1/persons/${p.id}/death`, {
        deathDate: '2026-01-16',
        source: '医院',
        version: dead.version,
      }),
      409,
      'REGISTRY_ALREADY_DECEASED',
    );
    expect((await search(village, { q: '殁者', status: 'deceased' })).map((x) => x.id)).toEqual([p.id]);
    expect(await search(village, { q: '殁者', status: 'alive' })).toEqual([]);
    const audit = (await auditRowsOf(server.app.ctx.db, 'person.death')).filter((r) => r.entity_id === p.id);
    expect(audit).toHaveLength(1);
  });

  it('refuses a death date after today or before the birth date, naming the field', async () => {
    const p = await createPerson(village, { name: '未亡', idNumber: idFor('610302', '19300103', 1) });
    for (const deathDate of ['2999-01-01', '1929-12-31']) {
      const err = expectError(
        await post(village, `/api/v1/persons/${p.id}/death`, {
          deathDate,
          source: '医院',
          version: p.version,
        }),
        400,
        'HTTP_VALIDATION',
      );
      expect((err.details as Issue[]).map((i) => i.field)).toEqual(['deathDate']);
    }
    expect(expectOk(await get(village, `/api/v1/persons/${p.id}`)).livingStatus).toBe('alive');
  });

  it('refuses a stale version', async () => {
    const p = await createPerson(village, { name: '旧版', idNumber: idFor('610302', '19300102', 1) });
    expectError(
      await post(village, `/api/v1/persons/${p.id}/death`, {
        deathDate: '2026-01-15',
        source: '医院',
        version: p.version + 5,
      }),
      409,
      'HTTP_STALE_VERSION',
    );
  });
});
