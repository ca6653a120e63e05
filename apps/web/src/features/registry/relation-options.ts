import { useRegistryNames, memberRelations } from './codes';

/** The relations a member can be given, as Select options: `配偶（10）`. */
export function useRelationOptions() {
  const names = useRegistryNames();
  return memberRelations.map((code) => ({ value: code, label: `${names.relation(code)}（${code}）` }));
}
