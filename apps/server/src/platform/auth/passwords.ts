import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: the package's enum is a `const enum`, which isolated modules cannot read.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username does not exist, so timing does not reveal valid usernames. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-Aa1!');
  return decoy;
}
