import { currentLang } from '../i18n/lang';
import { ApiError } from './errors';

const base = '/api/v1';

/** The CSRF token of the session, from the login or /auth/me answer; kept in memory only. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;

/** `withQuery('/users', { q: 'a', cursor: undefined })` → `/users?q=a`; empty values are left out. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Offline, refused connection, or an answer that is not our JSON error. */
function networkError(status: number, text: string): ApiError {
  const zh = currentLang() === 'zh-CN';
  const message =
    status === 0
      ? zh
        ? '无法连接服务器'
        : 'Cannot reach the server'
      : zh
        ? `服务器错误（${status}）`
        : `Server error (${status})`;
  return new ApiError(status, status === 0 ? 'NETWORK' : 'HTTP_STATUS', message, text || undefined);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': currentLang(), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError(0, '');
  }

  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
      ?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      throw new ApiError(response.status, error.code, error.message, error.details);
    }
    throw networkError(response.status, text);
  }
  return json as T;
}

/** The JSON API under /api/v1. Non-GET requests carry the session's CSRF token. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
