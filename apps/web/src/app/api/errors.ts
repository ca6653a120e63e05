import type { FieldIssue } from './types';

/** Error codes the client reacts to by itself. */
export const authErrorCodes = {
  unauthenticated: 'HTTP_UNAUTHENTICATED',
  sessionExpired: 'HTTP_SESSION_EXPIRED',
  passwordChangeRequired: 'HTTP_PASSWORD_CHANGE_REQUIRED',
} as const;

/** A non-2xx answer: `message` is already in the user's language (the server reads Accept-Language). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field-level problems of a 400 answer, when there are any. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as FieldIssue).field === 'string' &&
        typeof (d as FieldIssue).message === 'string',
    );
  }

  get isAuthLost(): boolean {
    return (
      this.status === 401 &&
      (this.code === authErrorCodes.unauthenticated || this.code === authErrorCodes.sessionExpired)
    );
  }

  get isPasswordChangeRequired(): boolean {
    return this.status === 403 && this.code === authErrorCodes.passwordChangeRequired;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
