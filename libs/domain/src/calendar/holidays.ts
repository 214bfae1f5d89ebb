import { LocalDate } from '../local-date';
import { HolidayOccasion, NonWorkingDay, OCCASION_LABELS } from './calendar-day';
import { addDays, formatLocalDate } from './local-date';
import { hungKingsDate, lunarNewYearEve } from './lunar';

/**
 * The Labour Code in force for a year's holidays, oldest last. The PM picks the exact Tết days
 * and the extra Quốc khánh day each year; the computed defaults below hold until a notice says
 * otherwise (announced data overrides them occasion by occasion).
 */
export interface LabourCode {
  fromYear: number;
  law: string;
  holidaysArticle: string;
  compensatoryArticle: string;
  /** Tết days: the last day of the lunar year and the first (n − 1) days of the new one. */
  tetDays: number;
  /** 2/9 alone, or 2/9 and the day before (the computed default for the adjacent day). */
  nationalDayDays: 1 | 2;
  hungKings: boolean;
}

export const LABOUR_CODES: ReadonlyArray<LabourCode> = [
  // BLLĐ 2019 (in force 01/01/2021) Điều 112.1: Quốc khánh 2 days (2/9 and one day before or after).
  {
    fromYear: 2021,
    law: 'Bộ luật Lao động 2019 (45/2019/QH14)',
    holidaysArticle: 'Điều 112.1',
    compensatoryArticle: 'Điều 111.3',
    tetDays: 5,
    nationalDayDays: 2,
    hungKings: true,
  },
  // BLLĐ 2012 (in force 01/05/2013) Điều 115.1: Tết 5 days; the first Tết under it was 2014.
  {
    fromYear: 2014,
    law: 'Bộ luật Lao động 2012 (10/2012/QH13)',
    holidaysArticle: 'Điều 115.1',
    compensatoryArticle: 'Điều 115.3',
    tetDays: 5,
    nationalDayDays: 1,
    hungKings: true,
  },
  // BLLĐ 1994 as amended in 2007 (Điều 73): Tết 4 days; Giỗ Tổ Hùng Vương added in 2007.
  {
    fromYear: 2007,
    law: 'Bộ luật Lao động 1994 (sửa đổi 2007)',
    holidaysArticle: 'Điều 73',
    compensatoryArticle: 'Điều 73',
    tetDays: 4,
    nationalDayDays: 1,
    hungKings: true,
  },
  {
    fromYear: 0,
    law: 'Bộ luật Lao động 1994 (sửa đổi 2002)',
    holidaysArticle: 'Điều 73',
    compensatoryArticle: 'Điều 73',
    tetDays: 4,
    nationalDayDays: 1,
    hungKings: false,
  },
];

export const labourCodeOf = (year: number): LabourCode => LABOUR_CODES.find((code) => year >= code.fromYear)!;

const dayOf = (date: LocalDate, occasion: HolidayOccasion, code: LabourCode): NonWorkingDay => ({
  date,
  kind: 'holiday',
  occasion,
  reason: OCCASION_LABELS[occasion],
  source: `${code.law} ${code.holidaysArticle}`,
});

/** The holidays the Labour Code gives for a year, before any announcement and without compensatory days. */
export const computedHolidays = (year: number): NonWorkingDay[] => {
  const code = labourCodeOf(year);
  const fixed = (month: number, day: number) => formatLocalDate(year, month, day);
  const eve = lunarNewYearEve(year);
  const tet = Array.from({ length: code.tetDays }, (_, i) => dayOf(addDays(eve, i), 'tet', code));
  const nationalDay = code.nationalDayDays === 2 ? [fixed(9, 1), fixed(9, 2)] : [fixed(9, 2)];
  return [
    dayOf(fixed(1, 1), 'newYear', code),
    ...tet,
    ...(code.hungKings ? [dayOf(hungKingsDate(year), 'hungKings', code)] : []),
    dayOf(fixed(4, 30), 'reunification', code),
    dayOf(fixed(5, 1), 'labourDay', code),
    ...nationalDay.map((date) => dayOf(date, 'nationalDay', code)),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
};
