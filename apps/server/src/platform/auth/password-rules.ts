export interface PasswordPolicy {
  minPasswordLength: number;
  minCharClasses: number;
}

/** Character classes present: upper case, lower case, digits, other symbols. */
export function charClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username';

export function checkPassword(
  password: string,
  username: string,
  policy: PasswordPolicy,
): PasswordProblem | null {
  if ([...password].length < policy.minPasswordLength) return 'too_short';
  if (charClasses(password) < policy.minCharClasses) return 'too_few_classes';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return 'contains_username';
  return null;
}
