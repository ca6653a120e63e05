import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { jobHandler } from './registry';
import { claimJob, finishJob, heartbeat, reportProgress, STALE_AFTER_SECONDS } from './queue';

const HEARTBEAT_MS = (STALE_AFTER_SECONDS * 1000) / 3;

/**
 * Runs queued jobs one at a time in this process. Safe to run in several processes against PostgreSQL:
 * claims use SKIP LOCKED, and a job whose worker died is resumed from its checkpoint by another.
 */
export class JobWorker {
  readonly id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly pollMs = 500,
  ) {}

  start() {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.drain()
        .then(() => undefined)
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    this.timer = setTimeout(tick, 10);
  }

  /** Wakes the worker now (after a job was queued by this process). */
  poke() {
    if (this.running || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.start();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs jobs until none is waiting; returns how many ran (tests call this directly). */
  async drain(): Promise<number> {
    let count = 0;
    for (;;) {
      const job = await claimJob(this.db, this.id).catch(() => undefined);
      if (!job) return count;
      count += 1;
      const handler = jobHandler(job.kind);
      if (!handler) {
        await finishJob(this.db, job.id, this.id, { error: `no handler for ${job.kind}` });
        continue;
      }
      // The heartbeat goes on while the handler works, even through long silent stretches of it.
      const beat = setInterval(
        () => void heartbeat(this.db, job.id, this.id).catch(() => undefined),
        HEARTBEAT_MS,
      );
      try {
        const result = await handler.run({
          db: this.db,
          jobId: job.id,
          payload: job.payload as Record<string, unknown>,
          checkpoint: job.checkpoint,
          progress: (done, total, message, checkpoint) =>
            reportProgress(this.db, job.id, this.id, done, total, message, checkpoint),
        });
        await finishJob(this.db, job.id, this.id, { result });
      } catch (e) {
        await finishJob(this.db, job.id, this.id, { error: e instanceof Error ? e.message : String(e) });
      } finally {
        clearInterval(beat);
      }
      if (this.stopped) return count;
    }
  }
}
