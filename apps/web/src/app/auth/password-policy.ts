/**
 * The floor of every password policy the server accepts (securityPolicyUpdate: length ≥ 8, ≥ 3 classes).
 * The server checks the policy actually in force; this check only saves a round trip.
 */
export const minPasswordLength = 8;
export const minCharClasses = 3;

export function charClassCount(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function meetsPolicyFloor(password: string): boolean {
  return password.length >= minPasswordLength && charClassCount(password) >= minCharClasses;
}
