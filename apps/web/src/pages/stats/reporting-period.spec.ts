import { cumulativePeriod, defaultPeriod, presetOf, reportingYearOf, yearEarlier } from './reporting-period';

describe('the reporting period (from 1 October)', () => {
  it('names a year by the calendar year it ends in', () => {
    expect(reportingYearOf('2025-10-01')).toBe(2026);
    expect(reportingYearOf('2026-09-30')).toBe(2026);
  });
  it('counts 6 months from 1 October to 31 March, the year to 30 September', () => {
    expect(cumulativePeriod(2026, 6)).toEqual({ from: '2025-10-01', to: '2026-03-31' });
    expect(cumulativePeriod(2026, 12)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    expect(cumulativePeriod(2024, 5)).toEqual({ from: '2023-10-01', to: '2024-02-29' });
  });
  it('recognises a preset and leaves any other range alone', () => {
    expect(presetOf('2025-10-01', '2026-03-31')).toEqual({ year: 2026, months: 6 });
    expect(presetOf('2025-10-02', '2026-03-31')).toBeUndefined();
    expect(presetOf('2025-10-01', '2026-03-30')).toBeUndefined();
  });
  it('shows the year so far to the last whole month, and the past year in October', () => {
    expect(defaultPeriod('2026-12-05')).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(defaultPeriod('2026-10-15')).toEqual({ from: '2025-10-01', to: '2026-09-30' });
  });
  it('goes back a year keeping the end of February', () => {
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(yearEarlier('2026-02-28')).toBe('2025-02-28');
    expect(yearEarlier('2025-10-01')).toBe('2024-10-01');
  });
});
