import { Confidence } from '../calendar/calendar-day';
import { STEP_NAMES, StepName } from '../events';
import { LocalDate } from '../local-date';
import { Regime } from '../regime';
import { PredicateName } from './predicates';
import type { DeadlineDataField } from './recorded-step';
import { StartName } from './starts';

/** The steps a deadline can hang on: the fixed step names (docs/architecture.md §5) and 'receive'. */
export type DeadlineStepName = Exclude<StepName, 'correct'> | 'receive';

// A correction voids a step; the case-steps read model already leaves voided steps out.
export const DEADLINE_STEP_NAMES: ReadonlyArray<DeadlineStepName> = [
  'receive',
  ...STEP_NAMES.filter((s): s is Exclude<StepName, 'correct'> => s !== 'correct'),
];

/**
 * days / months: calendar terms, extended to the next working day when they end on a rest day;
 * workingDays: only working days count; immediately: due the day of the trigger
 * (Bộ luật Dân sự 2015 Điều 147–148; docs/domain.md §3.1).
 */
export const TERM_UNITS = ['days', 'workingDays', 'months', 'immediately'] as const;
export type TermUnit = (typeof TERM_UNITS)[number];

export interface LegalBasis {
  law: string;
  article: string;
}

/** Who must act: the agency's own deadlines are what inspection bodies check; the others are periods. */
export type DeadlineActor = 'agency' | 'debtor' | 'buyer';

export type PauseStep = 'postpone' | 'suspend';

/**
 * Whose rest days end a term (Bộ luật Dân sự 2015 Điều 148.5–148.6: a term ending on a rest day
 * ends on the next working day). 'agency': the civil-service calendar, with the swapped days the
 * Government announces for civil servants; the agency's own terms count on it. 'civil': the
 * ordinary calendar of a private person (weekends, Labour Code holidays and compensatory days):
 * a Saturday civil servants work in a swap is still a rest day for a debtor or a buyer, and the
 * weekday they take off in exchange is not. See docs/deadlines.md.
 */
export const WHOSE_CALENDARS = ['agency', 'civil'] as const;
export type WhoseCalendar = (typeof WHOSE_CALENDARS)[number];

/**
 * A procedural time limit as data (docs/architecture.md §8). Each regime has its own entry under the
 * same `id`; the evaluator picks the one in force on the trigger's legal date (regime, then the
 * optional `appliesFrom`/`appliesUntil` window for changes inside a regime).
 */
export interface DeadlineRule {
  id: string;
  /** Row(s) of docs/domain.md §3 this rule encodes. */
  row: string;
  /** Vietnamese, shown to users. */
  title: string;
  regime: Regime;
  appliesFrom?: LocalDate;
  appliesUntil?: LocalDate;
  trigger: DeadlineStepName | ReadonlyArray<DeadlineStepName>;
  /** Named condition on the triggering step (and the case's earlier steps). */
  when?: PredicateName;
  /**
   * Where the term runs from. 'trigger' (default): the trigger's date, and a later step satisfies
   * it. A retrospective start ('groundOn', …) judges the trigger step itself against an earlier date.
   */
  start?: StartName;
  /** The term starts when another rule's term (same trigger) ends, e.g. verification after the voluntary period. */
  after?: string;
  satisfiedBy: ReadonlyArray<DeadlineStepName>;
  /**
   * A named condition a satisfying step must meet besides its name (read at the satisfying step):
   * a notice to the procuracy is not the notice to the parties, a first instalment is not the
   * buyer's full payment, a second verification in the same period is not the periodic one.
   */
  satisfiedWhen?: PredicateName;
  /** A date in the satisfying step's data that proves the act earlier than the step (e.g. 'contractOn'). */
  satisfactionDateField?: DeadlineDataField;
  /**
   * A satisfying step recorded before the trigger also meets the rule when it came after the
   * latest step of this name (e.g. a verification after the decision but before the notice).
   */
  satisfiedEarlierSince?: DeadlineStepName;
  cancelledBy: ReadonlyArray<DeadlineStepName>;
  pausedBy?: ReadonlyArray<PauseStep>;
  length: number;
  unit: TermUnit;
  /** A different length when a named condition holds (e.g. 45 days for immovables). */
  lengthWhen?: { when: PredicateName; length: number };
  actor: DeadlineActor;
  /** Whose rest days end the term: the agency's for its own acts, the civil calendar for a party's. */
  calendar: WhoseCalendar;
  /**
   * The last day the rule's text is in force for a term not yet done: after it the term lapses
   * (shown cancelled, with the days it was already overdue), because the next step follows the
   * new law (NĐ 152/2026/NĐ-CP Điều 115) and the new law sets other conditions for it.
   */
  lapsesAfter?: LocalDate;
  legalBasis: LegalBasis;
  confidence: Confidence;
  /** Why the rule reads the steps the way it does, where the law's trigger is not a recorded step. */
  note?: string;
}

export const triggersOf = (rule: DeadlineRule): ReadonlyArray<DeadlineStepName> =>
  typeof rule.trigger === 'string' ? [rule.trigger] : rule.trigger;
