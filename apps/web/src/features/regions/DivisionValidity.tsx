import { Typography } from 'antd';
import type { DivisionView } from '../../app/api/types';
import { useT } from '../../app/i18n/useT';

/** "2021-01-29 起", "至 2021-01-28 → 610305000000", or "长期有效". */
export function DivisionValidity({ division }: { division: DivisionView }) {
  const t = useT();
  const { validFrom, validTo, successorCode } = division;
  let text: string;
  if (validFrom && validTo) text = t('regions.validRange', { from: validFrom, to: validTo });
  else if (validTo) text = t('regions.validUntil', { to: validTo });
  else if (validFrom) text = t('regions.validFrom', { from: validFrom });
  else text = t('regions.validAlways');
  return (
    <span>
      <Typography.Text>{text}</Typography.Text>
      {successorCode && (
        <Typography.Text type="secondary">{` → ${t('regions.successor', { code: successorCode })}`}</Typography.Text>
      )}
    </span>
  );
}
