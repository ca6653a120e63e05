/**
 * Wire types of the registry, inferred from the shared zod contracts (types only: zod stays out of the
 * browser bundle).
 */
import type { z } from 'zod';
import type {
  disabilityCategory,
  duplicateView,
  householdInput,
  householdMemberView,
  labourCapacity,
  livingStatus,
  memberInput,
  personInput,
  personUpdate,
  sexCode,
  urbanRural,
} from '@minzheng/contracts';

export type { HouseholdView, PersonView } from '@minzheng/contracts';

export type SexCode = z.infer<typeof sexCode>;
export type LivingStatus = z.infer<typeof livingStatus>;
export type LabourCapacity = z.infer<typeof labourCapacity>;
export type DisabilityCategory = z.infer<typeof disabilityCategory>;
export type UrbanRural = z.infer<typeof urbanRural>;

export type PersonInput = z.input<typeof personInput>;
export type PersonUpdate = z.input<typeof personUpdate>;
export type HouseholdInput = z.input<typeof householdInput>;
export type MemberInput = z.input<typeof memberInput>;
export type HouseholdMemberView = z.infer<typeof householdMemberView>;
export type DuplicateView = z.infer<typeof duplicateView>;

/** One programme a person takes part in (GET /persons/:id/programmes). */
export interface ProgrammeView {
  programme: string;
  nameZh: string;
  nameEn: string;
  status: string;
  since: string | null;
  /** A path inside the app, e.g. `/dibao/cases/…`. */
  link: string | null;
}

/** The filters of the people list; the export takes the same ones. */
export interface PersonFilters {
  q?: string;
  region?: string;
  status?: LivingStatus;
}

/** `result` of a finished `registry.import` job. */
export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  /** Rows that matched a registered person and changed nothing (when the server counts them). */
  unchanged?: number;
  failed: number;
}

export type RevealField = 'idNumber' | 'phone';
