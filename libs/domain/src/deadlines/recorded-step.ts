import { LocalDate } from '../local-date';
import { DeadlineStepName } from './deadline-rule';

/**
 * A case's effective step as the deadline rules read it (the case-steps read model's row). Steps
 * come in the order they were recorded; the write path keeps their dates non-decreasing.
 */
export interface RecordedStep {
  // Any string is accepted so read-model rows pass as they are; unknown steps are ignored.
  step: DeadlineStepName | (string & Record<never, never>);
  on: LocalDate;
  data?: Record<string, unknown>;
  eventId?: string;
  revision?: number;
}

export interface StepRef {
  step: string;
  on: LocalDate;
  eventId?: string;
  revision?: number;
}

export const refOf = ({ step, on, eventId, revision }: RecordedStep): StepRef => ({
  step, on, ...(eventId !== undefined && { eventId }), ...(revision !== undefined && { revision }),
});

/** A field of the step's data, when it is a string (dates, reason codes, classes). */
export const dataText = (step: RecordedStep, field: string): string | undefined => {
  const value = step.data?.[field];
  return typeof value === 'string' ? value : undefined;
};
