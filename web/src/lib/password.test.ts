import { describe, expect, it } from 'vitest';
import { passwordAcceptable, passwordChecks, passwordStrength } from './password';

describe('password rule', () => {
  it('needs 10 to 128 characters with letters and digits', () => {
    expect(passwordAcceptable('abc123')).toBe(false);
    expect(passwordAcceptable('abcdefghij')).toBe(false);
    expect(passwordAcceptable('1234567890')).toBe(false);
    expect(passwordAcceptable('abcdefghi1')).toBe(true);
    expect(passwordAcceptable('a1'.repeat(65))).toBe(false);
  });
  it('refuses a password containing the user name, in any case', () => {
    expect(passwordAcceptable('Clerk12345678', 'clerk')).toBe(false);
    expect(passwordAcceptable('Counter#2026x', 'clerk')).toBe(true);
    expect(passwordChecks('x', 'clerk').map((c) => c.rule)).toEqual(['length', 'letter', 'digit', 'username']);
    expect(passwordChecks('x').map((c) => c.rule)).toEqual(['length', 'letter', 'digit']);
  });
  it('counts Arabic letters as letters', () => {
    expect(passwordAcceptable('كلمةمرور2026')).toBe(true);
  });
  it('grades strength', () => {
    expect(passwordStrength('short1')).toBe('weak');
    expect(passwordStrength('abcdefghi1')).toBe('fair');
    expect(passwordStrength('Abcdefghi1')).toBe('good');
    expect(passwordStrength('Abcdefghi1#')).toBe('strong');
    expect(passwordStrength('E2e#Counter2026')).toBe('strong');
  });
});
