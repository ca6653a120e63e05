import { Alert, Button } from 'antd';
import { useT } from '../../app/i18n/useT';
import { useCalendarYear } from './api';

/** Warns while next year's holidays are still missing (the State Council publishes them each November). */
export function NextYearNotice({ nextYear, onEnter }: { nextYear: number; onEnter?: () => void }) {
  const t = useT();
  const days = useCalendarYear(nextYear);
  if (!days.data || days.data.length > 0) return null;
  return (
    <Alert
      data-testid="calendar-next-year-missing"
      type="warning"
      showIcon
      title={t('calendar.nextYearMissing', { year: nextYear })}
      action={
        onEnter && (
          <Button size="small" onClick={onEnter}>
            {t('calendar.enterNextYear', { year: nextYear })}
          </Button>
        )
      }
    />
  );
}
