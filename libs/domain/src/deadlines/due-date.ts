import { assertNever } from '../assert-never';
import { addDays, addMonths } from '../calendar/local-date';
import { WorkingDayCalendar } from '../calendar/calendar';
import { LocalDate } from '../local-date';
import { TermUnit } from './deadline-rule';

/**
 * The last day of a term that starts on `start` (Bộ luật Dân sự 2015 Điều 147–148; docs/domain.md §3.1):
 * the start day is not counted; a term in days or months that ends on a weekly rest day or a
 * holiday ends on the next working day; a term in working days counts working days only.
 * `pausedUnits` lengthens the term by paused time, in the term's own currency: calendar days
 * for day and month terms, working days for working-day terms.
 */
export const dueDate = (
  start: LocalDate,
  length: number,
  unit: TermUnit,
  calendar: WorkingDayCalendar,
  pausedUnits = 0,
): LocalDate => {
  switch (unit) {
    case 'immediately':
      return start;
    case 'days':
      return calendar.nextWorkingDayOnOrAfter(addDays(start, length + pausedUnits));
    case 'months':
      return calendar.nextWorkingDayOnOrAfter(addDays(addMonths(start, length), pausedUnits));
    case 'workingDays':
      return calendar.addWorkingDays(start, length + pausedUnits);
    default:
      return assertNever(unit);
  }
};
