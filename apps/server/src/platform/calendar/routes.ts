import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDayView, calendarKind, okBody, workingDaysQuery } from '@minzheng/contracts';
import { daysOfYear } from './repo';
import { addWorkingDays, deleteDay, setDay } from './service';

export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.db;
  const dateParam = z.object({ date: z.iso.date() });

  r.get(
    '/api/v1/calendar',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.array(calendarDayView) },
      },
    },
    async (req) =>
      (await daysOfYear(db(), req.query.year)).map((d) => ({ ...d, kind: d.kind as 'holiday' | 'workday' })),
  );
  r.get(
    '/api/v1/calendar/working-days',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        querystring: workingDaysQuery,
        response: { 200: z.object({ date: z.iso.date() }) },
      },
    },
    async (req) => ({ date: await addWorkingDays(db(), req.query.from, req.query.days) }),
  );
  r.put(
    '/api/v1/calendar/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        params: dateParam,
        body: z.object({ kind: calendarKind, name: z.string().trim().min(1).max(40) }),
        response: { 200: calendarDayView },
      },
    },
    async (req) => setDay(db(), req.actor, { date: req.params.date, ...req.body }),
  );
  r.delete(
    '/api/v1/calendar/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags: ['calendar'], params: dateParam, response: { 200: okBody } },
    },
    async (req) => {
      await deleteDay(db(), req.actor, req.params.date);
      return { ok: true as const };
    },
  );
}
