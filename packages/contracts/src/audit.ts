import { z } from 'zod';

export const auditOutcome = z.enum(['success', 'failure', 'denied']);
export const auditView = z.object({
  id: z.string(),
  seq: z.string().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  address: z.string().nullable(),
  outcome: auditOutcome,
  regionCode: z.string().nullable(),
});
export type AuditView = z.infer<typeof auditView>;
export const auditQuery = z.object({
  actor: z.string().optional(),
  action: z.string().optional(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  outcome: auditOutcome.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
