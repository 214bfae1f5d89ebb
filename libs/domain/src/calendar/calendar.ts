import { LocalDate } from '../local-date';
import { AnnouncedYear } from './announced';
import { SHIPPED_ANNOUNCED_YEARS } from './announced-years';
import { CalendarEntry, NonWorkingDay, OCCASION_LABELS } from './calendar-day';
import { computedHolidays, labourCodeOf } from './holidays';
import { addDays, fromDayNumber, isWeekend, toDayNumber, weekdayOf, yearOf } from './local-date';

/** Civil servants' working days (docs/domain.md §5): the calendar every "ngày làm việc" term counts in. */
export interface WorkingDayCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** Why a day is not worked, or undefined for a working day. */
  dayOff(date: LocalDate): NonWorkingDay | undefined;
  /** Every day off from `from` to `to` inclusive, weekends included. */
  nonWorkingDays(from: LocalDate, to: LocalDate): NonWorkingDay[];
  /** The day on which `n` working days after `date` have passed (`date` itself not counted). */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate;
  /** Working days d with from < d ≤ to (negative when `to` is before `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The days that are not plain weeks (holidays, days given back, swapped days off and worked weekend days), with their sources. */
  specialDays(from: LocalDate, to: LocalDate): CalendarEntry[];
  /** The notice a year's days were announced in, or undefined when the year is computed only. */
  noticeOf(year: number): Pick<AnnouncedYear, 'source' | 'confidence'> | undefined;
}

// Weekly rest of civil servants: QĐ 188/1999/QĐ-TTg Điều 1 (40-hour week, Saturday and Sunday off).
export const WEEKEND_SOURCE = 'QĐ 188/1999/QĐ-TTg Điều 1';
const PRIORITY: Record<CalendarEntry['kind'], number> = {
  holiday: 3,
  compensatory: 2,
  swapOff: 1,
  swapWork: 0,
  weekend: -1,
};

const announcedEntries = (announced: AnnouncedYear): CalendarEntry[] =>
  announced.days.map((day) => {
    const confidence = day.confidence ?? announced.confidence;
    return { ...day, source: day.source ?? announced.source, ...(confidence && { confidence }) };
  });

/**
 * A holiday on Saturday or Sunday gives the next working day off (BLLĐ 2019 Điều 111.3); several
 * such holidays in a row take the following working days in turn (30/4 Sunday, 1/5 Monday → 2/5).
 */
const withCompensatoryDays = (
  year: number,
  entries: CalendarEntry[],
  computedOccasionHolidays: NonWorkingDay[],
): CalendarEntry[] => {
  const taken = new Set(entries.filter((e) => e.kind !== 'swapWork').map((e) => e.date));
  const code = labourCodeOf(year);
  const added: CalendarEntry[] = [];
  for (const holiday of computedOccasionHolidays) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    added.push({
      date,
      kind: 'compensatory',
      occasion: holiday.occasion,
      source: `${code.law} ${code.compensatoryArticle}`,
      reason: `Nghỉ bù ${holiday.occasion ? OCCASION_LABELS[holiday.occasion] : holiday.reason}`,
    });
  }
  return [...entries, ...added];
};

/** One year's days: the announced occasions as announced, the others as computed. */
const yearEntries = (year: number, announced: AnnouncedYear | undefined): CalendarEntry[] => {
  const fromNotice = announced ? announcedEntries(announced) : [];
  const noticed = new Set(fromNotice.map((e) => e.occasion));
  const computed = computedHolidays(year).filter((h) => !noticed.has(h.occasion));
  return withCompensatoryDays(year, [...fromNotice, ...computed], computed);
};

const weekendDay = (date: LocalDate): NonWorkingDay => ({
  date,
  kind: 'weekend',
  reason: weekdayOf(date) === 6 ? 'Thứ Bảy' : 'Chủ nhật',
  source: WEEKEND_SOURCE,
});

/**
 * Builds the calendar from the yearly notices (later entries for the same year replace earlier
 * ones, so a file read at start can correct a shipped year). Years are computed lazily and cached.
 */
