import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deathInput,
  duplicateView,
  householdInput,
  householdView,
  memberInput,
  memberLeaveInput,
  mergeRequest,
  page,
  personInput,
  personSearchQuery,
  personUpdate,
  personView,
  revealRequest,
  revealResponse,
} from '@minzheng/contracts';
import { createPerson, findPersons, getPerson, recordDeath, revealField, updatePerson } from './service';
import { addMember, createHousehold, getHousehold, removeMember } from './households';
import { findDuplicates, mergePersons } from './duplicates';
import { programmesOf, programmeView } from './programmes';

const idParam = z.object({ id: z.uuid() });

export async function registryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({ db: app.ctx.db, keyring: app.ctx.keyring });
  const tags = ['registry'];

  r.get(
    '/api/v1/persons',
    {
      config: { permission: 'person.read' },
      schema: { tags, querystring: personSearchQuery, response: { 200: page(personView) } },
    },
    async (req) => findPersons(deps(), req.actor, req.query),
  );
  r.post(
    '/api/v1/persons',
    {
      config: { permission: 'person.write' },
      schema: { tags, body: personInput, response: { 200: personView } },
    },
    async (req) => createPerson(deps(), req.actor, req.body),
  );
  r.get(
    '/api/v1/persons/duplicates',
    { config: { permission: 'person.merge' }, schema: { tags, response: { 200: z.array(duplicateView) } } },
    async (req) => findDuplicates(app.ctx.db, req.actor),
  );
  r.post(
    '/api/v1/persons/merge',
    {
      config: { permission: 'person.merge' },
      schema: { tags, body: mergeRequest, response: { 200: personView } },
    },
    async (req) => mergePersons(app.ctx.db, req.actor, req.body.keepId, req.body.dropId, req.body.reason),
  );
  r.get(
    '/api/v1/persons/:id',
    {
      config: { permission: 'person.read' },
      schema: { tags, params: idParam, response: { 200: personView } },
    },
    async (req) => getPerson(app.ctx.db, req.actor, req.params.id),
  );
  r.get(
    '/api/v1/persons/:id/programmes',
    {
      config: { permission: 'person.read' },
      schema: { tags, params: idParam, response: { 200: z.array(programmeView) } },
    },
    async (req) => {
      await getPerson(app.ctx.db, req.actor, req.params.id);
      return programmesOf(app.ctx.db, req.params.id);
    },
  );
  r.patch(
    '/api/v1/persons/:id',
    {
      config: { permission: 'person.write' },
      schema: { tags, params: idParam, body: personUpdate, response: { 200: personView } },
    },
    async (req) => updatePerson(deps(), req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/v1/persons/:id/death',
    {
      config: { permission: 'person.write' },
      schema: { tags, params: idParam, body: deathInput, response: { 200: personView } },
    },
    async (req) => recordDeath(app.ctx.db, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/v1/persons/:id/reveal',
    {
      config: { permission: 'person.reveal' },
      schema: { tags, params: idParam, body: revealRequest, response: { 200: revealResponse } },
    },
    async (req) => revealField(deps(), req.actor, req.params.id, req.body.field, req.body.reason),
  );
  r.post(
    '/api/v1/households',
    {
      config: { permission: 'household.write' },
      schema: { tags, body: householdInput, response: { 200: householdView } },
    },
    async (req) => createHousehold(app.ctx.db, req.actor, req.body),
  );
  r.get(
    '/api/v1/households/:id',
    {
      config: { permission: 'person.read' },
      schema: { tags, params: idParam, response: { 200: householdView } },
    },
    async (req) => getHousehold(app.ctx.db, req.actor, req.params.id),
  );
  r.post(
    '/api/v1/households/:id/members',
    {
      config: { permission: 'household.write' },
      schema: { tags, params: idParam, body: memberInput, response: { 200: householdView } },
    },
    async (req) => addMember(app.ctx.db, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/v1/households/:id/members/:personId/leave',
    {
      config: { permission: 'household.write' },
      schema: {
        tags,
        params: z.object({ id: z.uuid(), personId: z.uuid() }),
        body: memberLeaveInput,
        response: { 200: householdView },
      },
    },
    async (req) => removeMember(app.ctx.db, req.actor, req.params.id, req.params.personId, req.body),
  );
}
