import { z } from 'zod';
import { regionCode } from './common';

export const userStatus = z.enum(['active', 'disabled']);

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  scopeCode: regionCode,
  scopeName: z.string(),
  status: userStatus,
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'username: 3-32 of a-z 0-9 . _ -, starting with a letter');

export const createUserRequest = z.object({
  username,
  displayName: z.string().trim().min(1).max(64),
  roles: z.array(z.string().min(1)).min(1),
  scopeCode: regionCode,
  initialPassword: z.string().min(1).max(256),
});
export const updateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  roles: z.array(z.string().min(1)).min(1).optional(),
  scopeCode: regionCode.optional(),
  status: userStatus.optional(),
  version: z.number().int(),
});
export const resetPasswordRequest = z.object({
  newPassword: z.string().min(1).max(256),
  version: z.number().int(),
});

export const roleView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
  adminKind: z.enum(['system', 'security', 'audit']).nullable(),
});
export type RoleView = z.infer<typeof roleView>;

export const securityPolicyView = z.object({
  minPasswordLength: z.number().int(),
  minCharClasses: z.number().int(),
  maxFailedLogins: z.number().int(),
  lockoutMinutes: z.number().int(),
  idleTimeoutMinutes: z.number().int(),
  passwordMaxAgeDays: z.number().int(),
  validFrom: z.string(),
});
export type SecurityPolicyView = z.infer<typeof securityPolicyView>;
export const securityPolicyUpdate = z.object({
  minPasswordLength: z.number().int().min(8).max(64),
  minCharClasses: z.number().int().min(3).max(4),
  maxFailedLogins: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleTimeoutMinutes: z.number().int().min(5).max(240),
  passwordMaxAgeDays: z.number().int().min(0).max(365),
});

export const sessionView = z.object({
  id: z.string(),
  userId: z.uuid(),
  username: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  address: z.string().nullable(),
});
