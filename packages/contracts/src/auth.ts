import { z } from 'zod';
import { regionCode } from './common';

export const levels = ['province', 'city', 'county', 'township', 'village', 'grid'] as const;
export const level = z.enum(levels);
export type Level = z.infer<typeof level>;

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scopeCode: regionCode,
  scopeName: z.string(),
  scopeLevel: level,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z.object({
  token: z.string(),
  csrfToken: z.string(),
  user: sessionUser,
  mustChangePassword: z.boolean(),
  idleTimeoutMinutes: z.number().int(),
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const meResponse = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number(),
});

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
