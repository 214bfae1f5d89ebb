import { monthsTouched, reportingYearStart, seriesPeriods } from './series-periods';

describe('the periods of a monthly series', () => {
  it('counts each month from 1 October of its reporting year, starting again at 1 October', () => {
    expect(seriesPeriods('2025-08-15', '2025-11-20')).toEqual([
      { from: '2024-10-01', to: '2025-08-31' },
      { from: '2024-10-01', to: '2025-09-30' },
      { from: '2025-10-01', to: '2025-10-31' },
      { from: '2025-10-01', to: '2025-11-20' },
    ]);
  });

  it('ends February on its last day, in leap years too', () => {
    expect(seriesPeriods('2024-02-01', '2024-03-31').map((p) => p.to)).toEqual(['2024-02-29', '2024-03-31']);
    expect(seriesPeriods('2023-02-01', '2023-02-28')).toEqual([{ from: '2022-10-01', to: '2023-02-28' }]);
  });

  it('gives one point for a range within one month, and twelve for a reporting year', () => {
    expect(seriesPeriods('2025-10-03', '2025-10-03')).toEqual([{ from: '2025-10-01', to: '2025-10-03' }]);
    const year = seriesPeriods('2025-10-01', '2026-09-30');
    expect(year).toHaveLength(12);
    expect(new Set(year.map((p) => p.from))).toEqual(new Set(['2025-10-01']));
    expect(monthsTouched('2025-10-01', '2026-09-30')).toBe(12);
    expect(reportingYearStart('2026-09-30')).toBe('2025-10-01');
    expect(reportingYearStart('2026-10-01')).toBe('2026-10-01');
  });
});
