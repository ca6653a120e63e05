import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobView, page, pageQuery } from '@minzheng/contracts';
import { getJob, listJobs, toJobView } from './queue';

export async function jobRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/jobs',
    {
      config: { permission: 'job.read' },
      schema: { tags: ['jobs'], querystring: pageQuery, response: { 200: page(jobView) } },
    },
    async (req) => listJobs(app.ctx.db, req.actor, req.query.cursor, req.query.limit),
  );
  r.get(
    '/api/v1/jobs/:id',
    {
      config: { permission: 'job.read' },
      schema: { tags: ['jobs'], params: z.object({ id: z.uuid() }), response: { 200: jobView } },
    },
    async (req) => toJobView(await getJob(app.ctx.db, req.actor, req.params.id)),
  );
}
