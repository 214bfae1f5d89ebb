import { Injectable } from '@nestjs/common';
import { AppConfig, loadAnnouncedYears } from '@thads/application';
import {
  createWorkingDayCalendar,
  DeadlineItem,
  evaluateDeadlines,
  RecordedStep,
  SHIPPED_ANNOUNCED_YEARS,
  WorkingDayCalendar,
} from '@thads/domain';

export type { DeadlineItem };

/** The rules of docs/domain.md §3 on the working-day calendar, loaded once at start. */
@Injectable()
export class DeadlineEngine {
  readonly calendar: WorkingDayCalendar;
  /**
   * Whether the calendar is the one shipped with the code, the one the deadlines read model
   * counts on (a projection reads no file): with announced years of the office's own
   * (THADS_CALENDAR_DIR), the board evaluates every case as it did before the read model.
   */
  readonly shipped: boolean;

  constructor(config: AppConfig) {
    const own = loadAnnouncedYears(config.calendarDir);
    this.calendar = createWorkingDayCalendar([...SHIPPED_ANNOUNCED_YEARS, ...own]);
    this.shipped = own.length === 0;
  }

  evaluate(steps: ReadonlyArray<RecordedStep>, asOf: string): DeadlineItem[] {
    return evaluateDeadlines(steps, asOf, this.calendar);
  }
}
