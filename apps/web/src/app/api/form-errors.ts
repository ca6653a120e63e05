import type { FormInstance } from 'antd';
import { isApiError } from './errors';

/**
 * Error codes that concern one field of a form although the server sends no field details with them
 * (e.g. `AUTH_WRONG_CURRENT_PASSWORD` → `currentPassword`).
 */
export type CodeFields = Record<string, string>;

/**
 * Puts the field messages of a 400 answer on the matching Form fields. The server names fields by their path
 * in the body (`roles.0`, `scopeCode`); the first segment that is a field of the form wins. An error whose
 * code is listed in `codeFields` goes to that field with its (already localized) message.
 * Returns true when at least one field got a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, codeFields: CodeFields = {}): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  for (const issue of error.fieldIssues) {
    const name = issue.field.split('.')[0] ?? issue.field;
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  const codeField = codeFields[error.code];
  if (codeField && known.has(codeField) && !byField.has(codeField)) byField.set(codeField, [error.message]);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
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
