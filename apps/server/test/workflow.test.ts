import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config';
import { createServer, type Server } from '../src/platform/server';
import type { Database, Db } from '../src/platform/db/client';
import { inTransaction, rows } from '../src/platform/db/sql';
import { grantPermissions } from '../src/platform/access/catalogue';
import { AppError } from '../src/platform/http/errors';
import { defineWorkflow } from '../src/platform/workflow/definition';
import {
  act,
  assign,
  availableActions,
  history,
  refusal,
  startCase,
  urgencyOf,
  type Instance,
} from '../src/platform/workflow/engine';
import { ADMIN_PASSWORD, call, login, type Session } from './app';
import { freshDatabase } from './db';
import { actor, auditRowsOf, expectError, expectOk, HAN } from './helpers-platform';

const label = (zh: string, en = zh) => ({ zh, en });

/** A small assistance-like case: township accepts and investigates, public notice, county reviews. */
const RELIEF = defineWorkflow({
  caseType: 'test.relief',
  initial: 'accepted',
  start: { permission: 'relief.accept', levels: ['township'] },
  caseDeadline: { workingDays: 30 },
  states: {
    accepted: { label: label('已受理', 'Accepted'), deadline: { workingDays: 3 } },
    investigating: { label: label('调查中', 'Investigating') },
    notice: { label: label('公示中', 'Public notice'), deadline: { calendarDays: 7 } },
    review: { label: label('审核确认', 'County review'), deadline: { workingDays: 10 } },
    approved: { label: label('已批准', 'Approved'), terminal: true },
    refused: { label: label('不予批准', 'Refused'), terminal: true },
  },
  actions: {
    investigate: {
      label: label('开始调查'),
      from: ['accepted'],
      to: 'investigating',
      permission: 'relief.investigate',
      levels: ['township'],
    },
    publish: {
      label: label('公示'),
      from: ['investigating'],
      to: 'notice',
      permission: 'relief.investigate',
      levels: ['township'],
      guard: ({ data }) =>
        Number(data.investigators ?? 0) >= 2
          ? null
          : label('入户调查须至少两人', 'A home visit needs at least two investigators'),
    },
    submit: {
      label: label('报送审核'),
      from: ['notice'],
      to: 'review',
      permission: 'relief.investigate',
      levels: ['township'],
      assigneeOnly: true,
    },
    approve: {
      label: label('批准'),
      from: ['review'],
      to: 'approved',
      permission: 'relief.review',
      levels: ['county'],
    },
    refuse: {
      label: label('不予批准'),
      from: ['investigating', 'review'],
      to: 'refused',
      permission: 'relief.review',
      levels: ['county'],
    },
  },
});

// Actors built by hand: the permissions belong to this test's case type only.
const clerk = actor('township-clerk', '610302001000', ['relief.accept', 'relief.investigate']);
const colleague = actor('township-colleague', '610302001000', ['relief.accept', 'relief.investigate']);
const reviewer = actor('county-reviewer', '610302000000', ['relief.review', 'relief.investigate']);
const countyClerk = actor('county-clerk', '610302000000', ['relief.accept']);
const bystander = actor('township-bystander', '610302001000', ['region.read']);
const outsider = actor('chencang-clerk', '610304100000', [
  'relief.accept',
  'relief.investigate',
  'relief.review',
]);

// The same permissions for the demo accounts, for the HTTP part (synchronised into the roles at start-up).
grantPermissions('township_staff', ['relief.accept', 'relief.investigate']);
grantPermissions('county_staff', ['relief.review', 'relief.investigate']);

async function reliefRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/test-relief',
    {
      config: { permission: 'relief.accept' },
      schema: { body: z.object({ entityId: z.string(), regionCode: z.string() }) },
    },
    async (req) => inTransaction(app.ctx.db, (tx) => startCase(tx, RELIEF, req.actor, req.body)),
  );
  r.post(
    '/api/v1/test-relief/:id/:action',
    {
      config: { permission: 'authenticated' },
      schema: {
        params: z.object({ id: z.uuid(), action: z.string() }),
        body: z.object({ version: z.number().int() }),
      },
    },
    async (req) =>
      inTransaction(app.ctx.db, (tx) =>
        act(tx, RELIEF, req.actor, req.params.id, req.params.action, req.body),
      ),
  );
}

