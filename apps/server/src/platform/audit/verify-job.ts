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
    // A break found in the first page ends before any progress report: the bar still shows where it stopped.
    await ctx.progress(result.checked, result.checked, `${result.checked}`);
    return result;
  },
});
