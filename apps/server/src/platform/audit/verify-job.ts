import { registerJob } from '../jobs/registry';
import { sealAudit } from './sealer';
import { verifyAudit } from './verify';

/** The audit administrator's "verify the chain" as a job with progress, so the UI can follow it. */
registerJob('audit.verify', {
  permission: 'audit.read',
  async run(ctx) {
    await sealAudit(ctx.db);
    const result = await verifyAudit(ctx.db, ({ checked, total }) =>
      ctx.progress(checked, total, `${checked} / ${total}`),
    );
    return result;
  },
});
