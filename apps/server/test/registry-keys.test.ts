import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/platform/db/sql';
import { createKeyring } from '../src/platform/crypto/keyring';
import { keysInUse, rotateKeys } from '../src/platform/crypto/rotate';
import { createPerson, findPersons } from '../src/modules/registry/service';
import { call, login, testServer, type Session } from './app';

let server: Awaited<ReturnType<typeof testServer>>;
let township: Session;
beforeAll(async () => {
  server = await testServer();
  township = await login(server.app, 'township');
});
afterAll(() => server.close());

const PEOPLE = ['11010519491231002X', '440524188001010014'];

it('re-encrypts every ID number and phone under a new key, and look-ups keep working', async () => {
  const db = server.database.db;
  for (const idNumber of PEOPLE) {
    const res = await call(server.app, township, 'POST', '/api/v1/persons', {
      idNumber,
      name: '测试',
      phone: '13800138000',
      hukouRegionCode: '610302001001',
    });
    expect(res.statusCode).toBe(200);
  }
  const oldRing = server.app.ctx.keyring;
  const oldKey = oldRing.currentId;
  expect(await keysInUse(db)).toEqual([oldKey]);

  // The operator's new key, with the old one kept for reading until the rotation ends.
  const newRing = createKeyring(randomBytes(32));
  const ring = {
    ...newRing,
    decrypt: (v: string) => (v.startsWith(`${oldKey}:`) ? oldRing.decrypt(v) : newRing.decrypt(v)),
    blindIndexes: (v: string) => [...newRing.blindIndexes(v), ...oldRing.blindIndexes(v)],
  };
  const counts = await rotateKeys(db, ring, undefined, 1);
  expect(counts['person.id_number_enc']).toBe(2);
  expect(counts['person.phone_enc']).toBe(2);
  expect(await keysInUse(db)).toEqual([newRing.currentId]);
  const stored = await rows<{ id_number_enc: string }>(db, sql`select id_number_enc from person`);
  for (const r of stored) expect(PEOPLE).toContain(newRing.decrypt(r.id_number_enc));

  // Exact look-up by ID number works under the new key alone.
  const actor = {
    id: township.user.id,
    name: 'township',
    scopeCode: '610302001000',
    roles: [],
    permissions: new Set<string>(),
    address: null,
  };
  const page = await findPersons({ db, keyring: newRing }, actor, { q: PEOPLE[1], limit: 10 });
  expect(page.items).toHaveLength(1);
  await expect(
    createPerson({ db, keyring: newRing }, actor, {
      idNumber: PEOPLE[0],
      name: '重复',
      hukouRegionCode: '610302001001',
      ethnicity: '01',
      seriousIllness: false,
      labourCapacity: 'unknown',
    }),
  ).rejects.toMatchObject({ code: 'REGISTRY_DUPLICATE_ID' });
});
