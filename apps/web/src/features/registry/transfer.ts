import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../app/api/errors';
import type { JobView, MeResponse } from '../../app/api/types';
import { meQueryKey } from '../../app/auth/AuthProvider';
import { currentLang } from '../../app/i18n/lang';

/**
 * Files over the API: workbook downloads (template, export, error rows) and the raw .xlsx upload of an import.
 * The JSON client cannot carry these; errors are still the API's `{error:{code,message,details}}`, turned into
 * the same ApiError so the query client reacts to a lost session as for any other request.
 */
const base = '/api/v1';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The session's CSRF token, from the /auth/me answer the AuthProvider keeps. */
export function useCsrfToken(): () => string | null {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.getQueryData<MeResponse | null>(meQueryKey)?.csrfToken ?? null,
    [queryClient],
  );
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } })
      .error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string')
      return new ApiError(response.status, error.code, error.message, error.details);
  } catch {
    // Not our JSON: described below.
  }
  const zh = currentLang() === 'zh-CN';
  return new ApiError(
    response.status,
    'HTTP_STATUS',
    zh ? `服务器错误（${response.status}）` : `Server error (${response.status})`,
    text || undefined,
  );
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      credentials: 'same-origin',
      ...init,
      headers: { 'Accept-Language': currentLang(), ...init.headers },
    });
  } catch {
    const zh = currentLang() === 'zh-CN';
    throw new ApiError(0, 'NETWORK', zh ? '无法连接服务器' : 'Cannot reach the server', undefined);
  }
  if (!response.ok) throw await failure(response);
  return response;
}

/** `attachment; filename*=UTF-8''%E4%BA%BA%E5%91%98.xlsx` → 人员.xlsx. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** GETs a file and hands it to the browser as a download. */
export async function downloadFile(path: string): Promise<void> {
  const response = await send(path, { method: 'GET', headers: { Accept: `${xlsxType}, */*` } });
  const blob = await response.blob();
  const fallback = `${path.split('?')[0]!.split('/').filter(Boolean).join('-')}.xlsx`;
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallback);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POSTs a workbook as the raw request body; the answer is the job that reads it. */
export async function uploadWorkbook(path: string, file: File, csrfToken: string | null): Promise<JobView> {
  const response = await send(path, {
    method: 'POST',
    headers: {
      'Content-Type': xlsxType,
      Accept: 'application/json',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: file,
  });
  return (await response.json()) as JobView;
}
