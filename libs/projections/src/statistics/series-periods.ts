import { LocalDate } from '@thads/domain';
import { reportingYearOf } from './reporting-period';

/** The intervals a series may have; the offices report monthly (TT 06/2019/TT-BTP Điều 4). */
export const SERIES_INTERVALS = ['month'] as const;
export type SeriesInterval = (typeof SERIES_INTERVALS)[number];

/** Ten reporting years of monthly points: a trend chart never needs more. */
export const MAX_SERIES_POINTS = 120;

export interface SeriesPeriod {
  from: LocalDate;
  to: LocalDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 1 October that opens the reporting year of `date` (docs/domain.md §4.2). */
export const reportingYearStart = (date: LocalDate): LocalDate => `${reportingYearOf(date) - 1}-10-01`;

/** How many months `from`..`to` touch (both counted). */
export const monthsTouched = (from: LocalDate, to: LocalDate): number => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
};

/**
 * The periods of a monthly series, as the offices count them (báo cáo cộng dồn từ 1/10,
 * TT 06/2019/TT-BTP Điều 4): one per month that `from`..`to` touches, each ending on that month's
 * last day (the last one on `to`) and each starting on 1 October of its own reporting year, so a
 * range crossing 1 October starts counting again there. Every start is the first of a month and
 * every end but `to` the last of one: monthly sums of the ledger answer them all exactly.
 */
export const seriesPeriods = (from: LocalDate, to: LocalDate): SeriesPeriod[] => {
  const periods: SeriesPeriod[] = [];
  let [year, month] = from.split('-').map(Number);
  for (let i = monthsTouched(from, to); i > 0; i--) {
    const end = `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
    const periodTo = end < to ? end : to;
    periods.push({ from: reportingYearStart(periodTo), to: periodTo });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return periods;
};
