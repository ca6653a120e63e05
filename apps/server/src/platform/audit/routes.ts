import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditQuery, auditView, jobView, page } from '@minzheng/contracts';
import { enqueueJob, toJobView } from '../jobs/queue';
import { listAudit } from './repo';
import './verify-job';

export async function auditRoutes(app: FastifyInstance, opts: { onJobQueued?: () => void }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: page(auditView) } },
    },
    async (req) => listAudit(app.ctx.db, req.actor, req.query),
  );
  r.post(
    '/api/v1/audit/verify',
    { config: { permission: 'audit.read' }, schema: { tags: ['audit'], response: { 200: jobView } } },
    async (req) => {
      const row = await enqueueJob(app.ctx.db, req.actor, 'audit.verify');
      opts.onJobQueued?.();
      return toJobView(row);
    },
  );
}
