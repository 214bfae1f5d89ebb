import { addDays, daysBetween } from '../calendar/local-date';
import { WorkingDayCalendar } from '../calendar/calendar';
import { LocalDate } from '../local-date';
import { PauseStep, TermUnit } from './deadline-rule';
import { RecordedStep } from './recorded-step';

/**
 * A stretch during which enforcement stood still: from a postponement or suspension (hoãn, tạm
 * đình chỉ; Luật THADS Điều 48–49) up to the day before the resumption. `until` is undefined
 * while the case is still paused.
 */
export interface Pause {
  by: PauseStep;
  from: LocalDate;
  until?: LocalDate;
}

export const pausesOf = (steps: ReadonlyArray<RecordedStep>): Pause[] => {
  const pauses: Pause[] = [];
  let open: Pause | undefined;
  for (const step of steps) {
    if ((step.step === 'postpone' || step.step === 'suspend') && open?.by !== step.step) {
      // A suspension of a postponed case (or the reverse) changes what pauses the case: the
      // rules paused only by one of them must see where each begins and ends.
      if (open) open.until = addDays(step.on, -1);
      const pause: Pause = { by: step.step as PauseStep, from: step.on };
      pauses.push(pause);
      open = pause;
    } else if (step.step === 'resume' && open) {
      open.until = addDays(step.on, -1);
      open = undefined;
    }
  }
  return pauses;
};

/**
 * How much of a pause lengthens a term: the paused days from the day after the start (the first
 * counted day) through the day before resumption, but no further than `through` (the day before
 * the act, or asOf while the case is still paused). Calendar days for day and month terms,
 * working days for working-day terms.
 */
export const pausedUnits = (
  pause: Pause,
  start: LocalDate,
  through: LocalDate,
  unit: TermUnit,
  calendar: WorkingDayCalendar,
): number => {
  const from = pause.from > start ? pause.from : addDays(start, 1);
  const until = pause.until !== undefined && pause.until < through ? pause.until : through;
  if (until < from) return 0;
  return unit === 'workingDays' ? calendar.workingDaysBetween(addDays(from, -1), until) : daysBetween(from, until) + 1;
};
