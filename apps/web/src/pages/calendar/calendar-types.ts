import type { components } from '../../api/schema';

/** GET /api/calendar/{year} (apps/api/src/calendar): the days of a year that are not plain weeks. */
export type CalendarDay = components['schemas']['CalendarDaySchema'];
export type DayKind = CalendarDay['kind'];
export type CalendarYear = components['schemas']['CalendarYearSchema'];
