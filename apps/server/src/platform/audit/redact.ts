/**
 * Before/after images in the audit log never hold secrets, and hold sensitive personal data only masked.
 */
const SECRET = /password|hash|token|secret/i;
const ID_NUMBER = /idNumber$|^id_number$/i;
const PHONE = /phone|mobile/i;
const ACCOUNT = /bankAccount|account_no|accountNumber/i;

export function maskIdNumber(v: string): string {
  return v.length > 10 ? v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4) : '*'.repeat(v.length);
}
export function maskPhone(v: string): string {
  return v.length >= 7 ? v.slice(0, 3) + '****' + v.slice(-4) : '*'.repeat(v.length);
}
export function maskAccount(v: string): string {
  return v.length > 4 ? '*'.repeat(v.length - 4) + v.slice(-4) : '*'.repeat(v.length);
}

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET.test(k)) out[k] = '[redacted]';
    else if (typeof v === 'string' && ID_NUMBER.test(k)) out[k] = maskIdNumber(v);
    else if (typeof v === 'string' && PHONE.test(k)) out[k] = maskPhone(v);
    else if (typeof v === 'string' && ACCOUNT.test(k)) out[k] = maskAccount(v);
    else out[k] = redact(v);
  }
  return out;
}
