import dayjs from 'dayjs';

/**
 * The reporting year of civil judgment enforcement runs from 1 October to 30 September
 * (the statistics regime, TT 05/2024/TT-BTP; docs/architecture.md §6), and every period of it is
 * counted cumulatively from that 1 October: "6 tháng" is 1/10 to 31/3, "năm" 1/10 to 30/9.
 * The year is named by the calendar year it ends in ("năm 2026" = 01/10/2025–30/09/2026).
 */
const DAY = 'YYYY-MM-DD';

/** The reporting year (named by its end) a local date YYYY-MM-DD falls in. */
export const reportingYearOf = (date: string): number => {
  const [y, m] = date.split('-').map(Number);
  return m >= 10 ? y + 1 : y;
};

export const reportingYearStart = (year: number): string => `${year - 1}-10-01`;

/** The cumulative period of `months` months (1–12) of a reporting year. */
export const cumulativePeriod = (year: number, months: number): { from: string; to: string } => {
  const start = dayjs(reportingYearStart(year), DAY);
  return {
    from: start.format(DAY),
    to: start
      .add(months - 1, 'month')
      .endOf('month')
      .format(DAY),
  };
};

/** Which preset a range is ("6" for 6 months of its year), or undefined for any other range. */
export const presetOf = (from: string, to: string): { year: number; months: number } | undefined => {
  const year = reportingYearOf(from);
  if (from !== reportingYearStart(year)) return undefined;
  for (let months = 1; months <= 12; months++) {
    if (cumulativePeriod(year, months).to === to) return { year, months };
  }
  return undefined;
};

/**
 * The period shown when none is asked for: the reporting year so far, to the end of the last
 * whole month (a month not over is not reported yet); in October, the whole past year.
 */
export const defaultPeriod = (today: string): { from: string; to: string } => {
  const lastMonthEnd = dayjs(today, DAY).startOf('month').subtract(1, 'day').format(DAY);
  const year = reportingYearOf(lastMonthEnd);
  return { from: reportingYearStart(year), to: lastMonthEnd };
};

/** The same period one year earlier (what samePeriodLastYear covers), for its drill-down. */
export const yearEarlier = (date: string): string => {
  const d = dayjs(date, DAY);
  const back = d.subtract(1, 'year');
  // The end of February stays the end of February.
  return d.date() === d.daysInMonth() ? back.endOf('month').format(DAY) : back.format(DAY);
};
