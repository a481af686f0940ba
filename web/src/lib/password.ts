// The staff password rule the server enforces (10 to 128 characters, letters and digits, not
// containing the user name), as live checks and a strength hint for the forms that set one.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export type PasswordRule = 'length' | 'letter' | 'digit' | 'username';

export interface PasswordCheck {
  rule: PasswordRule;
  ok: boolean;
}

export function passwordChecks(password: string, username?: string): PasswordCheck[] {
  const checks: PasswordCheck[] = [
    { rule: 'length', ok: password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX },
    { rule: 'letter', ok: /\p{L}/u.test(password) },
    { rule: 'digit', ok: /\p{Nd}/u.test(password) },
  ];
  const name = (username ?? '').trim().toLowerCase();
  if (name) checks.push({ rule: 'username', ok: !password.toLowerCase().includes(name) });
  return checks;
}

export function passwordAcceptable(password: string, username?: string): boolean {
  return passwordChecks(password, username).every((c) => c.ok);
}

export type PasswordStrength = 'weak' | 'fair' | 'good' | 'strong';

/**
 * weak: breaks a rule; fair: meets the rules; good/strong: also one/two of 14+ characters,
 * upper and lower case, a symbol.
 */
export function passwordStrength(password: string, username?: string): PasswordStrength {
  if (!passwordAcceptable(password, username)) return 'weak';
  const extras = [
    password.length >= 14,
    /\p{Lu}/u.test(password) && /\p{Ll}/u.test(password),
    /[^\p{L}\p{Nd}]/u.test(password),
  ].filter(Boolean).length;
  return extras >= 2 ? 'strong' : extras === 1 ? 'good' : 'fair';
}
