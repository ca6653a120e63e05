import { z } from 'zod';
import { level } from './auth';
import { regionCode } from './common';

export const divisionView = z.object({
  code: regionCode,
  name: z.string(),
  level,
  parentCode: regionCode.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  successorCode: regionCode.nullable(),
  hasChildren: z.boolean(),
});
export type DivisionView = z.infer<typeof divisionView>;

export const divisionChangeRequest = z.object({
  fromCode: regionCode,
  toCode: regionCode,
  newName: z.string().trim().min(1).max(64),
  effectiveDate: z.iso.date(),
  reason: z.string().trim().min(1).max(500),
});
export const divisionChangeResult = z.object({
  changeId: z.string(),
  divisionsRecoded: z.number().int(),
  recordsRecoded: z.record(z.string(), z.number().int()),
});
