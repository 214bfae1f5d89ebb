import { LocalDate } from '../local-date';
import { calendarOfDaysOff, WorkingDayCalendar } from './calendar';
import { isWeekend, weekdayOf } from './local-date';

// Weekly rest of a private person: Sunday at least (BLLĐ 2019 Điều 111), and Saturday in the
// ordinary five-day week the Civil Code's "ngày nghỉ cuối tuần" (Điều 148.5) is read against.
const WEEKEND_SOURCE = 'Bộ luật Dân sự 2015 Điều 148.5 (ngày nghỉ cuối tuần)';

/**
 * The ordinary calendar a party's term is counted on (Bộ luật Dân sự 2015 Điều 148): the agency's
 * calendar without the civil-service swaps. A Saturday civil servants work in exchange for a
 * weekday stays a rest day for a debtor or a buyer, and that weekday stays a working day; public
 * holidays and their compensatory days (BLLĐ 2019 Điều 111.3, 112) are rest days for everyone.
 */
export const civilCalendarOf = (agency: WorkingDayCalendar): WorkingDayCalendar =>
  calendarOfDaysOff((date: LocalDate) => {
    const off = agency.dayOff(date);
    if (off?.kind === 'swapOff') return undefined;
    if (off) return off;
    return isWeekend(date)
      ? { date, kind: 'weekend', reason: weekdayOf(date) === 6 ? 'Thứ Bảy' : 'Chủ nhật', source: WEEKEND_SOURCE }
      : undefined;
  });

const civil = new WeakMap<WorkingDayCalendar, WorkingDayCalendar>();

/** The civil calendar of an agency calendar, built once per calendar. */
export const civilCalendar = (agency: WorkingDayCalendar): WorkingDayCalendar => {
  let calendar = civil.get(agency);
  if (!calendar) {
    calendar = civilCalendarOf(agency);
    civil.set(agency, calendar);
  }
  return calendar;
};
