import { describe, expect, it } from 'vitest';
import { charClasses, checkPassword } from './password-rules';

const policy = { minPasswordLength: 8, minCharClasses: 3 };

describe('password rules', () => {
  it('counts the four character classes', () => {
    expect(charClasses('abc')).toBe(1);
    expect(charClasses('abcDEF')).toBe(2);
    expect(charClasses('abcDEF12')).toBe(3);
    expect(charClasses('abcDEF12#')).toBe(4);
    expect(charClasses('密码Ab1')).toBe(4); // Chinese characters count as symbols
  });
  it('names the first rule a password breaks', () => {
    expect(checkPassword('Ab#1xyz', 'county', policy)).toBe('too_short');
    expect(checkPassword('abcdefgh1234', 'county', policy)).toBe('too_few_classes');
    expect(checkPassword('My-County-1', 'county', policy)).toBe('contains_username');
    expect(checkPassword('Demo@2026', 'county', policy)).toBeNull();
  });
  it('counts characters, not UTF-16 units', () => {
    // Seven characters, one of them outside the BMP (two UTF-16 units): still too short.
    expect(checkPassword('Ab1#xy\u{20BB7}', 'county', policy)).toBe('too_short');
  });
  it('ignores very short usernames and follows a stricter policy', () => {
    expect(checkPassword('Xx-ab-123', 'ab', policy)).toBeNull();
    expect(checkPassword('Demo@2026', 'county', { minPasswordLength: 12, minCharClasses: 3 })).toBe(
      'too_short',
    );
    expect(checkPassword('Demo2026Demo', 'county', { minPasswordLength: 8, minCharClasses: 4 })).toBe(
      'too_few_classes',
    );
  });
});
