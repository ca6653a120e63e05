import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors';
import { checkIdentity } from './rules';

const TODAY = '2026-03-01';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('checkIdentity', () => {
  it('derives sex and birth date from the ID number', () => {
    expect(checkIdentity({ idNumber: '11010519491231002x' }, TODAY)).toEqual({
      idNumber: '11010519491231002X',
      sex: '2',
      birthDate: '1949-12-31',
    });
  });

  it('accepts entered values that agree, and the codes 0 (unknown) and 9 (unstated) for sex', () => {
    const id = '440524188001010014';
    expect(checkIdentity({ idNumber: id, sex: '1', birthDate: '1880-01-01' }, TODAY).sex).toBe('1');
    expect(checkIdentity({ idNumber: id, sex: '0' }, TODAY).sex).toBe('1');
    expect(checkIdentity({ idNumber: id, sex: '9' }, TODAY).sex).toBe('1');
  });

  it('refuses an entered sex or birth date that contradicts the ID number', () => {
    const id = '440524188001010014';
    expect(codeOf(() => checkIdentity({ idNumber: id, sex: '2' }, TODAY))).toBe('REGISTRY_SEX_MISMATCH');
    expect(codeOf(() => checkIdentity({ idNumber: id, birthDate: '1880-01-02' }, TODAY))).toBe(
      'REGISTRY_BIRTH_MISMATCH',
    );
  });

  it('maps each ID problem to its error', () => {
    const cases: [string, string][] = [
      ['12345', 'REGISTRY_ID_FORMAT'],
      ['110105194912310021', 'REGISTRY_ID_CHECK_CHARACTER'],
      ['610302198002310010', 'REGISTRY_ID_BIRTH_DATE'],
      ['010302198001011236', 'REGISTRY_ID_ADDRESS'],
      ['610302202603020018', 'REGISTRY_ID_FUTURE_BIRTH'],
    ];
    for (const [id, code] of cases) expect(codeOf(() => checkIdentity({ idNumber: id }, TODAY))).toBe(code);
  });

  it('allows a person without an ID number when a reason, sex and birth date are given', () => {
    expect(checkIdentity({ noIdReason: '新生儿未落户', sex: '2', birthDate: '2025-12-01' }, TODAY)).toEqual({
      idNumber: null,
      sex: '2',
      birthDate: '2025-12-01',
    });
    expect(codeOf(() => checkIdentity({ sex: '2', birthDate: '2025-12-01' }, TODAY))).toBe(
      'REGISTRY_ID_OR_REASON',
    );
    expect(codeOf(() => checkIdentity({ noIdReason: '新生儿', birthDate: '2025-12-01' }, TODAY))).toBe(
      'REGISTRY_NO_ID_NEEDS_BIRTH',
    );
    expect(codeOf(() => checkIdentity({ noIdReason: '新生儿', sex: '1' }, TODAY))).toBe(
      'REGISTRY_NO_ID_NEEDS_BIRTH',
    );
  });
});
