import { z } from 'zod';

export const jobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatus>;
export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: jobStatus,
  done: z.number(),
  total: z.number().nullable(),
  message: z.string().nullable(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;
export const startJobRequest = z.object({
  kind: z.string().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});
