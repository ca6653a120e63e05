import type { PersonInput } from '@minzheng/contracts';
import { isParsed, parseIdNumber, type IdProblem } from './id-number';
import { RegistryErrors } from './errors';

const ID_ERRORS: Record<IdProblem, () => Error> = {
  format: () => RegistryErrors.ID_FORMAT(),
  address: () => RegistryErrors.ID_ADDRESS(),
  'birth-date': () => RegistryErrors.ID_BIRTH_DATE(),
  'future-birth': () => RegistryErrors.ID_FUTURE_BIRTH(),
  'check-character': () => RegistryErrors.ID_CHECK_CHARACTER(),
};

export interface CheckedIdentity {
  idNumber: string | null;
  sex: string;
  birthDate: string;
}

/**
 * Sex and birth date come from the ID number; what was typed must agree with it. Without an ID number a
 * reason is required (infants, some elderly), and sex and birth date must be given.
 */
export function checkIdentity(
  input: Pick<PersonInput, 'idNumber' | 'noIdReason' | 'sex' | 'birthDate'>,
  today: string,
): CheckedIdentity {
  if (input.idNumber) {
    const parsed = parseIdNumber(input.idNumber, today);
    if (!isParsed(parsed)) throw ID_ERRORS[parsed]();
    if (input.sex && input.sex !== '0' && input.sex !== '9' && input.sex !== parsed.sex)
      throw RegistryErrors.SEX_MISMATCH();
    if (input.birthDate && input.birthDate !== parsed.birthDate) throw RegistryErrors.BIRTH_MISMATCH();
    return { idNumber: parsed.idNumber, sex: parsed.sex, birthDate: parsed.birthDate };
  }
  if (!input.noIdReason) throw RegistryErrors.ID_OR_REASON();
  if (!input.sex || !input.birthDate) throw RegistryErrors.NO_ID_NEEDS_BIRTH();
  return { idNumber: null, sex: input.sex, birthDate: input.birthDate };
}

/**
 * GB/T 4761-2008 relation of a member to the head: 1x spouse, 2x son, 3x daughter, 4x grandchild, 5x parent,
 * 6x grandparent, 7x sibling, 8x and 97 other relatives, 99 non-relative. 02 (head) belongs to the head alone.
 */
export function isMemberRelation(code: string): boolean {
  return /^[1-8]\d$|^9[79]$/.test(code);
}
