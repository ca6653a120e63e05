import { z } from 'zod';
import { regionCode } from './common';

/** GB/T 2261.1 sex codes. */
export const sexCode = z.enum(['0', '1', '2', '9']);
export const livingStatus = z.enum(['alive', 'deceased']);
export const labourCapacity = z.enum(['full', 'partial', 'none', 'unknown']);
/** Disability categories of the national disability certificate: 1 vision … 7 multiple. */
export const disabilityCategory = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export const urbanRural = z.enum(['urban', 'rural']);

const name = z.string().trim().min(1).max(40);
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone: mobile 1xxxxxxxxxx or landline');

export const personInput = z.object({
  idNumber: z.string().trim().max(18).optional(),
  noIdReason: z.string().trim().min(1).max(100).optional(),
  name,
  sex: sexCode.optional(),
  birthDate: z.iso.date().optional(),
  ethnicity: z
    .string()
    .regex(/^\d{2}$/)
    .default('01'),
  phone: phone.optional(),
  hukouRegionCode: regionCode,
  residenceRegionCode: regionCode.optional(),
  disabilityCategory: disabilityCategory.nullable().optional(),
  disabilityGrade: z.number().int().min(1).max(4).nullable().optional(),
  seriousIllness: z.boolean().default(false),
  labourCapacity: labourCapacity.default('unknown'),
});
export type PersonInput = z.infer<typeof personInput>;

export const personUpdate = personInput
  .omit({ idNumber: true, noIdReason: true })
  .partial()
  .extend({ version: z.number().int() });

export const deathInput = z.object({
  deathDate: z.iso.date(),
  source: z.string().trim().min(1).max(60),
  version: z.number().int(),
});

/** A person as lists and pages show it: sensitive values masked. */
export const personView = z.object({
  id: z.uuid(),
  idNumberMasked: z.string().nullable(),
  noIdReason: z.string().nullable(),
  name: z.string(),
  namePinyin: z.string(),
  sex: sexCode,
  birthDate: z.string(),
  ethnicity: z.string(),
  phoneMasked: z.string().nullable(),
  hukouRegionCode: z.string(),
  hukouRegionName: z.string(),
  residenceRegionCode: z.string().nullable(),
  livingStatus,
  deathDate: z.string().nullable(),
  deathSource: z.string().nullable(),
  disabilityCategory: z.string().nullable(),
  disabilityGrade: z.number().nullable(),
  seriousIllness: z.boolean(),
  labourCapacity,
  householdId: z.uuid().nullable(),
  mergedInto: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type PersonView = z.infer<typeof personView>;

export const revealRequest = z.object({
  field: z.enum(['idNumber', 'phone']),
  reason: z.string().trim().min(2).max(200),
});
export const revealResponse = z.object({ field: z.string(), value: z.string() });

export const personSearchQuery = z.object({
  /** ID number (exact), Chinese name prefix, or pinyin prefix ("zhangsan", "zs"). */
  q: z.string().trim().max(40).optional(),
  region: regionCode.optional(),
  status: livingStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const memberInput = z.object({
  personId: z.uuid(),
  /** GB/T 4761-2008 relation to the head: 02 head, 1x spouse, 2x son, 3x daughter, … 99 non-relative. */
  relation: z.string().regex(/^\d{2}$/),
  joinedOn: z.iso.date().optional(),
  reason: z.string().trim().max(100).optional(),
});

export const householdInput = z.object({
  headPersonId: z.uuid(),
  address: z.string().trim().min(1).max(200),
  regionCode,
  urbanRural,
  members: z.array(memberInput.omit({ personId: true }).extend({ personId: z.uuid() })).default([]),
});

export const memberLeaveInput = z.object({
  leftOn: z.iso.date(),
  reason: z.string().trim().min(1).max(100),
  version: z.number().int(),
});

export const householdMemberView = z.object({
  personId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  sex: sexCode,
  birthDate: z.string(),
  relation: z.string(),
  joinedOn: z.string(),
  joinReason: z.string().nullable(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  livingStatus,
});

export const householdView = z.object({
  id: z.uuid(),
  number: z.string(),
  headPersonId: z.uuid(),
  headName: z.string(),
  address: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  urbanRural,
  members: z.array(householdMemberView),
  version: z.number().int(),
});
export type HouseholdView = z.infer<typeof householdView>;

export const duplicateView = z.object({
  kind: z.enum(['same-name-birth', 'same-pinyin-birth-village']),
  a: personView,
  b: personView,
});

export const mergeRequest = z.object({
  keepId: z.uuid(),
  dropId: z.uuid(),
  reason: z.string().trim().min(2).max(200),
});
