import type { FormInstance } from 'antd';
import { isApiError } from './errors';
import { currentLang } from '../i18n/lang';
import { showError } from './feedback';
import { reportError } from './query-client';

/**
 * Error codes that concern one field of a form although the server sends no field details with them
 * (e.g. `AUTH_WRONG_CURRENT_PASSWORD` → `currentPassword`).
 */
export type CodeFields = Record<string, string>;

interface Placement {
  /** At least one field got a message. */
  placed: boolean;
  /** Field messages of the answer for which the form has no field. */
  unplaced: string[];
}

function placeFieldErrors(form: FormInstance, error: unknown, codeFields: CodeFields): Placement {
  if (!isApiError(error)) return { placed: false, unplaced: [] };
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of error.fieldIssues) {
    const name = issue.field.split('.')[0] ?? issue.field;
    if (!known.has(name)) {
      unplaced.push(issue.message);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  const codeField = codeFields[error.code];
  if (codeField && known.has(codeField) && !byField.has(codeField)) byField.set(codeField, [error.message]);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return { placed: byField.size > 0, unplaced };
}

/**
 * Puts the field messages of a 400 answer on the matching Form fields. The server names fields by their path
 * in the body (`roles.0`, `scopeCode`); the first segment that is a field of the form wins. An error whose
 * code is listed in `codeFields` goes to that field with its (already localized) message.
 * Returns true when at least one field got a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, codeFields: CodeFields = {}): boolean {
  return placeFieldErrors(form, error, codeFields).placed;
}

/**
 * The `onError` of a form's mutation, which must be silent (`meta: { silent: true }`) so the query client
 * does not show the error as well. What belongs to a field of the form is shown under that field only; an
 * error that concerns no field of the form is shown as a message, once.
 */
export function showFormError(form: FormInstance, error: unknown, codeFields: CodeFields = {}): void {
  const { placed, unplaced } = placeFieldErrors(form, error, codeFields);
  if (!placed) reportError(error);
  else if (unplaced.length > 0) showError(unplaced.join(currentLang() === 'zh-CN' ? '；' : '; '));
}

/** Password problems the server reports by code, for the field that holds the new password. */
export function passwordCodeFields(field: string): CodeFields {
  return {
    AUTH_WEAK_PASSWORD_TOO_SHORT: field,
    AUTH_WEAK_PASSWORD_TOO_FEW_CLASSES: field,
    AUTH_WEAK_PASSWORD_CONTAINS_USERNAME: field,
    AUTH_SAME_PASSWORD: field,
  };
}
