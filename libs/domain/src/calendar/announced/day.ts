import { LocalDate } from '../../local-date';
import { AnnouncedDay } from '../announced';
import { Confidence, HolidayOccasion, OCCASION_LABELS } from '../calendar-day';

// Builders for the shipped notices: each returns plain JSON-shaped data, the same shape an
// extra-years file holds, with the user-facing reason written out once.

const dmy = (date: LocalDate): string => date.split('-').reverse().join('/');

export const holidays = (
  occasion: HolidayOccasion,
  dates: ReadonlyArray<LocalDate>,
  confidence?: Confidence,
): AnnouncedDay[] =>
  dates.map((date) => ({
    date,
    kind: 'holiday',
    occasion,
    reason: OCCASION_LABELS[occasion],
    ...(confidence && { confidence }),
  }));

/** Days given back because a holiday fell on Saturday or Sunday (BLLĐ 2019 Điều 111.3). */
export const compensatory = (
  occasion: HolidayOccasion,
  dates: ReadonlyArray<LocalDate>,
  confidence?: Confidence,
): AnnouncedDay[] =>
  dates.map((date) => ({
    date,
    kind: 'compensatory',
    occasion,
    reason: `Nghỉ bù ${OCCASION_LABELS[occasion]}`,
    ...(confidence && { confidence }),
  }));

/** A weekday off in exchange for a Saturday worked (hoán đổi ngày làm việc). */
export const swap = (
  occasion: HolidayOccasion,
  off: LocalDate,
  work: LocalDate,
  extra: { source?: string; confidence?: Confidence } = {},
): AnnouncedDay[] => [
  {
    date: off,
    kind: 'swapOff',
    occasion,
    reason: `Nghỉ hoán đổi dịp ${OCCASION_LABELS[occasion]} (làm bù thứ Bảy ${dmy(work)})`,
    ...extra,
  },
  { date: work, kind: 'swapWork', occasion, reason: `Làm bù cho ngày nghỉ hoán đổi ${dmy(off)}`, ...extra },
];
