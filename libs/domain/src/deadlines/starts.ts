import { assertNever } from '../assert-never';
import { isLocalDate, addYears, LocalDate } from '../local-date';
import { SEPARATE_TRACKING_RULES } from '../lifecycle/separate-tracking';
import { regimeOn } from '../regime';
import { dataText, RecordedStep } from './recorded-step';

/**
 * Where a term runs from, when it is not simply the trigger's date.
 * - groundOn: the date the legal ground arose, carried as `data.groundOn` by the decision step
 *   itself (postpone, resume, suspend, terminate, entrust); without it the rule is not opened.
 * - groundOnOrLastVerify: `groundOn`, else the verification that established the ground.
 * - lastReceive: the receipt of the request the step answers (a refusal).
 * - separateTrackingEligible: the day the conditions of NĐ 62/2015 Điều 9.5 are all met.
 */
export const START_NAMES = ['trigger', 'groundOn', 'groundOnOrLastVerify', 'lastReceive', 'separateTrackingEligible'] as const;
export type StartName = (typeof START_NAMES)[number];

/** A retrospective start judges the triggering step itself: it is the act the deadline asks for. */
export const isRetrospective = (start: StartName): boolean =>
  start === 'groundOn' || start === 'groundOnOrLastVerify' || start === 'lastReceive';

type Steps = ReadonlyArray<RecordedStep>;

const groundOn = (step: RecordedStep): LocalDate | undefined => {
  const value = dataText(step, 'groundOn');
  return value !== undefined && isLocalDate(value) ? value : undefined;
};

const lastBefore = (steps: Steps, index: number, name: string): RecordedStep | undefined => {
  for (let i = index - 1; i >= 0; i -= 1) if (steps[i].step === name) return steps[i];
  return undefined;
};

// Ends the wait for separate tracking: the case changed class, came back, or left the caseload.
const INTERRUPTS = new Set(['classify', 'restore', 'moveToSeparateTracking', 'terminate', 'complete', 'entrust', 'revoke', 'returnRequest']);

/**
 * 1 year after the decision of lack of conditions (2 when the address is unknown) and at least two
 * verifications since, whichever comes later. "No new information" is not recorded, so it is assumed.
 */
const separateTrackingEligible = (steps: Steps, index: number): LocalDate | undefined => {
  const decision = steps[index];
  const rule = SEPARATE_TRACKING_RULES[regimeOn(decision.on)];
  const years = dataText(decision, 'ground') === 'addressUnknown' ? rule.minYearsAddressUnknown : rule.minYears;
  let verifications = 0;
  for (let i = index + 1; i < steps.length && !INTERRUPTS.has(steps[i].step); i += 1) {
    if (steps[i].step !== 'verify') continue;
    verifications += 1;
    if (verifications >= rule.minVerifications) {
      const waited = addYears(decision.on, years);
      return steps[i].on > waited ? steps[i].on : waited;
    }
  }
  return undefined;
};

/** The date the term runs from, or undefined when the rule cannot be opened from these steps. */
export const startOf = (start: StartName, steps: Steps, index: number): LocalDate | undefined => {
  const step = steps[index];
  switch (start) {
    case 'trigger': return step.on;
    case 'groundOn': return groundOn(step);
    case 'groundOnOrLastVerify': return groundOn(step) ?? lastBefore(steps, index, 'verify')?.on;
    case 'lastReceive': return lastBefore(steps, index, 'receive')?.on;
    case 'separateTrackingEligible': return separateTrackingEligible(steps, index);
    default: return assertNever(start);
  }
};
