import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  divisionChangeRequest,
  divisionChangeResult,
  divisionView,
  regionCode,
  type DivisionView,
} from '@minzheng/contracts';
import type { DivisionRow } from './repo';
import { changeDivision, getDivision, listChanges, listChildren, listPath, search } from './service';

export function toDivisionView(d: DivisionRow): DivisionView {
  return {
    code: d.code,
    name: d.name,
    level: d.level as DivisionView['level'],
    parentCode: d.parent_code,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    successorCode: d.successor_code,
    hasChildren: d.has_children,
  };
}

const codeParam = z.object({ code: regionCode });
const asOfQuery = z.object({ asOf: z.iso.date().optional() });
const changeView = z.object({
  id: z.string(),
  fromCode: z.string(),
  toCode: z.string(),
  newName: z.string(),
  effectiveDate: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  actorName: z.string().nullable(),
});

export async function regionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;
  const read = { permission: 'region.read' };

  r.get(
    '/api/v1/regions',
    {
      config: read,
      schema: {
        tags: ['regions'],
        querystring: z.object({
          q: z.string().trim().min(1).max(40),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          asOf: z.iso.date().optional(),
        }),
        response: { 200: z.array(divisionView) },
      },
    },
    async (req) =>
      (await search(db(), req.actor, req.query.q, req.query.limit, req.query.asOf)).map(toDivisionView),
  );
  r.get(
    '/api/v1/regions/changes',
    { config: read, schema: { tags: ['regions'], response: { 200: z.array(changeView) } } },
    async () =>
      (await listChanges(db())).map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
  );
  r.post(
    '/api/v1/regions/changes',
    {
      config: { permission: 'region.manage' },
      schema: { tags: ['regions'], body: divisionChangeRequest, response: { 200: divisionChangeResult } },
    },
    async (req) => changeDivision(db(), req.actor, req.body),
  );
  r.get(
    '/api/v1/regions/:code',
    {
      config: read,
      schema: {
        tags: ['regions'],
        params: codeParam,
        querystring: asOfQuery,
        response: { 200: divisionView },
      },
    },
    async (req) => toDivisionView(await getDivision(db(), req.actor, req.params.code, req.query.asOf)),
  );
  r.get(
    '/api/v1/regions/:code/children',
    {
      config: read,
      schema: {
        tags: ['regions'],
        params: codeParam,
        querystring: asOfQuery,
        response: { 200: z.array(divisionView) },
      },
    },
    async (req) => (await listChildren(db(), req.actor, req.params.code, req.query.asOf)).map(toDivisionView),
  );
  r.get(
    '/api/v1/regions/:code/path',
    {
      config: read,
      schema: {
        tags: ['regions'],
        params: codeParam,
        querystring: asOfQuery,
        response: { 200: z.array(divisionView) },
      },
    },
    async (req) => (await listPath(db(), req.actor, req.params.code, req.query.asOf)).map(toDivisionView),
  );
}
