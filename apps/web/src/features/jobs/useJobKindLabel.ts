import { isMessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';

/** `audit.verify` → 审计链校验; kinds without a text show as they are. */
export function useJobKindLabel(): (kind: string) => string {
  const t = useT();
  return (kind) => {
    const key = `jobs.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
}
