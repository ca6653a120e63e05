import { defineErrors } from '../http/errors';

export const CalendarErrors = defineErrors('CALENDAR', {
  NOT_FOUND: { status: 404, zh: '日历中没有 {date} 这一天的记录', en: 'No calendar entry for {date}' },
});