export const createWorkingDayCalendar = (
  announced: ReadonlyArray<AnnouncedYear> = SHIPPED_ANNOUNCED_YEARS,
): WorkingDayCalendar => {
  const notices = new Map(announced.map((y) => [y.year, y]));
  const entries = new Map<LocalDate, CalendarEntry>();
  const built = new Set<number>();

  const build = (year: number) => {
    if (built.has(year)) return;
    built.add(year);
    for (const entry of yearEntries(year, notices.get(year))) {
      const existing = entries.get(entry.date);
      if (!existing || PRIORITY[entry.kind] > PRIORITY[existing.kind]) entries.set(entry.date, entry);
    }
  };
  // A year's notice may reach into the year before (a Saturday worked in late December).
  const entryOn = (date: LocalDate): CalendarEntry | undefined => {
    const year = yearOf(date);
    build(year);
    build(year + 1);
    return entries.get(date);
  };

  return calendarOfDaysOff(
    (date) => {
      const entry = entryOn(date);
      if (entry?.kind === 'swapWork') return undefined;
      return entry ?? (isWeekend(date) ? weekendDay(date) : undefined);
    },
    {
      specialDay: entryOn,
      noticeOf: (year) => {
        const notice = notices.get(year);
        return notice && { source: notice.source, ...(notice.confidence && { confidence: notice.confidence }) };
      },
    },
  );
};

/**
 * A calendar whose only input is what each day off is (the rest is counting); `specialDay` adds
 * the worked weekend days a plain list of days off cannot show, and `noticeOf` the yearly notices.
 */
export const calendarOfDaysOff = (
  dayOff: (date: LocalDate) => NonWorkingDay | undefined,
  more: { specialDay?: (date: LocalDate) => CalendarEntry | undefined; noticeOf?: WorkingDayCalendar['noticeOf'] } = {},
): WorkingDayCalendar => {
  // Whether each day (by its number) is worked, remembered: a calendar's days off never change,
  // and the deadline rules count their terms day by day, for every case a rebuild replays (a
  // third of its time went into counting them afresh: README, Measurements behind the design).
  const worked = new Map<number, boolean>();
  const isWorkingDayNumber = (day: number): boolean => {
    let is = worked.get(day);
    if (is === undefined) {
      is = dayOff(fromDayNumber(day)) === undefined;
      worked.set(day, is);
    }
    return is;
  };
  // By the date as given, as dayOff reads it.
  const workedOn = new Map<LocalDate, boolean>();
  const isWorkingDay = (date: LocalDate): boolean => {
    let is = workedOn.get(date);
    if (is === undefined) {
      is = dayOff(date) === undefined;
      workedOn.set(date, is);
    }
    return is;
  };

  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    if (n === 0) return date;
    const step = n < 0 ? -1 : 1;
    let current = toDayNumber(date);
    for (let left = Math.abs(n); left > 0;) {
      current += step;
      if (isWorkingDayNumber(current)) left -= 1;
    }
    return fromDayNumber(current);
  };

  const nextWorkingDayOnOrAfter = (date: LocalDate): LocalDate => {
    if (isWorkingDay(date)) return date;
    let current = toDayNumber(date);
    do current += 1;
    while (!isWorkingDayNumber(current));
    return fromDayNumber(current);
  };

  const nonWorkingDays = (from: LocalDate, to: LocalDate): NonWorkingDay[] => {
    const days: NonWorkingDay[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const off = dayOff(date);
      if (off) days.push(off);
    }
    return days;
  };

  const workingDaysBetween = (from: LocalDate, to: LocalDate): number => {
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count += 1;
    return count;
  };

  const specialDay =
    more.specialDay ??
    ((date: LocalDate) => {
      const off = dayOff(date);
      return off && off.kind !== 'weekend' ? off : undefined;
    });
  const specialDays = (from: LocalDate, to: LocalDate): CalendarEntry[] => {
    const days: CalendarEntry[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const entry = specialDay(date);
      if (entry && entry.kind !== 'weekend') days.push(entry);
    }
    return days;
  };

  return {
    isWorkingDay,
    dayOff,
    nonWorkingDays,
    addWorkingDays,
    nextWorkingDayOnOrAfter,
    workingDaysBetween,
    specialDays,
    noticeOf: more.noticeOf ?? (() => undefined),
  };
};
