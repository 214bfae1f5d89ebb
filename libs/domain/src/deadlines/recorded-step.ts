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
  data?: DeadlineStepData;
  eventId?: string;
  revision?: number;
}

/**
 * The fields of a step's data that the deadline rules read (predicates.ts, starts.ts, a rule's
 * satisfactionDateField). The case-steps read model keeps only these fields. Reading any other
 * field does not compile, so a rule cannot depend on a field the read model dropped.
 */
export const DEADLINE_DATA_FIELDS = [
  'origin',
  'interimMeasure',
  'bankruptcyDecision',
  'entrustedFrom',
  'class',
  'ground',
  'groundOn',
  'reason',
  'result',
  'assetKind',
  'contractOn',
  'buyerPaidInFull',
  'to',
  'findingOn',
] as const;
export type DeadlineDataField = (typeof DEADLINE_DATA_FIELDS)[number];
export type DeadlineStepData = { readonly [F in DeadlineDataField]?: unknown };

export interface StepRef {
  step: string;
  on: LocalDate;
  eventId?: string;
  revision?: number;
}

export const refOf = ({ step, on, eventId, revision }: RecordedStep): StepRef => ({
  step,
  on,
  ...(eventId !== undefined && { eventId }),
  ...(revision !== undefined && { revision }),
});

/** A field of the step's data, when it is a string (dates, reason codes, classes). */
export const dataText = (step: RecordedStep, field: DeadlineDataField): string | undefined => {
  const value = step.data?.[field];
  return typeof value === 'string' ? value : undefined;
};
