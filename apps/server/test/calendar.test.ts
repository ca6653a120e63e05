import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, testServer, type Session } from './app';
import { adminsOf, auditRowsOf, expectError, expectOk } from './helpers-platform';

let server: Awaited<ReturnType<typeof testServer>>;
let sys: Session;
let county: Session;
beforeAll(async () => {
  server = await testServer();
  ({ sys } = await adminsOf(server.app));
  county = await login(server.app, 'county');
});
afterAll(() => server.close());

const shipped = fs
  .readFileSync(new URL('../data/cn-public-holidays.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [date, kind, name] = line.split(',');
    return { date, kind, name };
  });
const workingDays = async (from: string, days: number) =>
  expectOk(await call(server.app, county, 'GET', `/api/v1/calendar/working-days?from=${from}&days=${days}`))
    .date;

describe('the holiday calendar', () => {
  it('lists the shipped days of 2026 in date order', async () => {
    const days = expectOk(await call(server.app, county, 'GET', '/api/v1/calendar?year=2026'));
    expect(days).toEqual(shipped.filter((d) => d.date!.startsWith('2026')));
    expect(days).toHaveLength(39);
    expect(days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节调休' });
    expect(expectOk(await call(server.app, county, 'GET', '/api/v1/calendar?year=2030'))).toEqual([]);
  });

  it('counts working days over National Day 2025 to the make-up Saturday', async () => {
    expect(await workingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(await workingDays('2025-10-11', -3)).toBe('2025-09-30');
    expect(await workingDays('2025-09-26', 1)).toBe('2025-09-28'); // the make-up Sunday
    expect(await workingDays('2025-09-30', 0)).toBe('2025-09-30');
  });

  it('lets the system administrator add a 2027 holiday, which deadlines then skip', async () => {
    // 2027-01-01 is a Friday: without an entry it is a working day.
    expect(await workingDays('2026-12-31', 1)).toBe('2027-01-01');
    const res = await call(server.app, sys, 'PUT', '/api/v1/calendar/2027-01-01', {
      kind: 'holiday',
      name: '元旦',
    });
    expect(expectOk(res)).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(expectOk(await call(server.app, county, 'GET', '/api/v1/calendar?year=2027'))).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(await workingDays('2026-12-31', 1)).toBe('2027-01-04');
    const [audit] = await auditRowsOf(server.database.db, 'calendar.set');
    expect(audit).toMatchObject({
      actor_name: 'sysadmin',
      entity_id: '2027-01-01',
      before: null,
      after: { kind: 'holiday' },
    });
  });

  it('lets him turn a weekend into a make-up working day and correct a day', async () => {
    expectOk(
      await call(server.app, sys, 'PUT', '/api/v1/calendar/2027-01-09', {
        kind: 'workday',
        name: '元旦调休',
      }),
    );
    expect(await workingDays('2027-01-08', 1)).toBe('2027-01-09');
    expectOk(
      await call(server.app, sys, 'PUT', '/api/v1/calendar/2027-01-09', { kind: 'workday', name: '调休' }),
    );
    const days = expectOk(await call(server.app, county, 'GET', '/api/v1/calendar?year=2027'));
    expect(days.map((d: { date: string; name: string }) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-01-09 调休',
    ]);
    expectOk(await call(server.app, sys, 'DELETE', '/api/v1/calendar/2027-01-09'));
    expect(await workingDays('2027-01-08', 1)).toBe('2027-01-11');
    expectError(
      await call(server.app, sys, 'DELETE', '/api/v1/calendar/2027-01-09'),
      404,
      'CALENDAR_NOT_FOUND',
    );
  });

  it('refuses changes by county staff with 403, changing nothing', async () => {
    const res = await call(server.app, county, 'PUT', '/api/v1/calendar/2027-01-05', {
      kind: 'holiday',
      name: '自定假日',
    });
    expectError(res, 403, 'HTTP_FORBIDDEN');
    expectError(
      await call(server.app, county, 'DELETE', '/api/v1/calendar/2027-01-01'),
      403,
      'HTTP_FORBIDDEN',
    );
    const days = expectOk(await call(server.app, county, 'GET', '/api/v1/calendar?year=2027'));
    expect(days.map((d: { date: string }) => d.date)).toEqual(['2027-01-01']);
  });
});
