import { isLocalDate, LocalDate } from '../local-date';
import {
  ANNOUNCED_DAY_KINDS,
  AnnouncedDayKind,
  Confidence,
  CONFIDENCES,
  HOLIDAY_OCCASIONS,
  HolidayOccasion,
} from './calendar-day';
import { isWeekend } from './local-date';

/**
 * One day of a yearly notice. This is also the JSON shape of an extra-years file the app reads
 * at start (e.g. `calendar.json`: `[{ "year": 2027, "source": "...", "days": [...] }]`), so a
 * new year's notice needs no release.
 */
export interface AnnouncedDay {
  date: LocalDate;
  kind: AnnouncedDayKind;
  occasion: HolidayOccasion;
  /** Vietnamese, shown to users: "Tết Nguyên đán", "Nghỉ bù Quốc khánh 2/9", … */
  reason: string;
  /** When the day was decided by another document than the year's main notice. */
  source?: string;
  confidence?: Confidence;
}

/**
 * The days the Prime Minister decided and the Ministry announced for one calendar year. For each
 * occasion present in `days`, the announced days replace the computed ones (holidays and
 * compensatory days alike); occasions absent from `days` keep their computed days.
 */
export interface AnnouncedYear {
  year: number;
  /** Document numbers, e.g. 'CV 8726/VPCP-KGVX 26/11/2024; TB 6150/TB-BLĐTBXH'. */
  source: string;
  confidence?: Confidence;
  days: ReadonlyArray<AnnouncedDay>;
}

export class AnnouncedCalendarInvalid extends Error {
  override readonly name = 'AnnouncedCalendarInvalid';
  constructor(readonly problems: ReadonlyArray<string>) {
    super(`announced calendar data rejected: ${problems.join('; ')}`);
  }
}

const isOneOf = <T extends string>(list: ReadonlyArray<T>, value: unknown): value is T =>
  typeof value === 'string' && (list as ReadonlyArray<string>).includes(value);

const dayProblems = (day: Record<string, unknown>, at: string): string[] => {
  const problems: string[] = [];
  if (!isLocalDate(day.date)) problems.push(`${at}.date must be YYYY-MM-DD`);
  if (!isOneOf(ANNOUNCED_DAY_KINDS, day.kind))
    problems.push(`${at}.kind must be one of ${ANNOUNCED_DAY_KINDS.join('|')}`);
  if (!isOneOf(HOLIDAY_OCCASIONS, day.occasion))
    problems.push(`${at}.occasion must be one of ${HOLIDAY_OCCASIONS.join('|')}`);
  if (typeof day.reason !== 'string' || day.reason.trim() === '') problems.push(`${at}.reason is required`);
  if (day.confidence !== undefined && !isOneOf(CONFIDENCES, day.confidence))
    problems.push(`${at}.confidence is invalid`);
  if (problems.length === 0 && day.kind === 'swapWork' && !isWeekend(day.date as string))
    problems.push(`${at}: a swapped working day must be a Saturday or Sunday`);
  if (problems.length === 0 && day.kind === 'swapOff' && isWeekend(day.date as string))
    problems.push(`${at}: a swapped day off must be a weekday`);
  return problems;
};

const yearProblems = (value: unknown, at: string): string[] => {
  if (typeof value !== 'object' || value === null) return [`${at} must be an object`];
  const year = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!Number.isInteger(year.year)) problems.push(`${at}.year must be an integer`);
  if (typeof year.source !== 'string' || year.source.trim() === '')
    problems.push(`${at}.source is required (the notice's number)`);
  if (year.confidence !== undefined && !isOneOf(CONFIDENCES, year.confidence))
    problems.push(`${at}.confidence is invalid`);
  if (!Array.isArray(year.days)) return [...problems, `${at}.days must be an array`];
  year.days.forEach((day, i) => {
    problems.push(
      ...(typeof day === 'object' && day !== null
        ? dayProblems(day as Record<string, unknown>, `${at}.days[${i}]`)
        : [`${at}.days[${i}] must be an object`]),
    );
  });
  return problems;
};

/** Checks JSON read by the app (the domain reads no file) and returns it typed, or throws. */
export const parseAnnouncedYears = (json: unknown): AnnouncedYear[] => {
  if (!Array.isArray(json)) throw new AnnouncedCalendarInvalid(['the file must hold an array of years']);
  const problems = json.flatMap((year, i) => yearProblems(year, `[${i}]`));
  if (problems.length > 0) throw new AnnouncedCalendarInvalid(problems);
  return json as AnnouncedYear[];
};
