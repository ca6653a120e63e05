import type { FormInstance } from 'antd';
import { isApiError } from './errors';

/**
 * Puts the field messages of a 400 answer on the matching Form fields. The server names fields by their path
 * in the body (`roles.0`, `scopeCode`); the first segment that is a field of the form wins.
 * Returns true when at least one field got a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const issues = error.fieldIssues;
  if (issues.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const name = issue.field.split('.')[0] ?? issue.field;
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
