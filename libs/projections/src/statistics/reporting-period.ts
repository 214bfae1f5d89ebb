import { addYears, LocalDate } from '@thads/domain';

// The reporting year N runs from 1 October of N-1 to 30 September of N, and periodic reports are
// cumulative from 1 October (TT 06/2019/TT-BTP Điều 4; docs/domain.md §4.2).

const parts = (date: LocalDate) => date.split('-').map(Number) as [number, number, number];
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The reporting year a day belongs to: 2020-03-31 → 2020, 2020-10-01 → 2021. */
export const reportingYearOf = (date: LocalDate): number => {
  const [y, m] = parts(date);
  return m >= 10 ? y + 1 : y;
};

/**
 * Months of the cumulative period from 1 October to `to`, counting the month `to` falls in:
 * 31 March → 6 ("6 tháng"), 31 January → 4. Period targets (chỉ tiêu phân kỳ) are keyed by it.
 */
export const monthsSinceOctober = (to: LocalDate): number => {
  const [y, m] = parts(to);
  const year = reportingYearOf(to);
  return y * 12 + m - ((year - 1) * 12 + 10) + 1;
};

/**
 * The same cumulative period one reporting year earlier (so sánh cùng kỳ, docs/domain.md §4.5): each
 * end moves back a year; a period ending on a month's last day ends on that month's last day
 * (29 February 2024 ↔ 28 February 2023, and back).
 */
export const samePeriodLastYear = (from: LocalDate, to: LocalDate): { from: LocalDate; to: LocalDate } => {
  const [y, m, d] = parts(to);
  const lastYearTo = d === lastDayOfMonth(y, m) ? iso(y - 1, m, lastDayOfMonth(y - 1, m)) : addYears(to, -1);
  return { from: addYears(from, -1), to: lastYearTo };
};
