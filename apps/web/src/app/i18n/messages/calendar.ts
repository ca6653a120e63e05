import type { Messages } from './types';

export const calendarMessages = {
  'calendar.title': ['工作日历', 'Working calendar'],
  'calendar.year': ['年份', 'Year'],
  'calendar.date': ['日期', 'Date'],
  'calendar.weekday': ['星期', 'Weekday'],
  'calendar.kind': ['类型', 'Kind'],
  'calendar.kind.holiday': ['节假日', 'Holiday'],
  'calendar.kind.workday': ['调休上班', 'Make-up workday'],
  'calendar.name': ['名称', 'Name'],
  'calendar.namePlaceholder': ['如 春节、国庆节调休', 'e.g. 春节 (Spring Festival)'],
  'calendar.add': ['新增日期', 'Add a day'],
  'calendar.editTitle': ['编辑 {date}', 'Edit {date}'],
  'calendar.addTitle': ['新增特殊日期', 'Add a special day'],
  'calendar.count': [
    '{year} 年共 {holidays} 个节假日、{workdays} 个调休上班日',
    '{year}: {holidays} holidays, {workdays} make-up workdays',
  ],
  'calendar.empty': ['{year} 年尚未录入节假日安排', 'No holiday arrangements entered for {year}'],
  'calendar.nextYearMissing': [
    '{year} 年的节假日安排尚未录入。国务院办公厅每年 11 月前后发布次年放假通知，发布后请在此录入。',
    'The {year} holiday arrangements are not entered yet. The State Council notice comes out each November; enter it here.',
  ],
  'calendar.enterNextYear': ['录入 {year} 年', 'Enter {year}'],
  'calendar.calc.title': ['工作日计算', 'Working-day calculator'],
  'calendar.calc.from': ['起算日期', 'From'],
  'calendar.calc.days': ['工作日数', 'Working days'],
  'calendar.calc.submit': ['计算', 'Calculate'],
  'calendar.calc.result': [
    '{from} 起第 {days} 个工作日是 {date}（{weekday}）',
    'Working day {days} after {from} is {date} ({weekday})',
  ],
  'calendar.calc.help': [
    '按法定节假日与调休计算，负数表示向前推算；公示期等按自然日计算的期限不适用。',
    'Counts public holidays and make-up workdays; a negative number counts backwards. Public notices count calendar days instead.',
  ],
  'calendar.deleteConfirm': ['删除 {date}（{name}）吗？', 'Delete {date} ({name})?'],
} as const satisfies Messages;
