import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the token's hash, so a leaked table holds no usable token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A readable random password for first-run accounts: 4 classes, 16 characters. */
export function generatePassword(): string {
  const pick = (set: string, n: number) => Array.from(randomBytes(n), (b) => set[b % set.length]).join('');
  const chars =
    pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 4) +
    pick('abcdefghijkmnpqrstuvwxyz', 6) +
    pick('23456789', 4) +
    pick('@#%+=!', 2);
  return Array.from(chars)
    .map((c) => [randomBytes(1)[0]!, c] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c)
    .join('');
}
