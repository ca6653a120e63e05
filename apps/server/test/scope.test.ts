import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, testServer, type Session } from './app';
import { adminsOf, createUserAs, expectError, expectOk, firstLogin } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
let county: Session;
let township: Session;
beforeAll(async () => {
  server = await testServer();
  ({ sys } = await adminsOf(server.app));
  county = await login(server.app, 'county');
  township = await login(server.app, 'township');
});
afterAll(() => server.close());

type Division = { code: string; name: string; level: string };
const get = async (s: Session, url: string) =>
  expectOk<Division[] & Division>(await call(server.app, s, 'GET', url));

describe('the county user (渭滨区 610302)', () => {
  it('sees only 渭滨区 among the children of the city', async () => {
    const children = await get(county, '/api/v1/regions/610300000000/children');
    expect(children.map((d) => [d.code, d.name])).toEqual([['610302000000', '渭滨区']]);
    // The system administrator, scoped to the city, sees all twelve current counties.
    const all = await get(sys, '/api/v1/regions/610300000000/children');
    expect(all).toHaveLength(12);
    expect(all.map((d) => d.code)).toContain('610305000000');
    expect(all.map((d) => d.code)).not.toContain('610322000000'); // ceased in 2021
  });

  it('sees the city above (for navigation) and its own townships', async () => {
    expect((await get(county, '/api/v1/regions/610300000000')).name).toBe('宝鸡市');
    const towns = await get(county, '/api/v1/regions/610302000000/children');
    expect(towns.length).toBe(10);
    expect(towns.every((d) => d.code.startsWith('610302'))).toBe(true);
    const path = await get(county, '/api/v1/regions/610302001001/path');
    expect(path.map((d) => d.name)).toEqual(['宝鸡市', '渭滨区', '金陵街道', path[3]!.name]);
  });

  it('gets 404 for 陈仓区 and its children, as if they did not exist', async () => {
    const res = await call(server.app, county, 'GET', '/api/v1/regions/610304000000');
    expectError(res, 404, 'REGION_NOT_FOUND');
    expectError(
      await call(server.app, county, 'GET', '/api/v1/regions/610304000000/children'),
      404,
      'REGION_NOT_FOUND',
    );
    expectError(
      await call(server.app, county, 'GET', '/api/v1/regions/610304100000'),
      404,
      'REGION_NOT_FOUND',
    );
    expectError(
      await call(server.app, county, 'GET', '/api/v1/regions/610304100000/path'),
      404,
      'REGION_NOT_FOUND',
    );
    // …which do exist for the city's administrator.
    expect((await get(sys, '/api/v1/regions/610304000000')).name).toBe('陈仓区');
  });

  it('finds only its own towns when searching 镇', async () => {
    const found = await get(county, `/api/v1/regions?q=${encodeURIComponent('镇')}&limit=100`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => d.code).filter((c) => !c.startsWith('610302'))).toEqual([]);
    expect(found.map((d) => d.name)).toContain('马营镇');
    // The same search for the city finds towns of other counties.
    const cityWide = await get(sys, `/api/v1/regions?q=${encodeURIComponent('镇')}&limit=100`);
    expect(cityWide.some((d) => d.code.startsWith('610304'))).toBe(true);
    // A code search obeys the scope too.
    expect(await get(county, '/api/v1/regions?q=610304')).toEqual([]);
  });
});

describe('the township user (金陵街道 610302001)', () => {
  it("cannot see the county's other townships", async () => {
    const siblings = await get(township, '/api/v1/regions/610302000000/children');
    expect(siblings.map((d) => d.code)).toEqual(['610302001000']);
    expectError(
      await call(server.app, township, 'GET', '/api/v1/regions/610302002000'),
      404,
      'REGION_NOT_FOUND',
    );
    expectError(
      await call(server.app, township, 'GET', '/api/v1/regions/610302100000/children'),
      404,
      'REGION_NOT_FOUND',
    );
    const found = await get(township, `/api/v1/regions?q=${encodeURIComponent('社区')}&limit=100`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.code.startsWith('610302001'))).toBe(true);
    expect(await get(township, `/api/v1/regions?q=${encodeURIComponent('马营')}`)).toEqual([]);
  });

  it('sees its own communities', async () => {
    const villages = await get(township, '/api/v1/regions/610302001000/children');
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((d) => d.level === 'village' && d.code.startsWith('610302001'))).toBe(true);
  });
});

