/** GET /api/calendar/{year} (apps/api/src/calendar): the days of a year that are not plain weeks. */
export type DayKind = 'holiday' | 'compensatory' | 'swapOff' | 'swapWork';
export interface CalendarDay {
  date: string;
  kind: DayKind;
  working: boolean;
  reason: string;
  source: string;
  confidence?: 'sure' | 'likely' | 'unsure';
}
export interface CalendarYear {
  year: number;
  notice: { source: string; confidence?: string } | null;
  weekend: { days: string[]; source: string };
  workingDays: number;
  days: CalendarDay[];
}
