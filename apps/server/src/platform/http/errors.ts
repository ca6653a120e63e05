import type { Bilingual } from '../i18n/lang';

/**
 * The one error type business code throws. Each module declares its codes with `defineErrors`, so every
 * code carries its HTTP status and its message in both languages; `error-handler.ts` maps them in one place.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: Bilingual,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${text.en}`);
  }
}

export interface ErrorSpec {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 503;
  zh: string;
  en: string;
}

export type ErrorFactory = (params?: Record<string, unknown>, details?: unknown) => AppError;

/** `defineErrors('REGION', { NOT_FOUND: {...} })` → `{ NOT_FOUND: (params) => AppError('REGION_NOT_FOUND') }`. */
export function defineErrors<K extends string>(
  prefix: string,
  specs: Record<K, ErrorSpec>,
): Record<K, ErrorFactory> {
  const out = {} as Record<K, ErrorFactory>;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    out[key] = (params = {}, details) =>
      new AppError(`${prefix}_${key}`, spec.status, { zh: spec.zh, en: spec.en }, params, details);
  }
  return out;
}

/** Errors of the HTTP layer itself. */
export const HttpErrors = defineErrors('HTTP', {
  VALIDATION: { status: 400, zh: '输入有误：{fields}', en: 'Invalid input: {fields}' },
  NOT_FOUND: { status: 404, zh: '没有这个地址', en: 'No such route' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: {
    status: 401,
    zh: '登录已超时，请重新登录',
    en: 'Your session expired; please log in again',
  },
  FORBIDDEN: { status: 403, zh: '没有权限：{permission}', en: 'Not permitted: {permission}' },
  CSRF: { status: 403, zh: '请求缺少或带错了防伪令牌', en: 'Missing or wrong CSRF token' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'Change your initial password first',
  },
  STALE_VERSION: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  CONFLICT: { status: 409, zh: '与已有记录冲突', en: 'Conflicts with an existing record' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Request body too large' },
  BAD_REQUEST: { status: 400, zh: '请求格式有误：{reason}', en: 'Malformed request: {reason}' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
});

/** One field's problem in both languages; the error handler answers in the caller's. */
export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

/** 400 naming the fields, the same answer schema validation gives, for rules checked in a service. */
export function fieldErrors(problems: FieldProblem[]): AppError {
  return new AppError(
    'HTTP_VALIDATION',
    400,
    { zh: '输入有误：{fields}', en: 'Invalid input: {fields}' },
    {},
    problems,
  );
}

export function isFieldProblems(details: unknown): details is FieldProblem[] {
  return (
    Array.isArray(details) &&
    details.every((d) => d && typeof d === 'object' && 'field' in d && 'zh' in d && 'en' in d)
  );
}
