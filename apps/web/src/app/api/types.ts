/**
 * Wire types, inferred from the shared zod contracts. Only types are imported, so zod stays out of the
 * browser bundle.
 */
import type { z } from 'zod';
import type {
  divisionChangeRequest,
  divisionChangeResult,
  securityPolicyUpdate,
  sessionView,
  createUserRequest,
  updateUserRequest,
  SessionUser,
} from '@minzheng/contracts';

export type {
  AuditView,
  CalendarDayView,
  DivisionView,
  FieldIssue,
  JobStatus,
  JobView,
  Level,
  LoginResponse,
  RoleView,
  SecurityPolicyView,
  SessionUser,
  UserView,
} from '@minzheng/contracts';

export type SessionView = z.infer<typeof sessionView>;
export type SecurityPolicyUpdate = z.infer<typeof securityPolicyUpdate>;
export type CreateUserRequest = z.input<typeof createUserRequest>;
export type UpdateUserRequest = z.input<typeof updateUserRequest>;
export type DivisionChangeRequest = z.input<typeof divisionChangeRequest>;
export type DivisionChangeResult = z.infer<typeof divisionChangeResult>;

/** One row of GET /regions/changes. */
export interface DivisionChangeView {
  id: string;
  fromCode: string;
  toCode: string;
  newName: string;
  effectiveDate: string;
  reason: string;
  createdAt: string;
  actorName: string | null;
}

/** A keyset page: pass `nextCursor` back as `cursor`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface MeResponse {
  user: SessionUser;
  csrfToken: string;
  idleTimeoutMinutes: number;
}

export interface Ok {
  ok: true;
}
