import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type DayKind } from './rules';

// 2025 National Day: Oct 1–8 off, Sep 28 (Sun) and Oct 11 (Sat) make-up working days.
const cal = new Map<string, DayKind>([
  ['2025-09-28', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map(
    (d) => [`2025-10-${d}`, 'holiday'] as [string, DayKind],
  ),
  ['2025-10-11', 'workday'],
]);

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-06', 3, new Map())).toBe('2026-03-11'); // Fri + 3 = Wed
  });
  it('skips holidays and counts make-up working days', () => {
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(isWorkingDay('2025-10-03', cal)).toBe(false);
    // Sep 30 (Tue) + 3 working days: Oct 9 (Thu), Oct 10 (Fri), Oct 11 (Sat, make-up)
    expect(addWorkingDays('2025-09-30', 3, cal)).toBe('2025-10-11');
  });
  it('counts backwards and between', () => {
    expect(addWorkingDays('2025-10-09', -1, cal)).toBe('2025-09-30');
    expect(workingDaysBetween('2025-09-30', '2025-10-11', cal)).toBe(3);
    expect(workingDaysBetween('2025-10-11', '2025-09-30', cal)).toBe(-3);
  });
});