describe('codes whose significant digits end in 0', () => {
  // 马营镇 610302100 and 凤县 610330 end in zeros; stripping the zeros would make them look like ancestors
  // of 石鼓镇 610302101 and 太白县 610331, and show them in their users' trees.
  it('do not leak a sibling township into the tree of 石鼓镇', async () => {
    await createUserAs(server.app, sys, {
      username: 'shigu.staff',
      roles: ['township_staff'],
      scopeCode: '610302101000',
    });
    const shigu = await firstLogin(server.app, 'shigu.staff');
    const siblings = await get(shigu, '/api/v1/regions/610302000000/children');
    expect(siblings.map((d) => d.name)).toEqual(['石鼓镇']);
    expectError(
      await call(server.app, shigu, 'GET', '/api/v1/regions/610302100000'),
      404,
      'REGION_NOT_FOUND',
    );
  });

  it('do not leak a sibling county into the tree of 太白县', async () => {
    await createUserAs(server.app, sys, {
      username: 'taibai.staff',
      roles: ['township_staff'],
      scopeCode: '610331100000',
    });
    const taibai = await firstLogin(server.app, 'taibai.staff');
    const counties = await get(taibai, '/api/v1/regions/610300000000/children');
    expect(counties.map((d) => d.name)).toEqual(['太白县']);
  });
});

describe('user administration by scope', () => {
  it('the city system administrator lists every user', async () => {
    const list = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?limit=200'));
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(['auditadmin', 'city', 'county', 'secadmin', 'sysadmin', 'township', 'village']),
    );
  });

  it('pages the user list with a keyset cursor', async () => {
    const first = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?limit=3'));
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2].username);
    const second = expectOk(
      await call(server.app, sys, 'GET', `/api/v1/users?limit=3&cursor=${first.nextCursor}`),
    );
    const seen = [...first.items, ...second.items].map((u: { username: string }) => u.username);
    expect(new Set(seen).size).toBe(6);
    expect([...seen].sort()).toEqual(seen);
  });

  it('a system administrator scoped to a county manages only that county', async () => {
    await createUserAs(server.app, sys, {
      username: 'sys.weibin',
      roles: ['sysadmin'],
      scopeCode: '610302000000',
    });
    const local = await firstLogin(server.app, 'sys.weibin');
    const list = expectOk(await call(server.app, local, 'GET', '/api/v1/users?limit=200'));
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['county', 'sys.weibin', 'township', 'village']));
    expect(list.items.every((u: { scopeCode: string }) => u.scopeCode.startsWith('610302'))).toBe(true);
    expect(names).not.toContain('city');
    expect(names).not.toContain('sysadmin');
    expect(names).not.toContain('taibai.staff');
    // Creating a user in 陈仓区 is refused; so is touching a user outside the county.
    const out = await call(server.app, local, 'POST', '/api/v1/users', {
      username: 'chencang.staff',
      displayName: '陈仓',
      roles: ['county_staff'],
      scopeCode: '610304000000',
      initialPassword: 'Initial#Pass1',
    });
    expectError(out, 403, 'AUTH_OUT_OF_SCOPE');
    const cityUser = expectOk(await call(server.app, sys, 'GET', '/api/v1/users?q=city')).items.find(
      (u: { username: string }) => u.username === 'city',
    );
    expectError(
      await call(server.app, local, 'PATCH', `/api/v1/users/${cityUser.id}`, {
        displayName: 'x',
        version: cityUser.version,
      }),
      404,
      'AUTH_USER_NOT_FOUND',
    );
    // Inside the county it works.
    const created = expectOk(
      await call(server.app, local, 'POST', '/api/v1/users', {
        username: 'maying.staff',
        displayName: '马营镇',
        roles: ['township_staff'],
        scopeCode: '610302100000',
        initialPassword: 'Initial#Pass1',
      }),
    );
    expect(created.scopeName).toBe('马营镇');
  });

  it('refuses a scope that is no current division', async () => {
    // 凤翔县 610322 ceased in 2021; 610399 never existed.
    for (const scopeCode of ['610322000000', '610399000000']) {
      const res = await call(server.app, sys, 'POST', '/api/v1/users', {
        username: `bad.${scopeCode.slice(4, 6)}`,
        displayName: 'x',
        roles: ['county_staff'],
        scopeCode,
        initialPassword: 'Initial#Pass1',
      });
      expectError(res, 403, 'AUTH_OUT_OF_SCOPE');
    }
  });
});
