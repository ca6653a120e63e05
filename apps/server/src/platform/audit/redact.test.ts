import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('audit images', () => {
  it('never hold secrets', () => {
    expect(
      redact({
        username: 'county',
        passwordHash: '$argon2id$x',
        initialPassword: 'Initial#1',
        csrfToken: 't',
      }),
    ).toEqual({
      username: 'county',
      passwordHash: '[redacted]',
      initialPassword: '[redacted]',
      csrfToken: '[redacted]',
    });
  });
  it('mask sensitive personal data, also in nested objects and arrays', () => {
    expect(
      redact({
        members: [
          {
            name: '张三',
            idNumber: '11010519491231002X',
            phone: '13812341234',
            bankAccount: '6222020200112233',
          },
        ],
      }),
    ).toEqual({
      members: [
        {
          name: '张三',
          idNumber: '110105********002X',
          phone: '138****1234',
          bankAccount: '************2233',
        },
      ],
    });
  });
  it('keep everything else as it is, dates as ISO text', () => {
    expect(redact({ a: 1, b: null, c: [true, 'x'], d: new Date('2026-01-02T03:04:05Z') })).toEqual({
      a: 1,
      b: null,
      c: [true, 'x'],
      d: '2026-01-02T03:04:05.000Z',
    });
    expect(redact('plain')).toBe('plain');
  });
});
