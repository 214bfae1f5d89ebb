import { Injectable } from '@nestjs/common';
import { AppConfig, loadCalendar } from '@thads/application';
import { DeadlineItem, evaluateDeadlines, RecordedStep, WorkingDayCalendar } from '@thads/domain';

export type { DeadlineItem };

/** The rules of docs/domain.md §3 on the working-day calendar, loaded once at start. */
@Injectable()
export class DeadlineEngine {
  readonly calendar: WorkingDayCalendar;

  constructor(config: AppConfig) {
    this.calendar = loadCalendar(config.calendarDir);
  }

  evaluate(steps: ReadonlyArray<RecordedStep>, asOf: string): DeadlineItem[] {
    return evaluateDeadlines(steps, asOf, this.calendar);
  }
}
