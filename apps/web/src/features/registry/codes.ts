import { isMessageKey, type MessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';
import type { DisabilityCategory, LabourCapacity, SexCode, UrbanRural } from './types';

/** GB/T 2261.1 sex codes. */
export const sexCodes: SexCode[] = ['1', '2', '0', '9'];
/** Disability certificate categories: 1 vision … 7 multiple. */
export const disabilityCategories: DisabilityCategory[] = ['1', '2', '3', '4', '5', '6', '7'];
export const disabilityGrades = [1, 2, 3, 4] as const;
export const labourCapacities: LabourCapacity[] = ['full', 'partial', 'none', 'unknown'];
export const urbanRuralValues: UrbanRural[] = ['urban', 'rural'];

/** GB/T 4761-2008 relations offered for a member (02, the head, comes with the household). */
export const memberRelations = ['10', '20', '30', '40', '50', '60', '70', '80', '99'] as const;

/** GB/T 3304 ethnic groups: 01 汉族 … 56 基诺族, 97 other, 98 foreign origin. */
export const ethnicityCodes = [
  ...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
  '97',
  '98',
];

/**
 * The message key of a relation code: the code itself when named, else its group (41 → 40 grandchild,
 * 12 → 10 spouse). 01 本人 and 02 户主 are named; unknown codes have none.
 */
export function relationKey(code: string): MessageKey | null {
  const exact = `registry.relation.${code}`;
  if (isMessageKey(exact)) return exact;
  const group = `registry.relation.${code.slice(0, 1)}0`;
  return /^[1-8]\d$/.test(code) && isMessageKey(group) ? group : null;
}

/** The names of the registry's codes in the current language; unknown codes show as they are. */
export function useRegistryNames() {
  const t = useT();
  const named = (key: string, code: string) => (isMessageKey(key) ? t(key) : code);
  return {
    sex: (code: string) => named(`registry.sex.${code}`, code),
    relation: (code: string) => {
      const key = relationKey(code);
      return key ? t(key) : code;
    },
    disability: (code: string) => named(`registry.disability.${code}`, code),
    grade: (grade: number) => named(`registry.grade.${grade}`, String(grade)),
    labour: (value: string) => named(`registry.labour.${value}`, value),
    urbanRural: (value: string) => named(`registry.urbanRural.${value}`, value),
    ethnicity: (code: string) => named(`registry.ethnicity.${code}`, code),
  };
}
