import type { Db } from '../db/client';

export interface JobContext {
  db: Db;
  jobId: string;
  payload: Record<string, unknown>;
  /** Where a crashed earlier run of this job stopped, or null on the first run. */
  checkpoint: unknown;
  /** Records progress (and a checkpoint to resume from); also the job's heartbeat. */
  progress(done: number, total: number | null, message?: string, checkpoint?: unknown): Promise<void>;
}

export interface JobHandler {
  /** Permission needed to start this kind of job. */
  permission: string;
  run(ctx: JobContext): Promise<unknown>;
}

const handlers = new Map<string, JobHandler>();

export function registerJob(kind: string, handler: JobHandler) {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}
