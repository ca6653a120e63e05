import type { PersonView } from '@minzheng/contracts';
import type { person } from './schema';

export type PersonRow = typeof person.$inferSelect;

export function toPersonView(
  p: PersonRow,
  extra: { hukouRegionName: string; householdId: string | null },
): PersonView {
  return {
    id: p.id,
    idNumberMasked: p.idNumberMasked,
    noIdReason: p.noIdReason,
    name: p.name,
    namePinyin: p.namePinyin,
    sex: p.sex as PersonView['sex'],
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    phoneMasked: p.phoneMasked,
    hukouRegionCode: p.hukouRegionCode,
    hukouRegionName: extra.hukouRegionName,
    residenceRegionCode: p.residenceRegionCode,
    livingStatus: p.livingStatus as PersonView['livingStatus'],
    deathDate: p.deathDate,
    deathSource: p.deathSource,
    disabilityCategory: p.disabilityCategory,
    disabilityGrade: p.disabilityGrade,
    seriousIllness: p.seriousIllness,
    labourCapacity: p.labourCapacity as PersonView['labourCapacity'],
    householdId: extra.householdId,
    mergedInto: p.mergedInto,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}