let server: Server;
let database: Database;
let db: Db;
beforeAll(async () => {
  database = await freshDatabase();
  const config = loadConfig(
    {},
    {
      demo: true,
      adminPassword: ADMIN_PASSWORD,
      worker: false,
      logLevel: 'silent',
      auditSealIntervalMs: 3_600_000,
    },
  );
  server = await createServer(config, [reliefRoutes], { database });
  db = database.db;
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const start = (
  who = clerk,
  entityId = `case-${Math.random()}`,
  on = '2025-09-15',
  regionCode = '610302001001',
) => inTransaction(db, (tx) => startCase(tx, RELIEF, who, { entityId, regionCode, on }));
const take = (
  who: typeof clerk,
  i: Instance,
  action: string,
  on: string,
  data?: Record<string, unknown>,
  version = i.version,
) => inTransaction(db, (tx) => act(tx, RELIEF, who, i.id, action, { version, on, data }));

async function refusedWith(p: Promise<unknown>, status: number, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect({ status: (e as AppError).status, code: (e as AppError).code }).toEqual({ status, code });
  return e as AppError;
}

const stateOf = async (id: string) =>
  (
    await rows<{ state: string; version: number }>(
      db,
      sql`select state, version from workflow_instance where id = ${id}`,
    )
  )[0]!;
const stepsOf = async (id: string) => (await history(db, id)).length;

describe('a case through its legal path', () => {
  let i: Instance;
  it('starts in the initial state with due dates from the holiday calendar', async () => {
    i = await start(clerk, 'relief-1');
    expect(i).toMatchObject({ state: 'accepted', regionCode: '610302001001', version: 1, closedAt: null });
    expect(i.dueDate).toBe('2025-09-18'); // Mon + 3 working days
    // 30 working days from 2025-09-15 skip the National Day week and count the make-up days 9-28 and 10-11.
    expect(i.caseDueDate).toBe('2025-10-31');
  });

  it('moves through every state, each step an immutable transition row', async () => {
    i = await take(clerk, i, 'investigate', '2025-09-16');
    expect(i).toMatchObject({ state: 'investigating', dueDate: null, version: 2 });
    const early = await history(db, i.id);
    i = await take(clerk, i, 'publish', '2025-09-22', { investigators: 2 });
    expect(i).toMatchObject({ state: 'notice', dueDate: '2025-09-29' }); // 7 calendar days
    i = await take(clerk, i, 'submit', '2025-09-29');
    // 10 working days: 9-30, (10-1…10-8 off), 10-9, 10-10, 10-11 (Sat, make-up), 10-13 … 10-17, 10-20.
    expect(i).toMatchObject({ state: 'review', dueDate: '2025-10-20' });
    i = await take(reviewer, i, 'approve', '2025-10-15');
    expect(i).toMatchObject({ state: 'approved', dueDate: null, version: 5 });
    expect(i.closedAt).not.toBeNull();

    const steps = await history(db, i.id);
    expect(steps.map((s) => [s.step, s.action, s.fromState, s.toState, s.actorName, s.dueDate])).toEqual([
      [0, 'start', null, 'accepted', 'township-clerk', '2025-09-18'],
      [1, 'investigate', 'accepted', 'investigating', 'township-clerk', null],
      [2, 'publish', 'investigating', 'notice', 'township-clerk', '2025-09-29'],
      [3, 'submit', 'notice', 'review', 'township-clerk', '2025-10-20'],
      [4, 'approve', 'review', 'approved', 'county-reviewer', null],
    ]);
    expect(steps[2]!.data).toEqual({ investigators: 2 });
    expect(steps[4]!.actorId).toBe(reviewer.id);
    // Earlier rows were never rewritten by later steps.
    expect(steps.slice(0, early.length)).toEqual(early);
  });

  it('audits each step in the same transaction', async () => {
    const audited = await rows<{ action: string; before: unknown; after: unknown; region_code: string }>(
      db,
      sql`select action, before, after, region_code from audit_log where entity_type = 'test.relief' and entity_id = 'relief-1' order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'test.relief.start',
      'test.relief.investigate',
      'test.relief.publish',
      'test.relief.submit',
      'test.relief.approve',
    ]);
    expect(audited[4]).toMatchObject({
      before: { state: 'review' },
      after: { state: 'approved' },
      region_code: '610302001001',
    });
  });

  it('refuses every action once the case is closed', async () => {
    const e = await refusedWith(take(reviewer, i, 'refuse', '2025-10-16'), 409, 'WORKFLOW_CLOSED');
    expect(e.text.zh).toBe('案件已办结');
    await refusedWith(
      inTransaction(db, (tx) => assign(tx, RELIEF, reviewer, i.id, reviewer.id, i.version)),
      409,
      'WORKFLOW_CLOSED',
    );
    expect(availableActions(RELIEF, reviewer, i)).toEqual([]);
    expect(await stepsOf(i.id)).toBe(5);
  });

  it('refuses a second case for the same record', async () => {
    await refusedWith(start(clerk, 'relief-1'), 409, 'WORKFLOW_DUPLICATE');
  });
});

describe('refusals', () => {
  let i: Instance;
  beforeAll(async () => {
    i = await start(clerk, 'relief-2');
  });

  it('answers an action from the wrong state with 409 WORKFLOW_ILLEGAL_ACTION, writing nothing', async () => {
    const e = await refusedWith(take(reviewer, i, 'approve', '2025-09-16'), 409, 'WORKFLOW_ILLEGAL_ACTION');
    expect(e.params).toEqual({ state: 'accepted', action: 'approve' });
    expect(await stateOf(i.id)).toEqual({ state: 'accepted', version: 1 });
    expect(await stepsOf(i.id)).toBe(1);
  });

  it('answers an unknown action with 400', async () => {
    await refusedWith(take(clerk, i, 'teleport', '2025-09-16'), 400, 'WORKFLOW_UNKNOWN_ACTION');
  });

  it('answers a missing permission with 403 and the wrong level with 403', async () => {
    await refusedWith(take(bystander, i, 'investigate', '2025-09-16'), 403, 'WORKFLOW_FORBIDDEN');
    // The county reviewer holds relief.investigate, but investigating is the township's work.
    const e = await refusedWith(take(reviewer, i, 'investigate', '2025-09-16'), 403, 'WORKFLOW_WRONG_LEVEL');
    expect(e.params).toMatchObject({ levels: 'township' });
    await refusedWith(start(countyClerk, 'relief-county'), 403, 'WORKFLOW_WRONG_LEVEL');
    await refusedWith(start(bystander, 'relief-bystander'), 403, 'WORKFLOW_FORBIDDEN');
    expect(await stepsOf(i.id)).toBe(1);
  });

  it('answers an actor outside the region with 404, as if the case did not exist', async () => {
    await refusedWith(take(outsider, i, 'investigate', '2025-09-16'), 404, 'WORKFLOW_NOT_FOUND');
    await refusedWith(start(outsider, 'relief-outside'), 404, 'WORKFLOW_NOT_FOUND');
    // A clerk of another street of the same county is outside too.
    const jingerlu = actor('jingerlu-clerk', '610302002000', ['relief.investigate']);
    await refusedWith(take(jingerlu, i, 'investigate', '2025-09-16'), 404, 'WORKFLOW_NOT_FOUND');
  });

  it('answers a stale version with 409 WORKFLOW_STALE', async () => {
    i = await take(clerk, i, 'investigate', '2025-09-16');
    expect(i.version).toBe(2);
    await refusedWith(
      take(clerk, i, 'publish', '2025-09-17', { investigators: 2 }, 1),
      409,
      'WORKFLOW_STALE',
    );
    expect(await stateOf(i.id)).toEqual({ state: 'investigating', version: 2 });
  });

  it('lets one of two concurrent actions on the same version through', async () => {
    const results = await Promise.allSettled([
      take(clerk, i, 'publish', '2025-09-17', { investigators: 3 }),
      take(reviewer, i, 'refuse', '2025-09-17'),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]!.reason as AppError).code).toBe('WORKFLOW_STALE');
    expect(await stepsOf(i.id)).toBe(3);
    expect((await stateOf(i.id)).version).toBe(3);
  });

  it('refuses by guard with its reason in both languages', async () => {
    const j = await take(clerk, await start(clerk, 'relief-3'), 'investigate', '2025-09-16');
    const e = await refusedWith(
      take(clerk, j, 'publish', '2025-09-17', { investigators: 1 }),
      409,
      'WORKFLOW_GUARD',
    );
    expect(e.details).toEqual({
      reason: { zh: '入户调查须至少两人', en: 'A home visit needs at least two investigators' },
    });
    expect(e.params.reason).toBe('入户调查须至少两人');
    expect(refusal(RELIEF, clerk, j, 'publish', { investigators: 2 })).toBeNull();
    expect(await stateOf(j.id)).toEqual({ state: 'investigating', version: 2 });
  });

  it('lets only the assignee take an assignee-only action', async () => {
    let j = await take(clerk, await start(clerk, 'relief-4'), 'investigate', '2025-09-16');
    j = await take(clerk, j, 'publish', '2025-09-17', { investigators: 2 });
    j = await inTransaction(db, (tx) => assign(tx, RELIEF, clerk, j.id, colleague.id, j.version));
    expect(j.assigneeId).toBe(colleague.id);
    await refusedWith(take(clerk, j, 'submit', '2025-09-24'), 403, 'WORKFLOW_NOT_ASSIGNEE');
    expect(availableActions(RELIEF, clerk, j)).toEqual([]);
    expect(availableActions(RELIEF, colleague, j)).toEqual(['submit']);
    j = await take(colleague, j, 'submit', '2025-09-24');
    expect(j.state).toBe('review');
    const assigned = await auditRowsOf(db, 'test.relief.assign');
    expect(assigned.at(-1)).toMatchObject({
      before: { assigneeId: null },
      after: { assigneeId: colleague.id },
    });
  });
});

describe('deadlines', () => {
  it('counts working days over the National Day holiday to a make-up Saturday', async () => {
    const i = await start(clerk, 'relief-nd', '2025-09-30');
    expect(i.dueDate).toBe('2025-10-11');
  });

  it('tells overdue, due-soon and on-time apart', async () => {
    expect(await urgencyOf(db, null, '2025-10-09')).toBe('none');
    expect(await urgencyOf(db, '2025-10-08', '2025-10-09')).toBe('overdue');
    // Two working days after 2025-09-30 are 10-09 and 10-10: due on 10-10 is "due soon" on 09-30.
    expect(await urgencyOf(db, '2025-10-10', '2025-09-30')).toBe('due-soon');
    expect(await urgencyOf(db, '2025-10-11', '2025-09-30')).toBe('on-time');
  });
});

describe('over HTTP', () => {
  let township: Session;
  let county: Session;
  let id: string;
  beforeAll(async () => {
    township = await login(server.app, 'township');
    county = await login(server.app, 'county');
  });

  it('answers an illegal action with 409 in the caller’s language', async () => {
    const started = expectOk(
      await call(server.app, township, 'POST', '/api/v1/test-relief', {
        entityId: 'http-1',
        regionCode: '610302001001',
      }),
    );
    id = started.id;
    const zh = expectError(
      await call(server.app, county, 'POST', `/api/v1/test-relief/${id}/approve`, { version: 1 }),
      409,
      'WORKFLOW_ILLEGAL_ACTION',
    );
    expect(zh.message).toMatch(HAN);
    expect(zh.message).toContain('accepted');
    const en = expectError(
      await call(server.app, county, 'POST', `/api/v1/test-relief/${id}/approve`, { version: 1 }, 'en-US'),
      409,
      'WORKFLOW_ILLEGAL_ACTION',
    );
    expect(en.message).toBe('The case is in state "accepted"; "approve" is not possible');
  });

  it('maps the other refusals to their statuses', async () => {
    expectError(
      await call(server.app, county, 'POST', `/api/v1/test-relief/${id}/investigate`, { version: 1 }),
      403,
      'WORKFLOW_WRONG_LEVEL',
    );
    expectError(
      await call(server.app, township, 'POST', `/api/v1/test-relief/${id}/investigate`, { version: 7 }),
      409,
      'WORKFLOW_STALE',
    );
    const village = await login(server.app, 'village');
    // The village worker's role lacks relief.accept: the route itself is closed.
    expectError(
      await call(server.app, village, 'POST', '/api/v1/test-relief', {
        entityId: 'http-2',
        regionCode: '610302001001',
      }),
      403,
      'HTTP_FORBIDDEN',
    );
    // The case is in the worker's own community, but investigating is not his to do…
    expectError(
      await call(server.app, village, 'POST', `/api/v1/test-relief/${id}/investigate`, { version: 1 }),
      403,
      'WORKFLOW_FORBIDDEN',
    );
    // …and a case of the next community does not exist for him.
    const next = expectOk(
      await call(server.app, township, 'POST', '/api/v1/test-relief', {
        entityId: 'http-3',
        regionCode: '610302001002',
      }),
    );
    expectError(
      await call(server.app, village, 'POST', `/api/v1/test-relief/${next.id}/investigate`, { version: 1 }),
      404,
      'WORKFLOW_NOT_FOUND',
    );
    expectOk(
      await call(server.app, township, 'POST', `/api/v1/test-relief/${id}/investigate`, { version: 1 }),
    );
  });
});
