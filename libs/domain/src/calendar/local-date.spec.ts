import { addDays, addMonths, compareDates, daysBetween, fromDayNumber, toDayNumber, weekdayOf } from './local-date';

describe('local dates as day numbers', () => {
  it('counts days from 1970-01-01 and back again', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    for (const date of ['1900-02-28', '2000-02-29', '2024-12-31', '2100-03-01'])
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-02-07', '2025-02-10')).toBe(3);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOf('2025-01-24')).toBe(5);
    expect(weekdayOf('2025-04-26')).toBe(6);
    expect(weekdayOf('1970-01-01')).toBe(4);
  });

  it('compares as strings do', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
  });
});

describe('month terms (Bộ luật Dân sự 2015 Điều 148.3)', () => {
  it('end on the corresponding day of the month', () => {
    expect(addMonths('2025-01-15', 6)).toBe('2025-07-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('end on the last day of the month when it has no corresponding day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
  });
});
